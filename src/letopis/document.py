"""The document object that flows through the pipeline, and its JSON record.

A `Document` starts as text plus metadata (from a reader), gains tokens and sentences
from the language layer, and entities, roles, events and quotes from the stages.
`to_record()` gives the output contract of `letopis extract` (docs: FORMATS.md);
`from_record()` reads it back, so documents cross process boundaries unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "LOCATION", "GROUP")


def text_id(text: str) -> str:
    """Stable id derived from the text: 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Token:
    """One token with its morphology and dependency arc (head is a document-level index)."""

    start: int
    end: int
    text: str
    sent: int = 0
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    head: int = -1
    rel: str = ""
    ner: str = "O"
    lemma: str = ""  # filled on first use by the language layer


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first: int  # index of the first token in Document.tokens
    last: int  # index one past the last token


@dataclass(slots=True)
class Span:
    """A typed stretch of tokens: an NER result or a candidate mention under construction."""

    first: int
    last: int  # exclusive token index
    type: str
    kind: str = "name"  # name | abbreviation | alias | adjective | descriptor
    key: str | None = None  # lexicon or gazetteer key (ISO code, geonameid, organisation name)
    normal: str | None = None  # canonical nominative form
    written: str | None = None  # the nominative as written, where `normal` is a canonical form of another shape
    titles: list[str] = field(default_factory=list)
    parts: list[tuple[str, str]] = field(default_factory=list)  # person name words with roles
    entity: str | None = None  # id of the entity the span was resolved to


class Coverage:
    """The token indices covered by a set of spans, for overlap tests in constant time."""

    def __init__(self, spans=()):
        self.tokens: set[int] = set()
        for span in spans:
            self.add(span.first, span.last)

    def add(self, first: int, last: int) -> None:
        self.tokens.update(range(first, last))

    def overlaps(self, first: int, last: int) -> bool:
        return any(i in self.tokens for i in range(first, last))

    def covers(self, first: int, last: int) -> bool:
        return all(i in self.tokens for i in range(first, last))


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    geo: dict[str, Any] | None = None
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    name_parts: dict[str, str] | None = None
    members: list[str] = field(default_factory=list)
    actor: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        record = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "mentions": [m.to_dict() for m in self.mentions],
            "country": self.country,
            "geo": self.geo,
        }
        for key in ("aliases", "titles", "name_parts", "members", "actor"):
            value = getattr(self, key)
            if value:
                record[key] = value
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        data = dict(data)
        data["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
        return cls(**data)


@dataclass
class Document:
    text: str
    doc_id: str | None = None
    source: str | None = None
    doc_date: str | None = None
    title: str | None = None
    language: str = "ru"
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    times: list[dict[str, Any]] = field(default_factory=list)
    posts: list[dict[str, Any]] = field(default_factory=list)  # posts named without their holder
    origin: str | None = None  # where the document was read (file, file:line) for messages; not in the record

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"a document's text must be a str, not {type(self.text).__name__}")
        if not self.doc_id:
            self.doc_id = text_id(self.text)

    @property
    def place(self) -> str:
        """How messages name the document: where it was read, else its source or id."""
        return self.origin or self.source or self.doc_id or "?"

    # ----- access helpers used by the stages -----
    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    def span_chars(self, first: int, last: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[last - 1].end

    # ----- the record -----
    def to_record(self, with_tokens: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {
            "doc_id": self.doc_id,
            "source": self.source,
            "doc_date": self.doc_date,
            "title": self.title,
            "language": self.language,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "roles": self.roles,
            "posts": self.posts,
            "times": self.times,
            "events": self.events,
            "quotes": self.quotes,
        }
        if with_tokens:
            record["tokens"] = [asdict(t) for t in self.tokens]
            record["sentences"] = [asdict(s) for s in self.sentences]
        return record

    def to_json(self, with_tokens: bool = False) -> str:
        return json.dumps(self.to_record(with_tokens), ensure_ascii=False)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Document:
        doc = cls(
            text=record["text"],
            doc_id=record.get("doc_id"),
            source=record.get("source"),
            doc_date=record.get("doc_date"),
            title=record.get("title"),
            language=record.get("language", "ru"),
        )
        doc.tokens = [Token(**t) for t in record.get("tokens", [])]
        doc.sentences = [Sentence(**s) for s in record.get("sentences", [])]
        doc.entities = [Entity.from_dict(e) for e in record.get("entities", [])]
        doc.roles = list(record.get("roles", []))
        doc.events = list(record.get("events", []))
        doc.quotes = list(record.get("quotes", []))
        doc.times = list(record.get("times", []))
        doc.posts = list(record.get("posts", []))
        return doc

    @classmethod
    def from_json(cls, line: str) -> Document:
        return cls.from_record(json.loads(line))
