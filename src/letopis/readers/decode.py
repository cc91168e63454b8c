"""Bytes to text: UTF-8 first, then the Cyrillic single-byte encodings, detected by charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError, Problem

# Single-byte encodings Russian news still arrives in (UTF-16 is known by its BOM; without one
# its NUL bytes read as binary); detection is restricted to them so that
# charset-normalizer does not pick a Central-European or Greek code page for Cyrillic bytes.
CANDIDATES = ["cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5"]
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean binary data."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control > max(8, len(head) // 100)


def decode(data: bytes, source: str) -> str:
    """The text of the bytes, with line ends made `\n` (offsets index the text as Python reads it)."""
    return _universal_newlines(_decode(data, source))


def _universal_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source, Problem.UNDECODABLE) from None
    if not data.strip():
        raise InputError(source, Problem.EMPTY)
    if looks_binary(data):
        raise InputError(source, Problem.BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None:
        raise InputError(source, Problem.UNDECODABLE)
    return str(best)
