"""The pipeline: the language layer in batches, then every stage on every document."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from .document import Document
from .lang.base import Language, get_language
from .settings import default
from .stages import STAGES


class Pipeline:
    def __init__(self, language: Language, stages=STAGES, batch_size: int | None = None):
        self.language = language
        self.stages = stages
        self.batch_size = batch_size or default("batch_size")

    @classmethod
    def load(cls, language: str | None = None, batch_size: int | None = None) -> Pipeline:
        lang = get_language(language or default("language"))
        lang.warm_up()  # lexicons and gazetteer now, not inside the first document
        return cls(lang, batch_size=batch_size)

    def process(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Documents out in the order they came in; analysed `batch_size` at a time."""
        iterator = iter(docs)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self.process_batch(batch)

    def process_batch(self, batch: list[Document]) -> list[Document]:
        self.language.analyze(batch)
        return [self.run_stages(doc) for doc in batch]

    def run_stages(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage.run(doc, self.language)
            if not isinstance(doc, Document):
                raise TypeError(f"stage {stage.__name__} returned {type(doc).__name__}, not a Document")
        return doc
