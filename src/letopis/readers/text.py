"""Dated text (the ` date YYYY-MM-DD ` header) and plain text."""

from __future__ import annotations

import re
from datetime import date

from ..document import Document
from ..errors import InputError, Problem

# The header is ` date YYYY-MM-DD ` at the very start; the article may follow on the same line.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
_HEADER = re.compile(r"\A\ufeff?[ \t]?date[ \t]+(?P<value>\S*)(?:[ \t]+|[ \t]*\r?\n|\Z)")


def iso_date(value: str) -> str | None:
    """`YYYY-MM-DD` (optionally followed by a time) as an ISO date string, or None if invalid."""
    value = value.strip()
    if not _ISO_DATE.match(value):
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def parse_date(value: object, source: str, where: str | None = None) -> str:
    parsed = iso_date(str(value))
    if parsed is None:
        raise InputError(source, Problem.BAD_DATE, value, where)
    return parsed


def split_header(text: str, source: str) -> tuple[str | None, str]:
    """Return (doc_date, body). Text without a header has no date; a broken header is an error."""
    match = _HEADER.match(text)
    if not match:
        return None, text
    value = match.group("value")
    doc_date = iso_date(value) if len(value) == 10 else None
    if doc_date is None:
        raise InputError(source, Problem.BAD_HEADER, text[: match.end()].strip())
    return doc_date, text[match.end() :]


def read_text(text: str, source: str) -> Document:
    doc_date, body = split_header(text, source)
    if not body.strip():
        raise InputError(source, Problem.EMPTY)
    return Document(text=body, source=source, doc_date=doc_date, origin=source)
