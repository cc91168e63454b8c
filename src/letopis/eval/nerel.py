"""NEREL (brat standoff): entity mentions and the WORKS_AS / WORKPLACE relations.

Gold mentions of PERSON, PROFESSION, ORGANIZATION, COUNTRY and CITY are compared with ours
(persons, posts of roles, organisations, countries, cities; adjectives and descriptions are not
names and are left out), and the relations with our roles: WORKS_AS links a person to the
words of a post, WORKPLACE a person (or, in NEREL, the post) to the organisation or place of
the post. Two scores: `exact` needs equal offsets, `overlap` only overlapping ones (NEREL nests
its spans: `Президент США` is a PROFESSION holding a COUNTRY, where our post is `президент`).
Pairs are one-to-one, chosen greedily by the size of the overlap; counts are summed over
documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from .metrics import Score

MENTION_TYPES = ("PERSON", "PROFESSION", "ORGANIZATION", "COUNTRY", "CITY")
RELATION_TYPES = ("WORKS_AS", "WORKPLACE")
OUR_TYPES = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "COUNTRY": "COUNTRY", "CITY": "CITY"}
NAME_KINDS = ("name", "abbreviation", "alias")
ADJECTIVE_TYPES = {"COUNTRY"}  # NEREL marks `британской королевы` as a COUNTRY mention

Offsets = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    type: str
    arg1: tuple[Offsets, ...]  # the first argument's admissible spans (a person, or its post)
    arg2: Offsets


@dataclass
class Gold:
    name: str
    text: str
    mentions: list[Mention]
    relations: list[Relation]


def load(directory: Path) -> list[Gold]:
    documents = []
    for txt in sorted(directory.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if ann.exists():
            documents.append(_read(txt, ann))
    return documents


def _read(txt: Path, ann: Path) -> Gold:
    text = txt.read_text(encoding="utf-8")
    spans: dict[str, Mention] = {}
    relations = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        kind, _, offsets = fields[1].partition(" ")
        if ";" in offsets:
            continue  # discontinuous spans are left out
        start, end = (int(x) for x in offsets.split())
        spans[fields[0]] = Mention(kind, start, end)
    for line in lines:
        if not line.startswith("R"):
            continue
        kind, arg1, arg2 = line.split("\t")[1].split()[:3]
        first, second = spans.get(arg1.split(":")[1]), spans.get(arg2.split(":")[1])
        if kind in RELATION_TYPES and first and second:
            relations.append(Relation(kind, ((first.start, first.end),), (second.start, second.end)))
    mentions = [m for m in spans.values() if m.type in MENTION_TYPES]
    return Gold(txt.stem, text, mentions, relations)


def predictions(doc: Document) -> tuple[list[Mention], list[Relation]]:
    mentions = []
    for entity in doc.entities:
        kind = OUR_TYPES.get(entity.type)
        if kind:
            kinds = NAME_KINDS + (("adjective",) if kind in ADJECTIVE_TYPES else ())
            mentions += [Mention(kind, m.start, m.end) for m in entity.mentions if m.kind in kinds]
    relations = []
    mentions += [Mention("PROFESSION", p["start"], p["end"]) for p in doc.posts]
    for role in doc.roles:
        mentions.append(Mention("PROFESSION", role["position_start"], role["position_end"]))
        person = (role["person_start"], role["person_end"])
        post = (role["position_start"], role["position_end"])
        relations.append(Relation("WORKS_AS", (person,), post))
        if role.get("of_start") is not None:
            relations.append(Relation("WORKPLACE", (person, post), (role["of_start"], role["of_end"])))
    return mentions, relations


def _overlap(a: Offsets, b: Offsets) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _fit(gold: Offsets, ours: Offsets, exact: bool) -> int:
    if exact:
        return gold[1] - gold[0] if gold == ours else 0
    return _overlap(gold, ours)


def _pairs(gold: list, ours: list, fit) -> int:
    """How many one-to-one pairs, greedily by how well they fit."""
    candidates = sorted(((fit(g, o), i, j) for i, g in enumerate(gold) for j, o in enumerate(ours)), reverse=True)
    used_gold, used_ours = set(), set()
    for score, i, j in candidates:
        if score <= 0:
            break
        if i not in used_gold and j not in used_ours:
            used_gold.add(i)
            used_ours.add(j)
    return len(used_gold)


def score_document(gold: Gold, mentions: list[Mention], relations: list[Relation], exact: bool) -> dict[str, Score]:
    scores = {}
    for kind in MENTION_TYPES:
        g = [(m.start, m.end) for m in gold.mentions if m.type == kind]
        o = list({(m.start, m.end) for m in mentions if m.type == kind})
        scores[kind] = _score(len(g), len(o), _pairs(g, o, lambda a, b: _fit(a, b, exact)))
    for kind in RELATION_TYPES:
        g = [r for r in gold.relations if r.type == kind]
        o = list({r for r in relations if r.type == kind})

        def fit(gold_relation: Relation, ours: Relation) -> int:
            first = max(_fit(gold_relation.arg1[0], span, exact) for span in ours.arg1)
            second = _fit(gold_relation.arg2, ours.arg2, exact)
            return first + second if first and second else 0

        scores[kind] = _score(len(g), len(o), _pairs(g, o, fit))
    return scores


def _score(n_gold: int, n_ours: int, matched: int) -> Score:
    return Score(tp_test=matched, tp_std=matched, n_test=n_ours, n_std=n_gold)


@dataclass
class Report:
    exact: dict[str, Score]
    overlap: dict[str, Score]
    documents: int


def evaluate(golds: list[Gold], predict, progress=None) -> Report:
    """`predict(docs)` yields Documents (in order) for the gold documents' texts."""
    exact = {k: Score() for k in MENTION_TYPES + RELATION_TYPES}
    overlap = {k: Score() for k in MENTION_TYPES + RELATION_TYPES}
    for gold, doc in zip(golds, predict(documents(golds))):
        mentions, relations = predictions(doc)
        for table, is_exact in ((exact, True), (overlap, False)):
            for kind, score in score_document(gold, mentions, relations, is_exact).items():
                table[kind].add(score)
        if progress:
            progress()
    return Report(exact, overlap, len(golds))


def documents(golds: Iterable[Gold]) -> Iterator[Document]:
    for gold in golds:
        yield Document(text=gold.text, doc_id=gold.name)
