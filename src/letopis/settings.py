"""One registry of run settings: it feeds the CLI options, the Python API and the docs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("batch_size", 32, "Documents read and analysed together; their sentences go through the neural models in one run, sorted by length (larger is a little faster and uses more memory)."),
        Setting("max_chars", 1_000_000, "Documents longer than this many characters are reported and skipped."),
        Setting("language", "ru", "Language of the input texts (ISO 639-1); only 'ru' is available now."),
    )
}


def default(name: str):
    return SETTINGS[name].default
