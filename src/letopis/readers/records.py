"""Structured inputs: JSON Lines and CSV, one document per line or row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..document import Document
from ..errors import InputError, Problem
from .text import parse_date

# Field names accepted for each document attribute, first match wins.
FIELDS = {
    "text": ("text", "body", "content"),
    "doc_id": ("doc_id", "id"),
    "doc_date": ("doc_date", "date"),
    "title": ("title", "headline"),
    "source": ("source", "url"),
    "language": ("language", "lang"),
}


def _field(record: dict[str, Any], name: str) -> Any:
    for key in FIELDS[name]:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def document_from_record(record: dict[str, Any], source: str, where: str) -> Document:
    text = _field(record, "text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, Problem.NO_TEXT, "the record has no non-empty 'text' field", where)
    doc_date = _field(record, "doc_date")
    language = _field(record, "language") or "ru"
    if language != "ru":
        raise InputError(source, Problem.BAD_LANGUAGE, language, where)
    return Document(
        text=text,
        doc_id=str(_field(record, "doc_id")) if _field(record, "doc_id") is not None else None,
        doc_date=parse_date(doc_date, source, where) if doc_date is not None else None,
        title=_field(record, "title"),
        source=_field(record, "source") or f"{source}:{where}",
        language=language,
        origin=f"{source}:{where}",
    )


def read_jsonl(text: str, source: str) -> Iterator[Document | InputError]:
    seen_any = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        seen_any = True
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(source, Problem.BAD_JSON, error.msg, where)
            continue
        if not isinstance(record, dict):
            yield InputError(source, Problem.BAD_JSON, "each line must be a JSON object", where)
            continue
        try:
            yield document_from_record(record, source, where)
        except InputError as error:
            yield error
    if not seen_any:
        yield InputError(source, Problem.EMPTY)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


def read_csv(text: str, source: str) -> Iterator[Document | InputError]:
    csv.field_size_limit(1 << 30)  # process-wide in the csv module; articles are long fields
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text[:8192]), strict=True)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if not any(c in FIELDS["text"] for c in columns):
        yield InputError(source, Problem.BAD_CSV, f"no 'text' column; columns are {columns}")
        return
    reader.fieldnames = columns
    try:
        for number, row in enumerate(reader, 2):
            try:
                yield document_from_record(row, source, f"row {number}")
            except InputError as error:
                yield error
    except csv.Error as error:
        yield InputError(source, Problem.BAD_CSV, error, f"row {reader.line_num}")
