"""Events against a gold file in the format of FORMATS.md ("Event gold"), with its matching rules.

A predicted event matches a gold event when their PLOVER types are equal, every gold source
actor matches one of the predicted sources and every gold target one of the predicted targets
(an empty gold side matches anything; the sides of a CONSULT may be swapped), and — in strict
mode only — the predicted date agrees with the gold date at the gold's precision. Actors match
by name (lower case, ё as е; any of our entity's names, so an abbreviation it was linked to counts), by surname for persons, by ISO code for countries. Pairs are
one-to-one, chosen greedily by how many actors they share; precision, recall and F1 are given
per PLOVER type and overall, strict and relaxed (without dates).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from .metrics import Score

SWAPPABLE = {"CONSULT"}


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str  # person | org | country | group | place
    country: str | None = None
    aliases: tuple[str, ...] = ()  # our entity's other names (`НАТО` for its full name)


@dataclass
class Event:
    type: str
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    date: str | None = None
    cameo: str | None = None
    evidence: tuple[int, int] | None = None  # the sentence stating it, as character offsets
    trigger: str | None = None  # the word letopis coded it from


@dataclass
class GoldDocument:
    path: str
    text: str
    doc_date: str | None
    events: list[Event]


def fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def load_gold(path: Path, data_root: Path) -> list[GoldDocument]:
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        text_path = data_root / record["doc"]
        text = text_path.read_text(encoding="utf-8")
        events = [
            Event(e["type"], [_gold_actor(a) for a in e.get("source", [])], [_gold_actor(a) for a in e.get("target", [])], e.get("date"),
                  e.get("cameo"), _span(e.get("evidence")))
            for e in record.get("events", [])
        ]
        documents.append(GoldDocument(record["doc"], text, record.get("doc_date"), events))
    return documents


def _span(evidence: dict | None) -> tuple[int, int] | None:
    return (evidence["start"], evidence["end"]) if evidence else None


def _gold_actor(actor: dict) -> Actor:
    return Actor(actor["name"], actor.get("kind", ""), actor.get("country"))


def predicted_events(doc: Document) -> list[Event]:
    entities = {e.id: e for e in doc.entities}
    events = []
    for event in doc.events:
        if not event.get("plover"):
            continue
        events.append(Event(event["plover"], _actors(event.get("source", []), entities), _actors(event.get("target", []), entities), event.get("date"),
                            event.get("cameo"), _span(event.get("evidence")), (event.get("trigger") or {}).get("text")))
    return events


KINDS = {"PERSON": "person", "ORGANIZATION": "org", "COUNTRY": "country", "GROUP": "group", "CITY": "place", "LOCATION": "place"}


def _actors(ids: list[str], entities: dict) -> list[Actor]:
    actors = []
    for actor_id in ids:
        entity = entities.get(actor_id)
        if entity is not None:
            country = (entity.actor or {}).get("country") or entity.country
            actors.append(Actor(entity.name, KINDS.get(entity.type, ""), country, tuple(entity.aliases)))
    return actors


def actor_matches(gold: Actor, ours: Actor) -> bool:
    if any(fold(gold.name) == fold(name) for name in (ours.name, *ours.aliases)):
        return True
    if gold.kind == "person" and ours.kind == "person" and fold(gold.name).split()[-1:] == fold(ours.name).split()[-1:]:
        return True
    return gold.kind == "country" and ours.kind in ("country", "place") and gold.country is not None and gold.country == ours.country


def _side(gold: list[Actor], ours: list[Actor]) -> int | None:
    """How many gold actors this side matches; None when one of them is not matched."""
    if not gold:
        return 0
    matched = [any(actor_matches(g, o) for o in ours) for g in gold]
    return sum(matched) if all(matched) else None


def date_agrees(gold: str | None, ours: str | None) -> bool:
    if gold is None:
        return True
    return ours is not None and ours[: len(gold)] == gold


def pair_score(gold: Event, ours: Event, strict: bool) -> int | None:
    if gold.type != ours.type or (strict and not date_agrees(gold.date, ours.date)):
        return None
    straight = (_side(gold.source, ours.source), _side(gold.target, ours.target))
    options = [straight]
    if gold.type in SWAPPABLE:
        options.append((_side(gold.source, ours.target), _side(gold.target, ours.source)))
    scores = [a + b for a, b in options if a is not None and b is not None]
    return max(scores) + 1 if scores else None


def matched_pairs(gold: list[Event], ours: list[Event], strict: bool) -> list[tuple[int, int]]:
    """The one-to-one pairs (gold index, our index), chosen greedily by how many actors they share."""
    candidates = []
    for i, g in enumerate(gold):
        for j, o in enumerate(ours):
            score = pair_score(g, o, strict)
            if score is not None:
                candidates.append((score, -i, -j, i, j))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_ours: set[int] = set()
    pairs = []
    for _, _, _, i, j in candidates:
        if i not in used_gold and j not in used_ours:
            used_gold.add(i)
            used_ours.add(j)
            pairs.append((i, j))
    return pairs


def score_document(gold: list[Event], ours: list[Event], strict: bool) -> dict[str, Score]:
    return _scores(gold, ours, matched_pairs(gold, ours, strict))


def _scores(gold: list[Event], ours: list[Event], pairs: list[tuple[int, int]]) -> dict[str, Score]:
    used_gold = {i for i, _ in pairs}
    used_ours = {j for _, j in pairs}
    scores: dict[str, Score] = {}
    for i, g in enumerate(gold):
        score = scores.setdefault(g.type, Score())
        score.n_std += 1
        if i in used_gold:
            score.tp_std += 1
    for j, o in enumerate(ours):
        score = scores.setdefault(o.type, Score())
        score.n_test += 1
        if j in used_ours:
            score.tp_test += 1
    return scores


@dataclass
class Report:
    strict: dict[str, Score]
    relaxed: dict[str, Score]
    documents: int


def evaluate(golds: list[GoldDocument], predict, errors=None) -> Report:
    """`predict(docs)` yields our Documents for the gold documents, in order; `errors`, if given,
    is called with each unmatched event (see `unmatched`)."""
    docs = [Document(text=g.text, doc_id=g.path, doc_date=g.doc_date, source=g.path) for g in golds]
    return _report(((gold, predicted_events(doc)) for gold, doc in zip(golds, predict(docs))), errors)


def agreement(golds: list[GoldDocument], others: list[GoldDocument], errors=None) -> Report:
    """A second annotation scored against the gold, on the documents both cover: how far two
    annotators agree under the same matching rules (the second one's names stand as they are)."""
    theirs = {other.path: other.events for other in others}
    return _report(((gold, theirs[gold.path]) for gold in golds if gold.path in theirs), errors)


def _report(documents_and_events, errors=None) -> Report:
    strict: dict[str, Score] = {}
    relaxed: dict[str, Score] = {}
    documents = 0
    for gold, ours in documents_and_events:
        documents += 1
        relaxed_pairs = matched_pairs(gold.events, ours, strict=False)
        for table, scores in ((strict, score_document(gold.events, ours, strict=True)), (relaxed, _scores(gold.events, ours, relaxed_pairs))):
            for kind, score in scores.items():
                table.setdefault(kind, Score()).add(score)
        if errors is not None:
            for record in unmatched(gold, ours, relaxed_pairs):
                errors(record)
    return Report(dict(sorted(strict.items())), dict(sorted(relaxed.items())), documents)


def unmatched(gold: GoldDocument, ours: list[Event], pairs: list[tuple[int, int]]) -> list[dict]:
    """The events left unpaired without dates (`pairs`, as `matched_pairs` chose them), for reading
    the errors: each gold event missed (with ours of the same type told in its sentence: actors
    named otherwise) and each of ours that matches none (spurious), with the sentence stating it."""
    paired_gold = {i for i, _ in pairs}
    paired_ours = {j for _, j in pairs}
    records = []
    for i, event in enumerate(gold.events):
        if i in paired_gold:
            continue
        record = _error_record(gold, "missed", event)
        record["ours_in_sentence"] = [_brief(o) for o in ours if o.type == event.type and _overlap(o.evidence, event.evidence)]
        records.append(record)
    records += [_error_record(gold, "spurious", o) for j, o in enumerate(ours) if j not in paired_ours]
    return records


def _error_record(gold: GoldDocument, kind: str, event: Event) -> dict:
    evidence = {"start": event.evidence[0], "end": event.evidence[1]} if event.evidence else None
    return {"doc": gold.path, "error": kind, **_brief(event), "date": event.date, "trigger": event.trigger,
            "evidence": evidence, "sentence": gold.text[event.evidence[0] : event.evidence[1]] if event.evidence else None}


def _brief(event: Event) -> dict:
    return {"type": event.type, "cameo": event.cameo, "source": [a.name for a in event.source], "target": [a.name for a in event.target]}


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]
