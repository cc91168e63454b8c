"""CAMEO codes with their PLOVER type and mode, Goldstein weight and quad class (data/cameo.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATA, read_tsv


@dataclass(frozen=True)
class Code:
    code: str
    plover: str | None  # None for CAMEO 01 (statements), which PLOVER drops
    mode: str | None
    context: str | None
    goldstein: float
    quad_class: int


@lru_cache(maxsize=1)
def table() -> dict[str, Code]:
    codes = {}
    for row in read_tsv(DATA / "cameo.tsv"):
        codes[row["code"]] = Code(
            row["code"],
            row["plover"] or None,
            row["mode"] or None,
            row["context"] or None,
            float(row["goldstein"]) if row["goldstein"] else 0.0,
            int(row["quad_class"]),
        )
    return codes


def lookup(code: str) -> Code | None:
    """The code, or its nearest ancestor in the table (`0354` → `035` → `03`)."""
    codes = table()
    for length in range(len(code), 1, -1):
        if code[:length] in codes:
            return codes[code[:length]]
    return None
