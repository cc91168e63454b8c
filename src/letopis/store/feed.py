"""Inputs into the store: read, skip what is stored, extract in batches, store each batch in one
transaction. An interruption loses only the batch in flight; the same command continues."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from ..document import Document
from ..errors import InputError, Problem
from ..pipeline import Pipeline
from ..runner import Summary, extract_stream
from .database import Database
from .ingest import Added, Ingest


@dataclass
class Fed:
    read: int = 0
    stored: int = 0
    already: int = 0  # stored by an earlier run
    duplicates: int = 0
    events: int = 0
    new_events: int = 0
    errors: list[InputError] = field(default_factory=list)

    def line(self) -> str:
        parts = [f"{self.stored} document{'s' if self.stored != 1 else ''} stored"]
        if self.already:
            parts.append(f"{self.already} already in the store")
        if self.duplicates:
            parts.append(f"{self.duplicates} near-duplicate{'s' if self.duplicates != 1 else ''} linked")
        parts.append(f"{self.events} event reports ({self.new_events} new events)")
        if self.errors:
            parts.append(f"{len(self.errors)} input{'s' if len(self.errors) != 1 else ''} skipped")
        return ", ".join(parts)


def feed(items: Iterable[Document | InputError], db: Database, pipeline: Pipeline, ingest: Ingest,
         on_error: Callable[[InputError], None], on_stored: Callable[[int], None] = lambda n: None) -> Fed:
    fed = Fed()
    summary = Summary()

    def report(error: InputError) -> None:
        fed.errors.append(error)
        on_error(error)

    fresh = _not_stored(items, ingest, fed)
    docs = extract_stream(fresh, pipeline, summary, report)
    while batch := list(islice(docs, pipeline.batch_size)):
        added = ingest.add([doc.to_record() for doc in batch])
        _count(fed, added, report)
        on_stored(added.documents)
    return fed


def _not_stored(items, ingest: Ingest, fed: Fed) -> Iterator[Document | InputError]:
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        fed.read += 1
        if ingest.stored(item.text):
            fed.already += 1
            continue
        yield item


def _count(fed: Fed, added: Added, report) -> None:
    fed.stored += added.documents
    fed.already += added.skipped
    fed.duplicates += added.duplicates
    fed.events += added.events
    fed.new_events += added.new_events
    for doc_id in added.conflicts:
        report(InputError(doc_id, Problem.DUPLICATE_ID, doc_id))
    for doc_id, problem in added.invalid:
        report(InputError(doc_id, Problem.BAD_RECORD, problem))
