"""letopis: the chronicle of politics from Russian news.

    >>> import letopis
    >>> doc = letopis.extract("Президент Азербайджана Ильхам Алиев принял министра.", doc_date="2025-12-04")
    >>> [(e.type, e.name) for e in doc.entities]   # doctest: +SKIP
    [('COUNTRY', 'Азербайджан'), ('PERSON', 'Ильхам Алиев')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .document import Document
    from .pipeline import Pipeline

_pipeline: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline; models load on first use, once."""
    global _pipeline
    if _pipeline is None:
        from .pipeline import Pipeline

        _pipeline = Pipeline.load()
    return _pipeline


def extract(text: str, doc_date: str | None = None, doc_id: str | None = None, source: str | None = None) -> Document:
    """Run the whole pipeline on one text and return the Document."""
    from .document import Document
    from .readers.text import iso_date

    if doc_date is not None and iso_date(doc_date) != doc_date:
        raise ValueError(f"doc_date must be YYYY-MM-DD, not {doc_date!r}")
    return default_pipeline().process_batch([Document(text=text, doc_date=doc_date, doc_id=doc_id, source=source)])[0]


__all__ = ["__version__", "default_pipeline", "extract"]
