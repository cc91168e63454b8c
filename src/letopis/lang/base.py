"""The language interface: what the pipeline stages need from a language.

A language segments and analyses text (tokens with Universal Dependencies POS, features,
dependency arcs and NER tags), lemmatises and inflects words, and carries its lexicons.
Stages are written against this interface; Russian is the first implementation.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from ..document import Document, Token


class Language(ABC):
    code: str

    @abstractmethod
    def analyze(self, docs: Sequence[Document]) -> None:
        """Fill tokens, sentences and NER spans of the documents, in place, in one batch."""

    @abstractmethod
    def lemmas(self, word: str) -> frozenset[str]:
        """Every dictionary form the word may have (lower case), for lexicon lookups."""

    @abstractmethod
    def lemma(self, token: Token) -> str:
        """The dictionary form of the token, chosen with its tagged POS and features."""

    @abstractmethod
    def person_name(self, tokens: Sequence[Token], first: int, last: int) -> list[tuple[str, str]]:
        """The words of tokens[first:last], a person's name, in the nominative, each with its role
        (first, middle, last, initial); the context around the span may decide the gender."""

    @abstractmethod
    def phrase_name(self, tokens: Sequence[Token], first: int, last: int) -> str:
        """tokens[first:last], a noun phrase (organisation, place), in the nominative."""

    @abstractmethod
    def person_genitive(self, name: str, gender: str | None = None) -> str:
        """A person's canonical name in the form that follows a noun as its owner (`сторонники`
        + `Мухаммед Мурси` → `Мухаммеда Мурси`); gender as the tagger gives it (Masc, Fem)."""

    def place_genitive(self, name: str) -> str:
        """A country's canonical name in the form that follows a noun as its owner (`полиция` +
        `Великобритания` → `Великобритании`); unchanged where the language layer cannot say."""
        return name

    @abstractmethod
    def participants_name(self, tokens: Sequence[Token], first: int, last: int) -> str:
        """The people taking part in the event named by tokens[first:last] (a rally, riots):
        `участники митинга`, `участники беспорядков`."""

    @abstractmethod
    def agreed_name(self, modifiers: Sequence[Token], noun: Token) -> str:
        """Modifiers and the noun they share, in the nominative singular: Курской + областях → Курская область."""

    @abstractmethod
    def is_locative(self, doc: Document, first: int, last: int) -> bool:
        """The span names the place where something is or goes (`в Баку`, `из Лондона`), not an actor."""

    @abstractmethod
    def is_common_word(self, word: str) -> bool:
        """The word is an ordinary word of the language and never a name (`Уставший`, `Вечерняя`)."""

    @abstractmethod
    def time_expressions(self, doc: Document) -> list:
        """Temporal expressions of the document (TimeMention: token span and what it says)."""

    @abstractmethod
    def clause_tense(self, doc: Document, index: int) -> str | None:
        """past, present or future: the tense of the clause the token is in, if a verb shows it."""

    @abstractmethod
    def fold(self, text: str) -> str:
        """The comparison form of a string (case and spelling variants folded)."""

    def warm_up(self) -> None:
        """Load everything a first document would otherwise load (lexicons, gazetteers)."""

    @property
    @abstractmethod
    def lexicon(self):
        """The language's lexicons and gazetteer (see letopis.lexicon)."""


def get_language(code: str) -> Language:
    if code == "ru":
        from .ru import Russian

        return Russian.load()
    raise ValueError(f"language {code!r} is not available (available: ru)")
