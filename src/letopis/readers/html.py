"""HTML pages: the main text, title and date extracted by trafilatura."""

from __future__ import annotations

from ..document import Document
from ..errors import InputError, Problem
from .text import iso_date


def read_html(text: str, source: str) -> Document:
    import trafilatura  # heavy import, needed only for HTML input

    extracted = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # the date from the page's metadata only: a year in the body is not the article's date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise InputError(source, Problem.BAD_HTML)
    date = getattr(extracted, "date", None)
    return Document(
        text=body,
        source=source,
        title=getattr(extracted, "title", None),
        doc_date=iso_date(date) if date else None,
        origin=source,
    )
