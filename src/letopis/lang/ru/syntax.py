"""Readings of the dependency parse that need Russian words: prepositions of place."""

from __future__ import annotations

from collections.abc import Callable, Container

from ...document import Document, Token
from ...ud import span_head

PLACE_PREPOSITIONS = {
    "в", "во", "на", "из", "к", "ко", "по", "до", "через", "у", "около", "возле", "под", "над",
    "вокруг", "вблизи", "близ", "из-под", "внутри", "вглубь", "вдоль", "напротив", "от",
}


def is_locative(
    doc: Document, first: int, last: int, lemma: Callable[[Token], str], place_parts: Container[str] = ()
) -> bool:
    """A place in a prepositional phrase of place (`в России`, `из Москвы и Киева`), a place that
    a part of a place belongs to (`в регионах России`, `улицы Тбилиси`), or in brackets after
    something it locates (`Анна Ким (Казахстан)`) — not a country or city acting."""
    tokens = doc.tokens
    head = span_head(tokens, first, last)
    governor = tokens[head].head
    if tokens[head].feats.get("Case") == "Gen" and 0 <= governor < first and lemma(tokens[governor]) in place_parts:
        return True
    while tokens[head].rel == "conj" and 0 <= tokens[head].head < len(tokens) and tokens[tokens[head].head].pos in ("PROPN", "NOUN"):
        head = tokens[head].head  # a conjunct shares the preposition of the first: в Ираке и Афганистане
    start = min(first, head)
    if start > 0 and tokens[start - 1].text == "(":
        return True
    sentence = doc.sentences[tokens[head].sent]
    for i in range(sentence.first, sentence.last):
        token = tokens[i]
        if token.head in (head, first) and token.rel == "case" and lemma(token) in PLACE_PREPOSITIONS:
            return True
    return first > 0 and tokens[first - 1].pos == "ADP" and lemma(tokens[first - 1]) in PLACE_PREPOSITIONS


def clause_tense(doc: Document, index: int) -> str | None:
    """past, present or future: the tense of the verb governing the token. A perfective present is
    a future; an act named by an infinitive is a future, planned or agreed (`планирует посетить в
    марте`, `договорились провести саммит в марте`). None when no verb governs it."""
    tokens = doc.tokens
    i, steps = index, 0
    while 0 <= i < len(tokens) and steps < 8:
        token = tokens[i]
        if token.pos in ("VERB", "AUX"):
            feats = token.feats
            if feats.get("VerbForm") == "Inf":
                return "future"
            if feats.get("Tense") == "Past":
                return "past"
            elif feats.get("Tense") == "Fut" or (feats.get("Tense") == "Pres" and feats.get("Aspect") == "Perf"):
                return "future"
            elif feats.get("Tense") == "Pres":
                return "present"
        aux = [t for t in tokens[doc.sentences[token.sent].first : doc.sentences[token.sent].last] if t.head == i and t.pos == "AUX"]
        if any(a.feats.get("Tense") == "Fut" for a in aux):
            return "future"
        i, steps = token.head, steps + 1
    return None
