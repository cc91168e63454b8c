"""Canonical nominative forms of Russian names.

Persons: every word goes to the nominative singular of the person's gender, with its role
(first name, patronymic, surname) read from the dictionary (`Закиром Гасановым` → Закир
Гасанов, `Мехрибан Алиевой` → Мехрибан Алиева). Phrases (organisations, places): the head
noun goes to the nominative and the adjectives before it agree with it; what follows the
head (genitive complements, quoted names) stays as written (`Центре обучения и
образования Азербайджанской армии` → Центр обучения и образования Азербайджанской армии).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...document import Token
from .morph import CASE_ALIASES, NAME_GRAMMEMES, UD_CASE, UD_GENDER, RussianMorphology, _is_cyrillic, restore_form

ROLE_OF = {"Name": "first", "Patr": "middle", "Surn": "last"}
MODIFIER_POS = {"ADJ", "DET", "NUM"}
QUOTES = "«»\"„“”'"
FEMININE_VOWELS = "аяеиоуыэюё"
# Lower-case parts of foreign names: von, der, de, van, al-, ibn ... (kept as written).
PARTICLES = {"фон", "дер", "де", "ван", "ди", "да", "дос", "дель", "делла", "ла", "ле", "аль", "эль", "ибн", "бин", "бен", "ас", "аш", "ад", "ан", "ат", "ар", "уд", "оглы", "кызы"}
# Case endings of masculine and feminine names the dictionary does not know, by UD case:
# (ending, replacement), longest first.
MASCULINE_ENDINGS = {
    "gent": (("ого", "ий"), ("ия", "ий"), ("а", ""), ("я", "й")),
    "accs": (("ого", "ий"), ("ия", "ий"), ("а", ""), ("я", "й")),
    "datv": (("ому", "ий"), ("ию", "ий"), ("у", ""), ("ю", "й")),
    "ablt": (("ым", ""), ("ом", ""), ("ем", "й"), ("им", "")),
    "loct": (("ии", "ий"), ("е", "")),
}
FEMININE_CASE_ENDINGS = {
    "gent": (("ой", "а"), ("ы", "а"), ("и", "я")),
    "accs": (("у", "а"), ("ю", "я")),
    "datv": (("ой", "а"), ("е", "а")),
    "ablt": (("ой", "а"), ("ей", "я")),
    "loct": (("ой", "а"), ("е", "а")),
}
# Surname endings that mark a woman when the dictionary does not know the name.
FEMININE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "овой", "евой", "иной", "ской", "цкой")


class NameForms:
    def __init__(self, morph: RussianMorphology):
        self.morph = morph

    # ----- persons -----
    def person(self, tokens: Sequence[Token]) -> list[tuple[str, str]]:
        """[(word in the nominative, role)], role in first/middle/last/initial/particle/other."""
        gender = self._person_gender(tokens)
        words: list[tuple[str, str]] = []
        for token in tokens:
            text = token.text
            if not text[:1].isalpha():
                continue
            if len(text) <= 2 and text[:1].isupper() and (len(text) == 1 or text[1] == "."):
                words.append((text.rstrip("."), "initial"))
            elif text.islower() and text in PARTICLES:
                words.append((text, "particle"))
            elif not _is_cyrillic(text):
                words.append((text, "other"))
            else:
                prefix, core = _split_particle(text)
                form, role = self._name_word(core, token.feats, gender)
                words.append((prefix + restore_form(form, core), role))
        return _assign_roles(words)

    def _name_word(self, word: str, feats: dict[str, str], gender: str | None) -> tuple[str, str]:
        """One word of a name in the nominative singular, with its role from the dictionary."""
        feats = dict(feats, Number="Sing")
        if gender:
            feats["Gender"] = {"masc": "Masc", "femn": "Fem"}[gender]
        case = UD_CASE.get(feats.get("Case", ""))
        parse = self.morph.best_parse(word, "PROPN", feats, prefer=frozenset(NAME_GRAMMEMES))
        tag = parse.tag
        role = next((ROLE_OF[g] for g in ROLE_OF if g in tag.grammemes), "other")
        singular = tag.number != "plur"
        agrees = CASE_ALIASES.get(tag.case, tag.case) == case or not (gender and tag.gender and tag.gender != gender)
        known_woman = "Surn" in tag.grammemes and tag.gender == "femn"
        if gender == "femn" and role != "first" and not known_woman and word[-1:].lower() not in FEMININE_VOWELS + "й":
            return word, role  # a woman's surname ending in a consonant does not decline: Каллас, Меркель
        # a singular parse wins even in another case than tagged, unless its gender is wrong too;
        # otherwise (Токаев read as plural токай, Кая as masculine кай) the word is taken off
        # its case ending instead
        if not (singular and agrees):
            return strip_case_ending(word, case, gender), role
        wanted = {"nomn", "sing"} | ({gender} if gender and "Surn" in tag.grammemes else set())
        return self.morph.inflect(parse, wanted) or parse.normal_form, role

    def _person_gender(self, tokens: Sequence[Token]) -> str | None:
        votes: Counter[str] = Counter()
        for token in tokens:
            if not _is_cyrillic(token.text):
                continue
            known = self.morph.gender_of_name(token.text, token.feats)
            if known:
                votes[known] += 2
            tagged = UD_GENDER.get(token.feats.get("Gender", ""))
            if tagged in ("masc", "femn"):
                votes[tagged] += 1
        if tokens and tokens[-1].text.lower().endswith(FEMININE_ENDINGS):
            votes["femn"] += 1
        return votes.most_common(1)[0][0] if votes else None

    # ----- organisations and places -----
    def phrase(self, doc_tokens: Sequence[Token], first: int, last: int) -> str:
        """doc_tokens[first:last] in the nominative: head noun and the modifiers agreeing with it."""
        tokens = doc_tokens[first:last]
        if not tokens:
            return ""
        head = _head_index(tokens, first)
        forms = [t.text for t in tokens]
        if head is None or tokens[0].text[:1] in QUOTES:
            return _join(tokens, forms)
        head_token = tokens[head]
        if _inflectable(head_token):
            parse = self.morph.best_parse(head_token.text, head_token.pos or "NOUN", head_token.feats)
            plural = parse.tag.number == "plur" or "Pltm" in parse.tag.grammemes
            number = "plur" if plural else "sing"
            forms[head] = restore_form(self.morph.inflect(parse, {"nomn", number}) or head_token.text, head_token.text)
            agree = {"nomn", number} | ({parse.tag.gender} if not plural and parse.tag.gender else set())
            case = head_token.feats.get("Case")
            for i in range(head):
                token = tokens[i]
                if _is_modifier(token) and _inflectable(token) and token.feats.get("Case") == case:
                    modifier = self.morph.best_parse(token.text, token.pos, token.feats)
                    inflected = self.morph.inflect(modifier, agree)
                    if inflected:
                        forms[i] = restore_form(inflected, token.text)
        return _join(tokens, forms)


    def agreed(self, modifiers: Sequence[Token], noun: Token) -> str:
        parse = self.morph.best_parse(noun.text, "NOUN", noun.feats)
        head = restore_form(self.morph.inflect(parse, {"nomn", "sing"}) or noun.text, noun.text.lower())
        agree = {"nomn", "sing"} | ({parse.tag.gender} if parse.tag.gender else set())
        words = []
        for token in modifiers:
            modifier = self.morph.best_parse(token.text, token.pos, token.feats)
            words.append(restore_form(self.morph.inflect(modifier, agree) or token.text, token.text))
        return " ".join(words + [head])


def strip_case_ending(word: str, case: str | None, gender: str | None) -> str:
    """The nominative of a name the dictionary does not know, from its case ending."""
    table = {"masc": MASCULINE_ENDINGS, "femn": FEMININE_CASE_ENDINGS}.get(gender or "masc", {})
    for ending, replacement in table.get(case or "", ()):
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            return word[: len(word) - len(ending)] + replacement
    return word


def _split_particle(word: str) -> tuple[str, str]:
    """`аш-Шараа` → (`аш-`, `Шараа`): a lower-case Arabic or Turkic particle glued by a hyphen."""
    head, dash, rest = word.partition("-")
    if dash and head in PARTICLES and rest[:1].isupper():
        return head + dash, rest
    return "", word


def _assign_roles(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Words the dictionary did not place: the last unplaced word is the surname, earlier ones first names."""
    roles = [r for _, r in words]
    if "last" not in roles:
        for i in range(len(words) - 1, -1, -1):
            if roles[i] in ("other",) and (i > 0 or len(words) == 1 or roles[1:].count("other") == 0):
                roles[i] = "last"
                break
    if "first" not in roles:
        for i, role in enumerate(roles):
            if role == "other":
                roles[i] = "first"
                break
    return [(w, r) for (w, _), r in zip(words, roles)]


def _head_index(tokens: Sequence[Token], first: int) -> int | None:
    """The syntactic head of the span: a noun whose head lies outside it; else the first noun."""
    last = first + len(tokens)
    nouns = [i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")]
    for i in nouns:
        if not first <= tokens[i].head < last:
            return i
    return nouns[0] if nouns else None


def _is_modifier(token: Token) -> bool:
    return token.pos in MODIFIER_POS or (token.pos == "VERB" and token.feats.get("VerbForm") == "Part")


def _inflectable(token: Token) -> bool:
    text = token.text
    return _is_cyrillic(text) and not (text.isupper() and len(text) > 1)


def _join(tokens: Sequence[Token], forms: list[str]) -> str:
    """Rebuild the phrase with the original spacing between tokens."""
    out = [forms[0]]
    for prev, token, form in zip(tokens, tokens[1:], forms[1:]):
        out.append(" " * min(token.start - prev.end, 1) + form)
    return "".join(out)
