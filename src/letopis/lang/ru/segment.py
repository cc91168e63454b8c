"""Russian segmentation with razdel: lines, then sentences, then tokens, with document offsets."""

from __future__ import annotations

import re
from collections.abc import Callable

from razdel import sentenize, tokenize

from ...document import Document, Sentence, Token

_LINE = re.compile(r"[^\n]+")


def segment(doc: Document, is_place: Callable[[str], bool] | None = None) -> None:
    """Fill doc.tokens and doc.sentences. A sentence never crosses a line break (headlines, lists).

    A hyphenated pair of place names (`Великобритания-Азербайджан`) is split into three tokens,
    so that each country is a token of its own; other hyphenated words stay whole.
    """
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    for line in _LINE.finditer(doc.text):
        if not line.group().strip():
            continue
        for sent in sentenize(line.group()):
            first = len(tokens)
            base = line.start() + sent.start
            for tok in tokenize(sent.text):
                for start, text in _split_places(tok.text, is_place):
                    begin = base + tok.start + start
                    tokens.append(Token(begin, begin + len(text), text, sent=len(sentences)))
            if len(tokens) > first:
                sentences.append(Sentence(tokens[first].start, tokens[-1].end, first, len(tokens)))
    doc.tokens = tokens
    doc.sentences = sentences


def _split_places(text: str, is_place: Callable[[str], bool] | None) -> list[tuple[int, str]]:
    parts = text.split("-")
    if is_place and len(parts) == 2 and all(p[:1].isupper() for p in parts) and all(map(is_place, parts)):
        return [(0, parts[0]), (len(parts[0]), "-"), (len(parts[0]) + 1, parts[1])]
    return [(0, text)]
