"""Spans: the NER model's raw spans made clean before anything is built on them.

Punctuation at the edges is trimmed, a span is cut before a bracket (`Армении (EUMA)`), a
post that opens an organisation span is left out of it (`Замглавы Федеральной … службы`), and
spans that are only a common noun written like a name (`СМИ`, `ВВП`) are dropped.
"""

from __future__ import annotations

from ..document import Document, Span
from ..lang.base import Language
from ..ud import QUOTES



def run(doc: Document, lang: Language) -> Document:
    spans = []
    for span in doc.spans:
        span = _trimmed(doc, span)
        if span is not None and span.type == "ORG":
            span = _without_leading_post(doc, lang, span)
        if span is not None and not _common_noun(doc, lang, span):
            spans.append(span)
    doc.spans = spans
    return doc


def _trimmed(doc: Document, span: Span) -> Span | None:
    tokens = doc.tokens
    first, last = span.first, span.last
    for i in range(first + 1, last):
        if tokens[i].text in "([":
            last = i
            break
    while first < last and _edge_punctuation(tokens[first].text, opening=True, inside=doc.span_text(first, last)):
        first += 1
    while first < last and _edge_punctuation(tokens[last - 1].text, opening=False, inside=doc.span_text(first, last)):
        last -= 1
    if first >= last:
        return None
    if (first, last) == (span.first, span.last):
        return span
    return Span(first, last, span.type)


def _edge_punctuation(text: str, opening: bool, inside: str) -> bool:
    if text[:1].isalnum():
        return False
    if text in QUOTES:
        # a quote stays when the span holds its pair: «Газпром нефть»
        return sum(inside.count(q) for q in QUOTES) % 2 == 1
    return True


def _without_leading_post(doc: Document, lang: Language, span: Span) -> Span:
    """`Замглавы Федеральной миграционной службы`: the post opening an organisation span is the
    post of someone, not part of the name (unless it is the organisation's own type word)."""
    first = span.first
    while first + 1 < span.last:
        token = doc.tokens[first]
        lemma = lang.lemma(token)
        if lemma not in lang.lexicon.post_heads or lemma in lang.lexicon.org_types or not doc.tokens[first + 1].text[:1].isupper():
            break
        first += 1
    return span if first == span.first else Span(first, span.last, span.type)


def _common_noun(doc: Document, lang: Language, span: Span) -> bool:
    return span.last - span.first == 1 and lang.fold(doc.tokens[span.first].text) in lang.lexicon.not_names
