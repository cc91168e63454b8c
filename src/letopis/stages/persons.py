"""Persons: NER person spans cleaned of titles, with canonical nominative names.

Titles, ranks and honorifics (`лорд`, `генерал-полковник`, `г-н`) that the NER model
put inside a name, or that stand right before it, are kept out of the name and recorded
in the mention's `titles`. A person span that is exactly a known country, region or
organisation (`Сьерра Леоне`) is handed to the places or organisations stage, and a lone
ordinary word capitalised only because it opens a sentence (`Уставший от ожидания …`) is dropped.
"""

from __future__ import annotations

from ..document import Document, Span
from ..lang.base import Language


def run(doc: Document, lang: Language) -> Document:
    words = [t.text for t in doc.tokens]
    spans = []
    name_words = {lang.fold(words[i]) for s in doc.spans if s.type == "PER" and s.last - s.first > 1 for i in range(s.first, s.last)}
    for span in doc.spans:
        if span.type == "PER":
            for part in _two_names(span, lang, doc):
                part = _retyped(lang, part, words) or _person(doc, lang, part, words)
                if part is not None and not _sentence_initial_common_word(doc, lang, part, name_words):
                    spans.append(part)
            continue
        spans.append(span)
    doc.spans = spans
    return doc


def _two_names(span: Span, lang: Language, doc: Document) -> list[Span]:
    """`Эво Моралес Эдвард Сноуден` (a caption of names) is two people: a given name after a
    surname, two words or more into the span, opens the second."""
    parts = lang.person_name(doc.tokens, span.first, span.last) if span.last - span.first >= 4 else []
    if len(parts) == span.last - span.first:
        for k in range(2, len(parts) - 1):
            if parts[k][1] == "first" and parts[k - 1][1] == "last":
                return [Span(span.first, span.first + k, span.type), Span(span.first + k, span.last, span.type)]
    return [span]


def _person(doc: Document, lang: Language, span: Span, words: list[str]) -> Span | None:
    titles = _titles_before(doc, lang, span.first, words)
    first = span.first
    while first < span.last:
        match = lang.lexicon.title_index.match(words, first)
        if not match or first + match[0] >= span.last:
            break
        titles.append(match[1].title)
        first += match[0]
    while span.last - first >= 3 and lang.lemma(doc.tokens[first]) in lang.lexicon.demonyms:
        first += 1  # `Израильтянка Наама Иссахар`: the nationality is no part of the name
    parts = lang.person_name(doc.tokens, first, span.last)
    if not parts:
        return None
    return Span(first, span.last, "PERSON", normal=" ".join(w for w, _ in parts), titles=titles, parts=parts)


def _retyped(lang: Language, span: Span, words: list[str]) -> Span | None:
    for kind, index in (("LOC", lang.lexicon.places), ("ORG", lang.lexicon.orgs)):
        match = index.match(words, span.first)
        if match and span.first + match[0] == span.last:
            return Span(span.first, span.last, kind)
    return None


def _sentence_initial_common_word(doc: Document, lang: Language, span: Span, name_words: set[str]) -> bool:
    """A lone ordinary word opening a sentence, and not part of a longer name in the document
    (`Орлов` after `Дмитрий Орлов` stays a person)."""
    if span.type != "PERSON" or span.last - span.first != 1:
        return False
    token = doc.tokens[span.first]
    if lang.fold(token.text) in name_words:
        return False
    opens_sentence = doc.sentences[token.sent].first == span.first
    return opens_sentence and lang.is_common_word(token.text)


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
