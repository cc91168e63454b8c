"""Persons: NER person spans cleaned of titles, with canonical nominative names.

Titles, ranks and honorifics (`лорд`, `генерал-полковник`, `г-н`) that the NER model
put inside a name, or that stand right before it, are kept out of the name and recorded
in the mention's `titles`.
"""

from __future__ import annotations

from ..document import Document, Span
from ..lang.base import Language


def run(doc: Document, lang: Language) -> Document:
    words = [t.text for t in doc.tokens]
    spans = []
    for span in doc.spans:
        if span.type == "PER":
            span = _person(doc, lang, span, words)
            if span is None:
                continue
        spans.append(span)
    doc.spans = spans
    return doc


def _person(doc: Document, lang: Language, span: Span, words: list[str]) -> Span | None:
    titles = _titles_before(doc, lang, span.first, words)
    first = span.first
    while first < span.last:
        match = lang.lexicon.title_index.match(words, first)
        if not match or first + match[0] >= span.last:
            break
        titles.append(match[1].title)
        first += match[0]
    parts = lang.person_name(doc.tokens[first : span.last])
    if not parts:
        return None
    return Span(first, span.last, "PERSON", normal=" ".join(w for w, _ in parts), titles=titles, parts=parts)


def _titles_before(doc: Document, lang: Language, start: int, words: list[str]) -> list[str]:
    """A title written right before the name: `генерал-полковником Закиром`, `лорд Вернон`."""
    sent = doc.tokens[start].sent
    for length in (3, 2, 1):
        begin = start - length
        if begin < 0 or doc.tokens[begin].sent != sent:
            continue
        match = lang.lexicon.title_index.match(words, begin)
        if match and match[0] == length:
            return [match[1].title]
    return []
