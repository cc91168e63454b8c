"""Russian morphology over pymorphy3: parses chosen with the tagger's UD features, lemmas, inflection."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pymorphy3
from pymorphy3.units import DictionaryAnalyzer

# Universal Dependencies features (slovnet's output) to OpenCorpora grammemes (pymorphy's).
UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Voc": "voct", "Par": "gent"}
UD_NUMBER = {"Sing": "sing", "Plur": "plur"}
UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
UD_POS = {
    "NOUN": {"NOUN"},
    "PROPN": {"NOUN"},
    "ADJ": {"ADJF", "ADJS", "PRTF", "PRTS"},
    "DET": {"ADJF", "NPRO"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"},
    "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"},
    "NUM": {"NUMR", "ADJF"},
    "PRON": {"NPRO"},
    "ADP": {"PREP"},
    "CCONJ": {"CONJ"},
    "SCONJ": {"CONJ"},
    "PART": {"PRCL"},
    "INTJ": {"INTJ"},
}
CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
# each case with the grammemes of its variants (gen2, loc2 …)
CASE_FORMS = {case: frozenset({case} | {alias for alias, main in CASE_ALIASES.items() if main == case}) for case in set(UD_CASE.values())}
NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
PROPER_GRAMMEMES = NAME_GRAMMEMES | {"Geox", "Orgn", "Trad", "Abbr"}


RARE_FORMS = frozenset({"Infr", "Arch", "Slng", "Erro", "Dist"})  # informal, archaic, slang, misspelt, variant forms


def fold(text: str) -> str:
    """Lower case with ё folded to е: the comparison form of every lexicon lookup."""
    return text.lower().replace("ё", "е")


class RussianMorphology:
    def __init__(self) -> None:
        self.analyzer = pymorphy3.MorphAnalyzer()
        self.parse = lru_cache(maxsize=200_000)(self.analyzer.parse)
        self.lemmas = lru_cache(maxsize=200_000)(self._lemmas)

    def _lemmas(self, word: str) -> frozenset[str]:
        forms = {fold(p.normal_form) for p in self.parse(word)}
        forms |= {self._participle_lemma(p) for p in self.parse(word) if "PRTF" in p.tag.grammemes} - {None}  # `поверенный`
        forms.add(fold(word))
        return frozenset(forms)

    def _participle_lemma(self, parse) -> str | None:
        """A participle's own dictionary form (`поверенный`, `заключенный`), not its verb's."""
        form = self.inflect(parse, {"sing", "nomn", "masc"})
        return fold(form) if form is not None else None

    def best_parse(self, word: str, pos: str = "", feats: Mapping[str, str] | None = None, prefer=frozenset()):
        """The pymorphy parse that agrees best with the tagger's UD part of speech and features."""
        feats = feats or {}
        return self._best_parse(word, pos, feats.get("Case", ""), feats.get("Number", ""), feats.get("Gender", ""), prefer)

    @lru_cache(maxsize=200_000)  # noqa: B019 - one analyser per process, the cache lives as long
    def _best_parse(self, word: str, pos: str, ud_case: str, ud_number: str, ud_gender: str, prefer: frozenset):
        wanted_pos = UD_POS.get(pos, set())
        cases = CASE_FORMS.get(UD_CASE.get(ud_case), frozenset())
        number = UD_NUMBER.get(ud_number)
        other_number = {"sing": "plur", "plur": "sing"}.get(number or "")
        gender = UD_GENDER.get(ud_gender)

        def agreement(parse) -> float:  # on the grammeme set: the tag's properties are slow to read
            grammemes = parse.tag.grammemes
            score = parse.score
            score += 2.0 if wanted_pos & grammemes else 0.0
            score += 1.0 if cases & grammemes else 0.0
            score += 0.5 if number and number in grammemes else 0.0
            score -= 1.5 if other_number and other_number in grammemes else 0.0
            score += 0.5 if gender and gender in grammemes else 0.0
            score += 1.0 if prefer & grammemes else 0.0
            return score

        return max(self.parse(word), key=agreement)

    def lemma(self, word: str, pos: str = "", feats: Mapping[str, str] | None = None) -> str:
        if not word[:1].isalpha() or not _is_cyrillic(word):
            return fold(word)
        parse = self.best_parse(word, pos, feats)
        if pos == "NOUN" and "PRTF" in parse.tag.grammemes:  # `заключенных`, `поверенного`: a participle used as a noun
            return self._participle_lemma(parse) or fold(parse.normal_form)
        return fold(parse.normal_form)

    def inflect(self, parse, grammemes: set[str]) -> str | None:
        """The form of the parse's lexeme with these grammemes; among several (высший, высочайший)
        the one closest to the word as written."""
        forms = [f for f in parse.lexeme if grammemes <= f.tag.grammemes]
        forms = [f for f in forms if not f.tag.grammemes & RARE_FORMS] or forms  # инструкторы, not инструктора
        if not forms:
            form = parse.inflect(grammemes)
            return form.word if form else None
        return max(forms, key=lambda f: (_common_prefix(f.word, parse.word), -len(f.word))).word

    def forms(self, lemma: str) -> set[str]:
        """Every form of every lexeme the word may be the dictionary form of."""
        return {form.word for parse in self.parse(lemma) if parse.normal_form == lemma for form in parse.lexeme} | {lemma}

    def is_noun(self, word: str) -> bool:
        """The dictionary's first reading of the word is a noun (for lexicon entries in the nominative)."""
        parses = self.parse(word)
        return bool(parses) and parses[0].tag.POS == "NOUN"

    @staticmethod
    def known(parse) -> bool:
        """The parse comes from the dictionary, not from a guess by the word's ending."""
        return len(parse.methods_stack) == 1 and isinstance(parse.methods_stack[0][0], DictionaryAnalyzer)

    def is_common_word(self, word: str) -> bool:
        """The dictionary knows the word only as an adjective, participle, verb or other non-noun,
        never as a name of anything (`Уставший`, `Вечерняя`)."""
        parses = self.parse(word)
        return (
            all(self.known(p) for p in parses)
            and not any(PROPER_GRAMMEMES & p.tag.grammemes for p in parses)
            and not any(p.tag.POS == "NOUN" for p in parses)
        )

    def gender_of_name(self, word: str, feats: Mapping[str, str]) -> tuple[str | None, int]:
        """Gender of a name word for the tagged case, with the weight of that evidence: a first
        name the dictionary knows says most, a guessed one less, a surname least (Каллас, Тимошенко
        are worn by men and women)."""
        parse = self.best_parse(word, "PROPN", feats, prefer=frozenset(NAME_GRAMMEMES))
        grammemes = parse.tag.grammemes
        if not NAME_GRAMMEMES & grammemes or parse.tag.gender not in ("masc", "femn"):
            return None, 0
        agrees = CASE_ALIASES.get(parse.tag.case, parse.tag.case) == UD_CASE.get(feats.get("Case", ""))
        if "Surn" in grammemes or not agrees:
            return parse.tag.gender, 1
        return parse.tag.gender, 3 if self.known(parse) else 2


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _is_cyrillic(word: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in word)


def restore_form(form: str, original: str) -> str:
    """Write `form` as `original` is written: its capitalisation (Title, UPPER, Hyphen-Title),
    and е where the original has no ё (the dictionary prints ё: `вооружённые`)."""
    if "ё" not in original.lower():
        form = form.replace("ё", "е").replace("Ё", "Е")
    if original.isupper() and len(original) > 1:
        return form.upper()
    if "-" in original and form.count("-") == original.count("-"):
        return "-".join(restore_form(f, o) for f, o in zip(form.split("-"), original.split("-")))
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form
