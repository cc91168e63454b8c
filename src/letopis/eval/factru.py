"""factRuEval-2016: read a collection, write track-1 submissions, score them as the competition does.

Track 1 scores entity mentions of four types (per, loc, org, locorg) over the tokens of the
gold `.tokens` file. Gold mentions are built from `.objects` and `.spans`; each gold token
carries a mark: 1 for name tokens (name, surname, patronymic, nickname for persons;
loc_name, org_name for the others), 0 for descriptors, which are thus optional. A pair of
a gold and a predicted mention of the same type earns tp / (tp + fp + fn): tp and fn sum
the marks of the gold tokens covered and missed (punctuation never counts as missed), fp
counts predicted tokens outside the gold mention. Gold mentions without name tokens, nested
inside another mention, or duplicated by an identical one are ignored, together with the
prediction paired to them. Pairs are one-to-one: identical mentions first, then an optimal
assignment (Hungarian algorithm) over partial overlaps. Counts are summed over documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..document import Document
from .metrics import Score

TYPES = ("per", "loc", "org", "locorg")
OBJECT_TYPES = {"Person": "per", "Org": "org", "Organization": "org", "Location": "loc", "LocOrg": "locorg"}
NAME_SPANS = {
    "per": {"name", "surname", "patronymic", "nickname"},
    "loc": {"loc_name", "org_name"},
    "org": {"loc_name", "org_name"},
    "locorg": {"loc_name", "org_name"},
}
# A mention nested in (or identical to) one of these types is not scored on its own.
PARENT_TYPES = {"per": {"loc", "org", "locorg"}, "loc": {"loc", "org", "locorg"}, "org": {"org", "locorg"}, "locorg": {"org", "locorg"}}
BOOK = re.compile(r"^(book_\d+)\.txt$")


@dataclass(frozen=True)
class GoldToken:
    start: int
    end: int  # exclusive
    text: str

    @property
    def is_punctuation(self) -> bool:
        return len(self.text) == 1 and self.text.upper() == self.text.lower()


@dataclass
class GoldMention:
    id: str
    type: str
    tokens: frozenset[int]
    marks: dict[int, int]

    @property
    def unnamed(self) -> bool:
        return not any(self.marks.values())


@dataclass
class Book:
    name: str
    text: str
    tokens: list[GoldToken] = field(default_factory=list)
    ignored: set[int] = field(default_factory=set)  # punctuation glued to a word
    mentions: list[GoldMention] = field(default_factory=list)

    @property
    def has_gold(self) -> bool:
        return bool(self.tokens)


# ----- reading a collection -----
def book_names(directory: Path) -> list[str]:
    names = [m.group(1) for p in directory.iterdir() if (m := BOOK.match(p.name))]
    return sorted(names, key=lambda n: int(n.split("_")[1]))


def load_book(directory: Path, name: str) -> Book:
    text = (directory / f"{name}.txt").read_text(encoding="utf-8")
    book = Book(name, text)
    tokens_file = directory / f"{name}.tokens"
    if not tokens_file.exists():
        return book
    token_ids: dict[str, int] = {}
    for line in tokens_file.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 4:
            token_ids[parts[0]] = len(book.tokens)
            start, length = int(parts[1]), int(parts[2])
            book.tokens.append(GoldToken(start, start + length, parts[3]))
    book.ignored = _glued_punctuation(book.tokens)
    spans = _read_spans(directory / f"{name}.spans", token_ids)
    objects = directory / f"{name}.objects"
    if objects.exists():
        for line in objects.read_text(encoding="utf-8").splitlines():
            mention = _read_object(line, spans)
            if mention is not None:
                book.mentions.append(mention)
    return book


def _glued_punctuation(tokens: list[GoldToken]) -> set[int]:
    order = sorted(range(len(tokens)), key=lambda i: tokens[i].start)
    ignored = set()
    for k, i in enumerate(order):
        token = tokens[i]
        if len(token.text) != 1 or token.text.upper() != token.text.lower():
            continue
        glued_before = k > 0 and tokens[order[k - 1]].end == token.start
        glued_after = k + 1 < len(order) and tokens[order[k + 1]].start == token.end
        if glued_before or glued_after:
            ignored.add(i)
    return ignored


def _read_spans(path: Path, token_ids: dict[str, int]) -> dict[str, list[tuple[str, list[int]]]]:
    spans: dict[str, list[tuple[str, list[int]]]] = {}
    if not path.exists():
        return spans
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 6 or fields[4] not in token_ids:
            continue
        first = token_ids[fields[4]]
        spans.setdefault(fields[0], []).append((fields[1], list(range(first, first + int(fields[5])))))
    return spans


def _read_object(line: str, spans: dict[str, list[tuple[str, list[int]]]]) -> GoldMention | None:
    fields = line.split("#", 1)[0].split()
    if len(fields) < 3 or fields[1] not in OBJECT_TYPES:
        return None
    kind = OBJECT_TYPES[fields[1]]
    marks: dict[int, int] = {}
    for span_id in fields[2:]:
        for span_type, token_list in spans.get(span_id, []):
            mark = 1 if span_type in NAME_SPANS[kind] else 0
            for token in token_list:
                marks[token] = max(marks.get(token, 0), mark)
    return GoldMention(fields[0], kind, frozenset(marks), marks)


# ----- predictions -----
def response_tokens(book: Book, start: int, length: int) -> frozenset[int]:
    """Gold tokens wholly inside [start, start + length), glued punctuation left out."""
    end = start + length
    return frozenset(
        i for i, t in enumerate(book.tokens) if t.start >= start and t.end <= end and i not in book.ignored
    )


def parse_task1(text: str) -> list[tuple[str, int, int]]:
    lines = []
    for line in text.splitlines():
        fields = line.strip().split()
        if len(fields) == 3 and fields[0].lower() in TYPES:
            lines.append((fields[0].lower(), int(fields[1]), int(fields[2])))
    return lines


def format_task1(lines: Iterable[tuple[str, int, int]]) -> str:
    return "".join(f"{t} {s} {n}\n" for t, s, n in lines)


# ----- scoring -----
def score_book(book: Book, predicted: list[tuple[str, int, int]]) -> dict[str, Score]:
    gold = book.mentions
    response = [(kind, response_tokens(book, start, length)) for kind, start, length in predicted]
    pairs = _assign(book, gold, response)
    matched_gold = set(pairs)
    ignored = {i for i, g in enumerate(gold) if _is_ignored(i, gold, matched_gold)}
    scores = {kind: Score() for kind in TYPES}
    paired_response = set(pairs.values())
    for i, j in pairs.items():
        if i in ignored:
            continue
        quality = _quality(book, gold[i], response[j][1])
        score = scores[gold[i].type]
        score.tp_std += quality
        score.tp_test += quality
        score.n_std += 1
        score.n_test += 1
    for j, (kind, _) in enumerate(response):
        if j not in paired_response:
            scores[kind].n_test += 1
    for i, g in enumerate(gold):
        if i not in matched_gold and i not in ignored:
            scores[g.type].n_std += 1
    return scores


def _overlap(g: GoldMention, kind: str, tokens: frozenset[int]) -> float:
    if g.type != kind or not tokens:
        return 0.0
    union = len(g.tokens | tokens)
    return len(g.tokens & tokens) / union if union else 0.0


def _quality(book: Book, g: GoldMention, tokens: frozenset[int]) -> float:
    tp = sum(g.marks[i] for i in g.tokens & tokens)
    fn = sum(g.marks[i] for i in g.tokens - tokens if not book.tokens[i].is_punctuation)
    fp = len(tokens - g.tokens)
    if tp + fp + fn == 0:
        return _overlap(g, g.type, tokens)
    return tp / (tp + fp + fn)


def _assign(book: Book, gold: list[GoldMention], response: list[tuple[str, frozenset[int]]]) -> dict[int, int]:
    """Identical pairs first; the rest by an optimal assignment on pair quality."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for i, g in enumerate(gold):
        for j, (kind, tokens) in enumerate(response):
            if j not in used and g.type == kind and g.tokens == tokens:
                pairs[i] = j
                used.add(j)
                break
    rest_gold = [i for i in range(len(gold)) if i not in pairs]
    rest_response = [j for j in range(len(response)) if j not in used]
    if not rest_gold or not rest_response:
        return pairs
    weights = np.zeros((len(rest_gold), len(rest_response)))
    for a, i in enumerate(rest_gold):
        for b, j in enumerate(rest_response):
            kind, tokens = response[j]
            if _overlap(gold[i], kind, tokens) > 0:
                weights[a, b] = max(_quality(book, gold[i], tokens), 1e-6)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    for a, b in zip(rows, cols):
        if weights[a, b] > 0:
            pairs[rest_gold[a]] = rest_response[b]
    return pairs


def _is_ignored(i: int, gold: list[GoldMention], matched: set[int]) -> bool:
    g = gold[i]
    if g.unnamed:
        return True
    relatives = [k for k, other in enumerate(gold) if k != i and other.type in PARENT_TYPES[g.type]]
    if any(g.tokens < gold[k].tokens for k in relatives):
        return True
    sibling = next((k for k in relatives if gold[k].tokens == g.tokens), None)
    if sibling is None:
        return False
    if (i in matched) != (sibling in matched):
        return i not in matched
    if gold[sibling].type == g.type:
        return i > sibling
    return g.type != "org"


def total(scores: dict[str, Score]) -> Score:
    overall = Score()
    for score in scores.values():
        overall.add(score)
    return overall


# ----- our documents as submissions -----
def task1_lines(doc: Document, lang) -> list[tuple[str, int, int]]:
    """Our entity mentions as track-1 lines: per, org, loc, and locorg for countries and cities
    acting as political entities (not the place of something: `в России`, `из Москвы`)."""
    spans = {(doc.tokens[s.first].start, doc.tokens[s.last - 1].end): s for s in doc.spans}
    lines = set()
    for entity in doc.entities:
        for mention in entity.mentions:
            if mention.kind in ("adjective", "descriptor"):
                continue  # the competition annotates names only
            kind = _task1_type(doc, entity, spans.get((mention.start, mention.end)), lang)
            if kind:
                lines.add((kind, mention.start, mention.end - mention.start))
    return sorted(lines, key=lambda x: (x[1], x[2]))


POLITICAL_REGIONS = {"subnational", "disputed"}


def _task1_type(doc: Document, entity, span, lang) -> str | None:
    if entity.type == "PERSON":
        return "per"
    if entity.type == "ORGANIZATION":
        return "org"
    political = entity.type in ("COUNTRY", "CITY") or (
        entity.type == "LOCATION" and span is not None and _region_kind(span, lang) in POLITICAL_REGIONS
    )
    if not political:
        return "loc"
    return "loc" if span is not None and lang.is_locative(doc, span.first, span.last) else "locorg"


def _region_kind(span, lang) -> str | None:
    region = lang.lexicon.regions.get(span.key or "")
    return region.kind if region else None


# ----- the evaluation run -----
@dataclass
class Prediction:
    mentions: list[tuple[str, int, int]]  # track 1 lines
    facts: list = field(default_factory=list)  # track 3 facts (eval.facts.Fact)


@dataclass
class Report:
    scores: dict[str, Score]
    facts: dict[str, Score]
    documents: int
    scored: int
    scored_facts: int

    @property
    def overall(self) -> Score:
        return total(self.scores)


def documents(directory: Path, books: list[Book]) -> Iterator[Document]:
    for book in books:
        yield Document(text=book.text, doc_id=book.name, source=str(directory / f"{book.name}.txt"))


def letopis_predictions(pipeline, on_error):
    """`predict` for `evaluate`: letopis on every document; one that fails is reported through
    `on_error` and scored as having found nothing."""
    from ..runner import Summary, extract_stream

    def predict(docs):
        docs = list(docs)
        done = set()
        for doc in extract_stream(docs, pipeline, Summary(), on_error):
            done.add(doc.doc_id)
            yield doc.doc_id, Prediction(task1_lines(doc, pipeline.language), occupation_facts(doc) + meeting_facts(doc))
        for doc in docs:
            if doc.doc_id not in done:
                yield doc.doc_id, Prediction([])

    return predict


NOT_OCCUPATIONS = {"гражданин", "гражданка", "житель", "жительница", "уроженец", "уроженка"}


def occupation_facts(doc: Document) -> list:
    """Our roles as track-3 Occupation facts: who (surname, first name, patronymic), position as
    written, where (the organisation or place of the post, as named in the text)."""
    from .facts import Argument, Fact

    entities = {e.id: e for e in doc.entities}
    facts = []
    for role in doc.roles:
        person = entities.get(role["person"])
        if person is None or not role.get("of_name") or role["position"].split()[0] in NOT_OCCUPATIONS:
            continue  # an occupation names where it is held; citizenship and residence are none
        fact = Fact("occupation", [Argument("who", {_person_value(person)})])
        fact.arguments.append(Argument("position", {role["position_raw"].lower()}))
        if role.get("of_name"):
            fact.arguments.append(Argument("where", {role["of_name"].lower()}))
        facts.append(fact)
    return facts


def meeting_facts(doc: Document) -> list:
    """Our meetings (CONSULT events between persons) as track-3 Meeting facts: the participants."""
    from .facts import Argument, Fact

    entities = {e.id: e for e in doc.entities}
    facts = []
    for event in doc.events:
        if event.get("plover") != "CONSULT" or event.get("negated"):
            continue
        people = [entities[a] for a in event["source"] + event["target"] if a in entities and entities[a].type == "PERSON" and entities[a].name_parts]
        if len(people) >= 2:
            facts.append(Fact("meeting", [Argument("participant", {_person_value(p)}) for p in people]))
    return facts


def _person_value(person) -> str:
    parts = person.name_parts or {}
    words = [parts[k] for k in ("last", "first") if parts.get(k)]  # every gold person has these
    return (" ".join(words) or person.name).lower()


def evaluate(directory: Path, predict, export: Path | None = None, progress=None) -> Report:
    """Score tracks 1 and 3 on a collection. `predict(docs)` yields (doc_id, Prediction)."""
    from .facts import FACT_TYPES, format_task3, load_gold_facts, score_facts

    books = [load_book(directory, name) for name in book_names(directory)]
    by_name = {b.name: b for b in books}
    scores = {kind: Score() for kind in TYPES}
    fact_scores = {kind: Score() for kind in FACT_TYPES}
    scored = scored_facts = 0
    if export:
        export.mkdir(parents=True, exist_ok=True)
    for name, prediction in predict(documents(directory, books)):
        book = by_name[name]
        if export:
            (export / f"{name}.task1").write_text(format_task1(prediction.mentions), encoding="utf-8")
            (export / f"{name}.task3").write_text(format_task3(prediction.facts), encoding="utf-8")
        if book.has_gold:
            scored += 1
            for kind, score in score_book(book, prediction.mentions).items():
                scores[kind].add(score)
            gold_facts = load_gold_facts(directory, name, book)
            if gold_facts is not None:
                scored_facts += 1
                for kind in FACT_TYPES:
                    fact_scores[kind].add(score_facts(gold_facts, prediction.facts, kind))
        if progress:
            progress()
    return Report(scores, fact_scores, len(books), scored, scored_facts)
