"""Quotes: direct and indirect speech, attributed to the speaker.

Direct speech is a quoted passage with its speech verb and speaker before or after it:
`«…», — заявил X`, `"…", - сказал он`, `X: «…»`, `X заявил: «…»`. Indirect speech is the
clause a speech verb introduces with `что` (`X заявил, что …`) or the rest of a sentence
opening with `по словам X`. The speaker is resolved like any actor: a name, the holder of a
post named instead (`заявил министр`), a post without a named holder, a pronoun.
"""

from __future__ import annotations

from ..document import Document
from ..lang.base import Language
from ..ud import CLOSING_QUOTES, OPENING_QUOTES
from .referents import Referents

SPEECH_VERBS = {
    "заявить", "сказать", "отметить", "подчеркнуть", "сообщить", "добавить", "пояснить", "указать",
    "заметить", "написать", "напомнить", "уточнить", "рассказать", "ответить", "говорить", "заявлять",
    "подчеркивать", "отмечать", "считать", "признать", "констатировать", "резюмировать", "объяснить",
    "высказаться", "процитировать", "передать", "сообщать", "утверждать", "заверить", "пообещать",
}
DASHES = {"—", "–", "-", "−"}
MIN_QUOTE = 12  # characters: shorter quoted words are names or terms, not speech


def run(doc: Document, lang: Language) -> Document:
    finder = _Quotes(doc, lang)
    quotes = finder.direct()
    taken = [(q["start"], q["end"]) for q in quotes]
    quotes += [q for q in finder.indirect() if not any(a < q["end"] and q["start"] < b for a, b in taken)]
    doc.quotes = sorted(quotes, key=lambda q: q["start"])
    return doc


class _Quotes(Referents):
    def direct(self) -> list[dict]:
        quotes = []
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            if tokens[i].text not in OPENING_QUOTES:
                i += 1
                continue
            close = self._closing(i)
            if close is None:
                i += 1
                continue
            start, end = tokens[i].end, tokens[close].start
            if end - start >= MIN_QUOTE:
                speaker, verb = self._speaker_after(close) or self._speaker_before(i) or (None, None)
                if speaker is not None:
                    quotes.append(self._record(speaker, start, end, "direct", verb))
            i = close + 1
        return quotes

    def _closing(self, i: int) -> int | None:
        """The closing quote of the quotation opened at i, within its paragraph."""
        lines = self._lines()
        for j in range(i + 1, len(self.tokens)):
            if lines[j] != lines[i]:
                return None
            if self.tokens[j].text in CLOSING_QUOTES:
                return j
        return None

    def _lines(self) -> list[int]:
        """The paragraph (line) number of every token, counted once."""
        if not hasattr(self, "_line_of"):
            text, line, last = self.doc.text, 0, 0
            self._line_of = []
            for token in self.tokens:
                line += text.count("\n", last, token.start)
                last = token.start
                self._line_of.append(line)
        return self._line_of

    def _speaker_after(self, close: int) -> tuple[str, str] | None:
        """`«…», — заявил X`, `"…", - сказал он.`"""
        j = close + 1
        while j < len(self.tokens) and self.tokens[j].text in (",", "."):
            j += 1
        if j >= len(self.tokens) or self.tokens[j].text not in DASHES:
            return None
        for k in range(j + 1, min(j + 4, len(self.tokens))):
            if self.lang.lemma(self.tokens[k]) in SPEECH_VERBS:
                speaker = self._subject(k) or self._first_actor(k + 1, k + 8)
                if speaker:
                    return speaker, self.lang.lemma(self.tokens[k])
        return None

    def _speaker_before(self, opening: int) -> tuple[str, str | None] | None:
        """`X: «…»`, `X заявил: «…»`."""
        j = opening - 1
        if j < 0 or self.tokens[j].text != ":":
            return None
        k = j - 1
        if k >= 0 and self.lang.lemma(self.tokens[k]) in SPEECH_VERBS:
            speaker = self._subject(k)
            return (speaker, self.lang.lemma(self.tokens[k])) if speaker else None
        actor = self.actors([k]) if k >= 0 else []
        return (actor[0], None) if actor else None

    def _subject(self, verb: int) -> str | None:
        subjects = [c for c in self.children.get(verb, []) if self.tokens[c].rel in ("nsubj", "nsubj:pass")]
        actors = self.actors(subjects)
        return actors[0] if actors else None

    def _first_actor(self, first: int, last: int) -> str | None:
        for k in range(first, min(last, len(self.tokens))):
            if self.tokens[k].sent != self.tokens[first - 1].sent:
                break
            actors = self.actors([k])
            if actors:
                return actors[0]
        return None

    def indirect(self) -> list[dict]:
        """`X заявил, что …` and `По словам X, …`."""
        quotes = []
        for i, token in enumerate(self.tokens):
            lemma = self.lang.lemma(token)
            sentence = self.doc.sentences[token.sent]
            if lemma in SPEECH_VERBS and token.pos == "VERB":
                that = next((k for k in range(i + 1, min(i + 4, sentence.last)) if self.tokens[k].text.lower() == "что"), None)
                speaker = self._subject(i)
                if that is not None and speaker:
                    end = self.tokens[sentence.last - 1].start if self.tokens[sentence.last - 1].text == "." else self.tokens[sentence.last - 1].end
                    quotes.append(self._record(speaker, self.tokens[that + 1].start, end, "indirect", lemma))
            elif lemma == "слово" and i > 0 and self.tokens[i - 1].text.lower() == "по" and i == sentence.first + 1:
                comma = next((k for k in range(i + 1, sentence.last) if self.tokens[k].text == ","), None)
                speaker = self._first_actor(i + 1, comma or sentence.last)
                if comma is not None and speaker and comma + 1 < sentence.last:
                    end = self.tokens[sentence.last - 1].start if self.tokens[sentence.last - 1].text == "." else self.tokens[sentence.last - 1].end
                    quotes.append(self._record(speaker, self.tokens[comma + 1].start, end, "indirect", "по словам"))
        return quotes

    def _record(self, speaker: str, start: int, end: int, kind: str, verb: str | None) -> dict:
        return {"speaker": speaker, "text": self.doc.text[start:end], "start": start, "end": end, "kind": kind, "verb": verb}
