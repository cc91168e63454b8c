"""Readings of Universal Dependencies annotation shared by every language: span heads,
modifiers, quotation marks."""

from __future__ import annotations

from collections.abc import Sequence

from .document import Token

OPENING_QUOTES = "«\"„“"
CLOSING_QUOTES = "»\"“”"
QUOTES = "«»\"„“”"


def span_heads(tokens: Sequence[Token], first: int, last: int) -> list[int]:
    """Document indices of the tokens of [first, last) whose head lies outside it."""
    return [i for i in range(first, last) if not first <= tokens[i].head < last]


def span_head(tokens: Sequence[Token], first: int, last: int, nouns_first: bool = False) -> int | None:
    """The head of a span: the first token whose head lies outside; with `nouns_first`, the first
    such noun, else the first noun of the span (None when it has none)."""
    heads = span_heads(tokens, first, last)
    if not nouns_first:
        return heads[0] if heads else first
    nouns = [i for i in range(first, last) if tokens[i].pos in ("NOUN", "PROPN")]
    return next((i for i in heads if i in nouns), nouns[0] if nouns else None)


def is_modifier(token: Token) -> bool:
    """An adjective or participle: a word of a name that agrees with its noun (not `этого`, `двух`)."""
    return token.pos == "ADJ" or token.feats.get("VerbForm") == "Part"


def span_gender(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """A name's grammatical gender (UD `Masc`, `Fem`): feminine if any of its words is (a foreign
    first name in an oblique case is often read as masculine), else the one gender its words
    share, else None."""
    genders = {tokens[k].feats.get("Gender") for k in range(first, last)} - {None}
    if "Fem" in genders:
        return "Fem"
    return genders.pop() if len(genders) == 1 else None
