"""Readers: every input named in FORMATS.md becomes a stream of Documents (or InputErrors).

`read(paths)` walks files and directories (recursively) and standard input (`-`), picks a
reader by file extension, decodes bytes (UTF-8, cp1251, koi8-r ...) and yields a Document per
article. A problem never stops the stream: it is yielded as an `InputError` in its place.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..document import Document
from ..errors import InputError, Problem
from .decode import decode
from .html import read_html
from .records import read_csv, read_jsonl
from .text import read_text

Item = Document | InputError

READERS: dict[str, Callable[[str, str], Document | Iterable[Item]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".html": read_html,
    ".htm": read_html,
}
# Bytes per character is at most 4 in UTF-8; a file above this many bytes per allowed
# character cannot hold an acceptable document, so it is refused before it is read.
_MAX_BYTES_PER_CHAR = 4


def read(paths: Iterable[str], max_chars: int = 1_000_000, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Documents of every path in turn; files in `exclude` (the run's own output) are skipped."""
    skip = {p.resolve() for p in exclude}
    for path in paths:
        if path == "-":
            yield from _read_stdin(max_chars)
        elif os.path.isdir(path):
            files = [f for f in _walk(Path(path)) if f.resolve() not in skip]
            if not files:
                yield InputError(path, Problem.NO_INPUT, ", ".join(sorted(READERS)))
            for file in files:
                yield from read_file(file, max_chars)
        else:
            yield from read_file(Path(path), max_chars)


def _walk(directory: Path) -> Iterator[Path]:
    """Files with a known extension, sorted, hidden files and folders skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                yield Path(root) / name


def read_file(path: Path, max_chars: int = 1_000_000) -> Iterator[Item]:
    source = str(path)
    try:
        if not path.exists():
            raise InputError(source, Problem.NOT_FOUND)
        size = path.stat().st_size
        if size > max_chars * _MAX_BYTES_PER_CHAR:
            raise InputError(source, Problem.TOO_LARGE, f"{size:,} bytes")
        data = path.read_bytes()
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(source, Problem.UNREADABLE, error.strerror or error)
        return
    yield from read_bytes(data, source, path.suffix.lower(), max_chars)


def read_bytes(data: bytes, source: str, suffix: str, max_chars: int = 1_000_000) -> Iterator[Item]:
    reader = READERS.get(suffix, read_text)
    try:
        text = decode(data, source)
        result = reader(text, source)
    except InputError as error:
        yield error
        return
    items = [result] if isinstance(result, Document) else result
    for item in items:
        yield _check_size(item, max_chars) if isinstance(item, Document) else item


def _check_size(doc: Document, max_chars: int) -> Item:
    if len(doc.text) > max_chars:
        return InputError(doc.place, Problem.TOO_LARGE, f"{len(doc.text):,} characters, limit {max_chars:,}")
    return doc


def _read_stdin(max_chars: int) -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    suffix = ".jsonl" if data.lstrip()[:1] == b"{" else ".txt"
    yield from read_bytes(data, "<stdin>", suffix, max_chars)
