"""Russian: razdel segmentation, slovnet morphology/syntax/NER over navec, pymorphy3 forms."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from ...document import Document, Span, Token
from ...gazetteer import CityIndex
from ...lexicon import Lexicon
from ..base import Language
from .models import SlovnetModels
from .morph import RussianMorphology, fold
from .names import NameForms
from .segment import segment
from .syntax import clause_tense, is_locative
from .times import TRIGGER_LEMMAS, TimeMention, find_times


class Russian(Language):
    code = "ru"
    _instance: Russian | None = None

    def __init__(self, batch_size: int = 64):
        self.models = SlovnetModels(batch_size=batch_size)
        self.morph = RussianMorphology()
        self.names = NameForms(self.morph)

    @classmethod
    def load(cls) -> Russian:
        """One instance per process: the models and lexicons load once."""
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def warm_up(self) -> None:
        self.lexicon  # noqa: B018 - cached properties, loaded once
        self.cities  # noqa: B018
        self._time_triggers  # noqa: B018

    def analyze(self, docs: Sequence[Document]) -> None:
        for doc in docs:
            segment(doc, self._is_place)
        sentences = [(doc, s) for doc in docs for s in doc.sentences]
        analyses = self.models.analyze([[t.text for t in doc.tokens[s.first : s.last]] for doc, s in sentences])
        for (doc, sent), analysis in zip(sentences, analyses):
            for i, token in enumerate(doc.tokens[sent.first : sent.last]):
                token.pos = analysis.pos[i]
                token.feats = analysis.feats[i]
                token.head = sent.first + analysis.heads[i] if analysis.heads[i] >= 0 else -1
                token.rel = analysis.rels[i]
                token.ner = analysis.ner[i]
        for doc in docs:
            doc.spans = list(ner_spans(doc.tokens))

    def _is_place(self, word: str) -> bool:
        match = self.lexicon.places.match([word], 0)
        return match is not None

    def lemmas(self, word: str) -> frozenset[str]:
        return self.morph.lemmas(word)

    def lemma(self, token: Token) -> str:
        if not token.lemma:
            token.lemma = self.morph.lemma(token.text, token.pos, token.feats)
        return token.lemma

    def fold(self, text: str) -> str:
        return fold(text)

    def is_common_word(self, word: str) -> bool:
        return self.morph.is_common_word(word)

    def person_name(self, tokens: Sequence[Token], first: int, last: int) -> list[tuple[str, str]]:
        return self.names.person(tokens, first, last)

    def phrase_name(self, tokens: Sequence[Token], first: int, last: int) -> str:
        return self.names.phrase(tokens, first, last)

    def person_genitive(self, name: str, gender: str | None = None) -> str:
        return self.names.person_genitive(name, {"Masc": "masc", "Fem": "femn"}.get(gender or "", gender))

    def place_genitive(self, name: str) -> str:
        return self.names.place_genitive(name)

    def participants_name(self, tokens: Sequence[Token], first: int, last: int) -> str:
        own_word = PARTICIPANTS.get(self.lemma(tokens[first]))
        if own_word and last - first == 1:
            return own_word  # `протесты` → `протестующие`
        return "участники " + self.names.genitive(tokens, first, last)

    def is_locative(self, doc: Document, first: int, last: int) -> bool:
        return is_locative(doc, first, last, self.lemma, self.lexicon.place_types)

    def time_expressions(self, doc: Document) -> list[TimeMention]:
        return find_times(doc.tokens, self.lemma, self._time_triggers)

    @cached_property
    def _time_triggers(self) -> frozenset[str]:
        """Every form of the month, weekday, unit and number words that open temporal expressions."""
        return frozenset(fold(form) for word in TRIGGER_LEMMAS for form in self.morph.forms(word))

    def clause_tense(self, doc: Document, index: int) -> str | None:
        return clause_tense(doc, index)

    def agreed_name(self, modifiers: Sequence[Token], noun: Token) -> str:
        return self.names.agreed(modifiers, noun)

    @cached_property
    def lexicon(self) -> Lexicon:
        return Lexicon("ru", self.morph.lemmas, fold, self.morph.is_noun)

    @cached_property
    def cities(self) -> CityIndex:
        return CityIndex("ru", fold)


# those taking part in an event that has a word of its own for them
PARTICIPANTS = {"протест": "протестующие", "демонстрация": "демонстранты", "забастовка": "забастовщики", "голодовка": "голодающие"}


def ner_spans(tokens: Sequence[Token]):
    """Spans from BIO tags (a stray I- opens a span, as slovnet's own decoder does)."""
    start, kind = None, None
    for i, token in enumerate(tokens + [Token(0, 0, "", sent=-1)]):
        tag = token.ner
        boundary = tag == "O" or tag.startswith("B-") or tag[2:] != kind or (start is not None and token.sent != tokens[start].sent)
        if start is not None and boundary:
            yield Span(start, i, kind)
            start, kind = None, None
        if tag != "O" and start is None:
            start, kind = i, tag[2:]
