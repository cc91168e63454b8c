"""Runs over many inputs: read, extract, write, and account for every input that failed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .document import Document
from .errors import InputError, Problem
from .pipeline import Pipeline

log = logging.getLogger(__name__)


@dataclass
class Summary:
    documents: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        text = f"{self.documents} document{'s' if self.documents != 1 else ''} extracted"
        if self.errors:
            text += f", {len(self.errors)} input{'s' if len(self.errors) != 1 else ''} skipped"
        return text


def extract_stream(
    items: Iterable[Document | InputError],
    pipeline: Pipeline,
    summary: Summary,
    on_error: Callable[[InputError], None],
) -> Iterator[Document]:
    """Extract every document; a failure of one document is reported and the others go on."""
    docs = _documents(items, summary, on_error)
    while batch := list(islice(docs, pipeline.batch_size)):
        for doc in _process(pipeline, batch, summary, on_error):
            summary.documents += 1
            yield doc


def _documents(items, summary: Summary, on_error) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            summary.errors.append(item)
            on_error(item)
        else:
            yield item


def _process(pipeline: Pipeline, batch: list[Document], summary: Summary, on_error) -> list[Document]:
    try:
        return pipeline.process_batch(batch)
    except Exception:  # noqa: BLE001 - isolate the failing document below
        log.debug("batch failed, retrying one by one", exc_info=True)
    done = []
    for doc in batch:
        try:
            done.extend(pipeline.process_batch([doc]))
        except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
            failure = InputError(doc.place, Problem.FAILED, f"{type(error).__name__}: {error}")
            summary.errors.append(failure)
            on_error(failure)
    return done

