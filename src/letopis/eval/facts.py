"""factRuEval-2016 track 3: facts (Occupation; Meeting follows with the events) and their scoring.

Gold facts come from `.facts`, their values from `.coref`, `.objects`, `.spans` and `.tokens`:
a person is accepted under any of its mentions and any combination of its name parts
(surname alone, first name alone, surname + first name …), an organisation or place under
its names (with or without its descriptor), a position under the text of any of its spans.
Strings are compared after normalisation (lower case, ё → е, one kind of quotes and dashes)
and match within a Levenshtein distance that grows with their length (0 up to one character,
1 up to eight, 2 beyond). A predicted fact is paired with a gold fact of its type when a field
other than the position matches. A pair earns matched gold weight / (matched gold + unmatched
predicted + unmatched gold weight), the position weighing 0.5 and other fields 1. Several
predicted facts may share one gold fact (duplicates cost nothing). Gold facts marked
`Сложность повышенная` are ignored with whatever is paired with them (the competition's
default, "easy" mode). Pairs are chosen by an optimal assignment (Hungarian algorithm), and
left-over predictions join a pair when that raises the F1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import numpy as np
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

from .metrics import Score

FACT_TYPES = ("occupation", "meeting", "deal", "ownership")
WEIGHTS = {"position": 0.5, "фаза": 0.5}
THRESHOLDS = [0, 0, 1, 1, 1, 1, 1, 1, 1, 2]  # by string length; 2 beyond
NAME_ORDERS = ("lfp", "fpl", "fp", "fl", "lf", "n", "f", "p", "l", "fn")
NAME_PARTS = {"f": "firstname", "l": "lastname", "p": "patronymic", "n": "nickname"}
QUOTES = re.compile(r"[«»“”„]")
APOSTROPHES = re.compile(r"[’`]")
DASHES = re.compile(r"[-‐−‒–—―]")


def normalize(text: str) -> str:
    text = text.lower().strip(" \r\n\t")
    text = QUOTES.sub('"', text)
    text = APOSTROPHES.sub("'", text)
    text = DASHES.sub("-", text.replace("ё", "е"))
    for a, b in ((" ,", ","), (" .", "."), (" -", "-"), ("- ", "-"), ("( ", "("), (" )", ")")):
        text = text.replace(a, b)
    return text


def same(a: str, b: str) -> bool:
    longest = max(len(a), len(b))
    limit = THRESHOLDS[longest] if longest < len(THRESHOLDS) else 2
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


@dataclass
class Argument:
    name: str
    values: set[str]  # accepted normalised strings (gold) or the one predicted value

    @property
    def weight(self) -> float:
        return WEIGHTS.get(self.name, 1.0)

    def matches(self, other: Argument) -> bool:
        return self.name == other.name and any(same(a, b) for a in self.values for b in other.values)


@dataclass
class Fact:
    type: str
    arguments: list[Argument] = field(default_factory=list)
    ignored: bool = False

    def can_pair(self, other: Fact) -> bool:
        return self.type == other.type and any(
            g.matches(r) for g in self.arguments for r in other.arguments if g.name != "position"
        )


# ----- gold -----
def load_gold_facts(directory: Path, name: str, book) -> list[Fact] | None:
    """The gold facts of a book (None when it has no .facts file). `book` is the track-1 Book."""
    path = directory / f"{name}.facts"
    if not path.exists():
        return None
    spans = _span_texts(directory / f"{name}.spans", book)
    entities = _coref_entities(directory / f"{name}.coref", _object_texts(directory / f"{name}.objects", spans))
    facts = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines or len(lines[0].split()) < 2:
            continue
        fact = Fact(lines[0].split()[1].lower())
        for line in lines[1:]:
            role, _, rest = line.strip().partition(" ")
            role = role.lower()
            if role == "job":
                role = "position"
            if role in ("модальность", "фаза"):
                continue
            if role == "сложность":
                fact.ignored = fact.ignored or normalize(rest) == "повышенная"
                continue
            fact.arguments.append(Argument(role, _gold_values(rest, spans, entities)))
        if fact.type in FACT_TYPES:
            facts.append(fact)
    return facts


def _gold_values(rest: str, spans: dict[str, str], entities: dict[str, set[str]]) -> set[str]:
    first = rest.split(" ", 1)[0]
    if first.startswith("obj"):
        key = first[3:]
        values = set(entities.get(key, set()))
        described = rest.split(" ", 1)[1] if " " in rest else ""
        if described:
            values.add(normalize(described))
        return values
    if first.startswith("span"):
        values = set()
        for alternative in rest.split("|"):
            span_id = alternative.strip().split(" ", 1)[0]
            if span_id.startswith("span") and span_id[4:] in spans:
                values.add(spans[span_id[4:]])
        return values
    return {normalize(v) for v in rest.split("|") if v.strip()}


def _span_texts(path: Path, book) -> dict[str, str]:
    texts: dict[str, str] = {}
    if not path.exists():
        return texts
    index = {(t.start, t.end): i for i, t in enumerate(book.tokens)}
    by_start = {t.start: i for i, t in enumerate(book.tokens)}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 6:
            continue
        start, count = int(fields[2]), int(fields[5])
        first = by_start.get(start)
        if first is None:
            continue
        words = [book.tokens[k].text for k in range(first, min(first + count, len(book.tokens)))]
        texts.setdefault(fields[0], normalize(" ".join(words)))
    del index
    return texts


def _object_texts(path: Path, spans: dict[str, str]) -> dict[str, str]:
    texts = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 3:
                texts[fields[0]] = " ".join(spans[s] for s in fields[2:] if s in spans)
    return texts


def _coref_entities(path: Path, objects: dict[str, str]) -> dict[str, set[str]]:
    entities: dict[str, set[str]] = {}
    if not path.exists():
        return entities
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        ids = lines[0].split()
        values = {objects[m] for m in ids[1:] if objects.get(m)}
        attributes: dict[str, list[str]] = {}
        for line in lines[1:]:
            key, _, value = line.partition(" ")
            key = re.sub(r"\d+$", "", key)
            if key != "wikidata" and value.strip():
                attributes.setdefault(key, []).append(normalize(value))
        values |= _name_values(attributes)
        entities[ids[0]] = {normalize(v) for v in values if v}
    return entities


def _name_values(attributes: dict[str, list[str]]) -> set[str]:
    values: set[str] = set()
    for order in NAME_ORDERS:
        parts = [attributes.get(NAME_PARTS[c], []) for c in order]
        if all(parts):
            values |= {" ".join(combination) for combination in product(*parts)}
    descriptors = attributes.get("descriptor", [])
    for name in attributes.get("name", []):
        values.add(name)
        for descriptor in descriptors:
            if descriptor not in name.split():
                values |= {f"{name} {descriptor}", f"{descriptor} {name}"}
    return values


# ----- predictions -----
def parse_task3(text: str) -> list[Fact]:
    facts = []
    for block in text.split("\n\n"):
        lines = [normalize(line) for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        fact = Fact(lines[0].strip(" :"))
        for line in lines[1:]:
            parts = line.split(":")
            if len(parts) != 2:
                continue
            name = parts[0].strip()
            fact.arguments.append(Argument("position" if name == "job" else name, {parts[1].strip()}))
        if fact.type in FACT_TYPES:
            facts.append(fact)
    return facts


def format_task3(facts: Iterable[Fact]) -> str:
    blocks = []
    for fact in facts:
        lines = [fact.type] + [f"{a.name} : {next(iter(a.values))}" for a in fact.arguments]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


# ----- scoring -----
def cluster_quality(gold: Fact, predicted: list[Fact]) -> float:
    if not predicted or gold.ignored:
        return 0.0
    pool = [(k, a) for k, fact in enumerate(predicted) for a in fact.arguments]
    supplied: dict[int, set[int]] = {}  # gold argument -> the predicted facts supplying it
    unmatched_predicted = 0.0
    for k, argument in pool:
        target = next((g for g, gold_argument in enumerate(gold.arguments) if gold_argument.matches(argument)), None)
        if target is None:
            unmatched_predicted += argument.weight
        else:
            supplied.setdefault(target, set()).add(k)
    matched = sum(gold.arguments[g].weight for g in supplied)
    unmatched_gold = sum(a.weight for g, a in enumerate(gold.arguments) if g not in supplied)
    total = matched + unmatched_predicted + unmatched_gold
    accuracy = matched / total if total else 0.0
    if len(predicted) == 1:
        return accuracy
    n = len(supplied)
    if n <= 1:
        together = 1.0
    else:
        keys = sorted(supplied)
        edges = sum(1 for i, a in enumerate(keys) for b in keys[i + 1 :] if supplied[a] & supplied[b])
        together = edges / (n * (n - 1) / 2)
    return (accuracy + together * accuracy) / 2


def score_facts(gold: list[Fact], predicted: list[Fact], fact_type: str) -> Score:
    gold = [g for g in gold if g.type == fact_type]
    predicted = [p for p in predicted if p.type == fact_type]
    clusters = _assign(gold, predicted)
    return _count(gold, predicted, clusters)


def _count(gold: list[Fact], predicted: list[Fact], clusters: dict[int, list[int]]) -> Score:
    score = Score()
    assigned = {k for members in clusters.values() for k in members}
    for g, fact in enumerate(gold):
        members = [predicted[k] for k in clusters.get(g, [])]
        quality = cluster_quality(fact, members)
        if not fact.ignored:
            score.n_std += 1
            score.tp_std += quality
            score.n_test += len(members)
            score.tp_test += quality * len(members)
    score.n_test += sum(1 for k in range(len(predicted)) if k not in assigned)
    return score


def _assign(gold: list[Fact], predicted: list[Fact]) -> dict[int, list[int]]:
    clusters: dict[int, list[int]] = {}
    if not gold or not predicted:
        return clusters
    weights = np.zeros((len(gold), len(predicted)))
    for g, gold_fact in enumerate(gold):
        for k, fact in enumerate(predicted):
            if gold_fact.can_pair(fact):
                weights[g, k] = 1.0 if gold_fact.ignored else max(cluster_quality(gold_fact, [fact]), 1e-6)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    for g, k in zip(rows, cols):
        if weights[g, k] > 0:
            clusters[g] = [k]
    assigned = {k for members in clusters.values() for k in members}
    for k in range(len(predicted)):
        if k in assigned:
            continue
        best, best_f1 = None, _count(gold, predicted, clusters).f1
        for g in range(len(gold)):
            if weights[g, k] <= 0:
                continue
            trial = {**clusters, g: clusters.get(g, []) + [k]}
            f1 = _count(gold, predicted, trial).f1
            if f1 > best_f1:
                best, best_f1 = g, f1
        if best is not None:
            clusters[best] = clusters.get(best, []) + [k]
    return clusters
