"""Canonical nominative forms of Russian names.

Persons: every word goes to the nominative singular of the person's gender, with its role
(first name, patronymic, surname) read from the dictionary (`Суреном Папикяном` → Сурен
Папикян, `Анной Ивановой` → Анна Иванова). Phrases (organisations, places): the head
noun goes to the nominative and the adjectives before it agree with it; what follows the
head (genitive complements, quoted names) stays as written (`Центре подготовки Вооруженных
сил Армении` → Центр подготовки Вооруженных сил Армении).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...document import Token
from ...ud import QUOTES, is_modifier, span_head
from .morph import CASE_ALIASES, NAME_GRAMMEMES, UD_CASE, UD_GENDER, RussianMorphology, _is_cyrillic, restore_form

ROLE_OF = {"Name": "first", "Patr": "middle", "Surn": "last"}
FEMININE_VOWELS = "аяеиоуыэюё"
# Lower-case parts of foreign names: von, der, de, van, al-, ibn ... (kept as written).
PARTICLES = {"фон", "дер", "де", "ван", "ди", "да", "дос", "дель", "делла", "ла", "ле", "аль", "эль", "ибн", "бин", "бен", "ас", "аш", "ад", "ан", "ат", "ар", "уд", "оглы", "кызы"}
# Surname endings that mark a woman when the dictionary does not know the name.
HARD_CONSONANTS = "бвгдзклмнпрстфхцчшщж"
FEMININE_ENDINGS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "овой", "евой", "иной", "ской", "цкой")


class NameForms:
    def __init__(self, morph: RussianMorphology):
        self.morph = morph

    # ----- persons -----
    def person(self, doc_tokens: Sequence[Token], first: int, last: int) -> list[tuple[str, str]]:
        """[(word in the nominative, role)], role in first/middle/last/initial/particle/other."""
        tokens = doc_tokens[first:last]
        gender = self._person_gender(doc_tokens, first, last)
        case = _span_case(doc_tokens, first, last)
        words: list[tuple[str, str]] = []
        for k, token in enumerate(tokens):
            text = token.text
            if not text[:1].isalpha():
                continue
            if len(text) == 1 and text.isupper():
                dotted = k + 1 < len(tokens) and tokens[k + 1].text == "."
                words.append((text + "." if dotted else text, "initial"))
            elif text.lower() in PARTICLES and (text.islower() or k + 1 < len(tokens)):
                words.append((text, "particle"))  # фон, дер; Ле in Марин Ле Пен
            elif not _is_cyrillic(text):
                words.append((text, "other"))
            else:
                prefix, core = _split_particle(text)
                feats = dict(token.feats, Case=case) if case else token.feats
                form, role = self._name_word(core, feats, gender, certain=case == "Nom")
                words.append((prefix + restore_form(form, core), role))
        return _assign_roles(words)

    def _name_word(self, word: str, feats: dict[str, str], gender: str | None, certain: bool = False) -> tuple[str, str]:
        """One word of a name in the nominative singular, with its role.

        A word the dictionary knows as a first name, patronymic or surname is inflected by the
        dictionary. Any other word (Моди, Рютте, Дюпон, Ариф) stays as written when the tagger
        reads it as nominative, and otherwise loses its case ending (Мерцем → Мерц)."""
        case = UD_CASE.get(feats.get("Case", ""))
        parse = self._name_parse(word, case, gender)
        if parse is not None and certain and CASE_ALIASES.get(parse.tag.case, parse.tag.case) != case:
            parse = None  # the syntax says nominative (a subject): Бидзина stays, not Бидзин
        if parse is not None:
            role = next(ROLE_OF[g] for g in ROLE_OF if g in parse.tag.grammemes)
            wanted = {"nomn", "sing"} | ({gender} if gender and "Surn" in parse.tag.grammemes else set())
            return self.morph.inflect(parse, wanted) or parse.normal_form, role
        if gender == "femn" and word[-1:].lower() not in FEMININE_VOWELS + "й":
            return word, "other"  # a woman's surname ending in a consonant does not decline: Каллас
        return strip_case_ending(word, case, gender), "other"

    def _name_parse(self, word: str, case: str | None, gender: str | None):
        """The singular name parse (Name, Patr, Surn) of the person's gender that fits the case best."""
        candidates = [
            p
            for p in self.morph.parse(word)
            if NAME_GRAMMEMES & p.tag.grammemes
            and p.tag.number != "plur"
            and not {"voct", "Infr"} & p.tag.grammemes
            and not (gender and p.tag.gender in ("masc", "femn") and p.tag.gender != gender)
            # a guessed parse (by the word's ending) must at least agree with the tagged case
            and (self.morph.known(p) or case is None or CASE_ALIASES.get(p.tag.case, p.tag.case) == case)
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda p: (CASE_ALIASES.get(p.tag.case, p.tag.case) == case, self.morph.known(p), p.score))

    def _person_gender(self, doc_tokens: Sequence[Token], first: int, last: int) -> str | None:
        """Votes: the verb the person is the subject of (`Алиева открыла`), the dictionary's
        gender of the name words, the tagger's gender, a feminine surname ending."""
        votes: Counter[str] = Counter()  # float weights
        tokens = doc_tokens[first:last]
        verb = _governing_verb(doc_tokens, first, last)
        said = UD_GENDER.get(doc_tokens[verb].feats.get("Gender", "")) if verb is not None else None
        if said in ("masc", "femn"):
            votes[said] += 10  # agreement with the verb settles it: `Кая Каллас назвала`
        for i in range(first, last):
            token = doc_tokens[i]
            if not _is_cyrillic(token.text):
                continue
            named, weight = self.morph.gender_of_name(token.text, token.feats)
            if named:
                votes[named] += weight
            tagged = UD_GENDER.get(token.feats.get("Gender", ""))
            if tagged in ("masc", "femn"):
                votes[tagged] += 0.5  # the tagger's gender of an unknown name is a weak hint
        if tokens and tokens[-1].text.lower().endswith(FEMININE_ENDINGS):
            votes["femn"] += 1
        return votes.most_common(1)[0][0] if votes else None

    def person_genitive(self, name: str, gender: str | None) -> str:
        """A person's name from the nominative to the genitive (`Мухаммед Мурси` → `Мухаммеда
        Мурси`); a word the dictionary does not know as a name stays as written."""
        words = []
        given = name.split()
        for k, word in enumerate(given):
            parses = [p for p in self.morph.parse(word) if NAME_GRAMMEMES & p.tag.grammemes and p.tag.case == "nomn" and p.tag.number != "plur"
                      and not (gender and p.tag.gender in ("masc", "femn") and p.tag.gender != gender) and self.morph.known(p)]
            form = self.morph.inflect(parses[0], {"gent", "sing"}) if parses and _is_cyrillic(word) else None
            if form is None and k == len(given) - 1 and gender == "masc" and _is_cyrillic(word) and word[-1:].lower() in HARD_CONSONANTS:
                form = word + "а"  # a man's foreign surname ending in a consonant declines: Ын → Ына
            words.append(restore_form(form, word) if form else word)
        return " ".join(words)

    def place_genitive(self, name: str) -> str:
        """`Великобритания` → `Великобритании`, `Южная Корея` → `Южной Кореи`; abbreviations
        (США) and words the dictionary cannot inflect stay as written."""
        words = name.split()
        if not 1 <= len(words) <= 3 or not all(_is_cyrillic(w) and not w.isupper() for w in words):
            return name
        out = []
        for word in words:
            parses = [p for p in self.morph.parse(word) if p.tag.case == "nomn" and p.tag.POS in ("NOUN", "ADJF")]
            parses.sort(key=lambda p: ("Geox" not in p.tag.grammemes, p.tag.POS != "NOUN"))
            form = self.morph.inflect(parses[0], {"gent", parses[0].tag.number or "sing"}) if parses else None
            if not form:
                return name
            out.append(restore_form(form, word))
        return " ".join(out)

    # ----- organisations and places -----
    def phrase(self, doc_tokens: Sequence[Token], first: int, last: int) -> str:
        """doc_tokens[first:last] in the nominative: head noun and the modifiers agreeing with it."""
        tokens = doc_tokens[first:last]
        if not tokens:
            return ""
        head = span_head(doc_tokens, first, last, nouns_first=True)
        head = None if head is None else head - first
        forms = [t.text for t in tokens]
        if head is None and len(tokens) == 1 and is_modifier(tokens[0]) and _inflectable(tokens[0]):
            head = 0  # a participle or adjective standing for people (`протестующих`)
        if head is None or tokens[0].text[:1] in QUOTES:
            return _join(tokens, forms)
        head_token = tokens[head]
        if not _is_cyrillic(head_token.text):
            return _join(tokens, forms)
        parse = self.morph.best_parse(head_token.text, head_token.pos or "NOUN", head_token.feats)
        plural = parse.tag.number == "plur" or "Pltm" in parse.tag.grammemes
        number = "plur" if plural else "sing"
        if _inflectable(head_token):  # an abbreviation (АЭС, МИД) stays, its modifiers still agree
            forms[head] = restore_form(self.morph.inflect(parse, {"nomn", number}) or head_token.text, head_token.text)
        agree = {"nomn", number} | ({parse.tag.gender} if not plural and parse.tag.gender else set())
        case = head_token.feats.get("Case")
        for i in range(head):
            token = tokens[i]
            if is_modifier(token) and _inflectable(token) and (token.feats.get("Case") == case or not _inflectable(head_token)):
                modifier = self.morph.best_parse(token.text, token.pos, token.feats)
                inflected = self.morph.inflect(modifier, agree)
                if inflected:
                    forms[i] = restore_form(inflected, token.text)
        return _join(tokens, forms)

    def genitive(self, doc_tokens: Sequence[Token], first: int, last: int) -> str:
        """A noun (with a quoted name after it) in the genitive, keeping its number: `на митинге
        «За допуск»` → `митинга «За допуск»`, `беспорядки` → `беспорядков`."""
        noun = doc_tokens[first]
        parse = self.morph.best_parse(noun.text, "NOUN", noun.feats)
        number = "plur" if parse.tag.number == "plur" or "Pltm" in parse.tag.grammemes else "sing"
        form = restore_form(self.morph.inflect(parse, {"gent", number}) or noun.text, noun.text.lower())
        return " ".join([form] + [t.text for t in doc_tokens[first + 1 : last]]).replace("« ", "«").replace(" »", "»")

    def agreed(self, modifiers: Sequence[Token], noun: Token) -> str:
        parse = self.morph.best_parse(noun.text, "NOUN", noun.feats)
        head = restore_form(self.morph.inflect(parse, {"nomn", "sing"}) or noun.text, noun.text.lower())
        agree = {"nomn", "sing"} | ({parse.tag.gender} if parse.tag.gender else set())
        words = []
        for token in modifiers:
            modifier = self.morph.best_parse(token.text, token.pos, token.feats)
            words.append(restore_form(self.morph.inflect(modifier, agree) or token.text, token.text))
        return " ".join(words + [head])


def _span_case(tokens: Sequence[Token], first: int, last: int) -> str | None:
    """The case of the whole name, which all its words share: nominative for a subject, the case
    of the noun a name stands in apposition to (`с представителем … Каей Каллас`), else None
    (each word keeps its tagged case)."""
    head = span_head(tokens, first, last)
    token = tokens[head]
    if token.rel == "nsubj" and token.feats.get("Case") in ("Nom", None):
        return "Nom"
    if token.rel == "appos" and 0 <= token.head < len(tokens) and tokens[token.head].pos == "NOUN":
        own = {t.feats.get("Case") for t in tokens[first:last] if t.pos == "PROPN"}
        noun = token.head
        for _ in range(3):  # `с заместителем министра … Александром Налбандовым`: the parser may hang
            case = tokens[noun].feats.get("Case")  # the name on the genitive; the post it names is higher
            if len(own) != 1 or case in own:
                return case
            if tokens[noun].rel != "nmod" or not 0 <= tokens[noun].head < len(tokens) or tokens[tokens[noun].head].pos != "NOUN":
                break
            noun = tokens[noun].head
        return tokens[token.head].feats.get("Case")
    return None


def _governing_verb(tokens: Sequence[Token], first: int, last: int) -> int | None:
    """The verb the name is the subject of, directly or through the noun it stands in apposition
    to (`Глава дипломатии Кая Каллас назвала`)."""
    head = span_head(tokens, first, last)
    token = tokens[head]
    if token.rel == "appos" and 0 <= token.head < len(tokens):
        token = tokens[token.head]
    if token.rel == "nsubj" and 0 <= token.head < len(tokens) and tokens[token.head].pos in ("VERB", "AUX"):
        return token.head
    return None


def strip_case_ending(word: str, case: str | None, gender: str | None) -> str:
    """The nominative of a name the dictionary does not know, from its case ending:
    Дюпона → Дюпон, Мерцем → Мерц, Сергеем → Сергей, Игоря → Игорь, Исибой → Исиба,
    Ивановой → Иванова. Nominative and indeclinable-looking words stay as written."""
    lower = word.lower()
    if case in (None, "nomn") or len(word) < 4 or lower.endswith(INDECLINABLE_ENDINGS):
        return word
    rules = FEMININE_RULES if gender == "femn" else MASCULINE_RULES
    for ending, replacement in rules.get(case, ()):
        if lower.endswith(ending):
            before = lower[-len(ending) - 1]
            soft = "й" if before in VOWELS else "" if before in HUSHING else "ь"
            return word[: len(word) - len(ending)] + replacement.replace("~", soft)
    return word


VOWELS = set("аеёиоуыэюя")
HUSHING = set("жшщчц")
# A foreign name ending so does not decline in Russian: Моди, Рютте, Бочоришвили, Тимошенко, Черных.
INDECLINABLE_ENDINGS = ("швили", "дзе", "ко", "ых", "их", "аго", "яго", "ово", "и", "е", "о", "у", "ю", "э")
# (ending, replacement) by case, first match wins; "~" is й after a vowel, ь after a consonant,
# nothing after ж, ш, щ, ч, ц.
MASCULINE_RULES = {
    "gent": (("ия", "ий"), ("ы", "а"), ("а", ""), ("я", "~")),
    "accs": (("ия", "ий"), ("у", "а"), ("ю", "я"), ("а", ""), ("я", "~")),
    "datv": (("ию", "ий"), ("е", "а")),
    "ablt": (("ым", ""), ("ом", ""), ("ем", "~"), ("ой", "а"), ("ей", "я")),
    "loct": (("ии", "ий"),),
}
FEMININE_RULES = {
    "gent": (("ой", "а"), ("ии", "ия"), ("ы", "а")),
    "accs": (("у", "а"), ("ю", "я")),
    "datv": (("ой", "а"), ("ии", "ия")),
    "ablt": (("ой", "а"), ("ей", "я")),
    "loct": (("ой", "а"), ("ии", "ия")),
}


def _split_particle(word: str) -> tuple[str, str]:
    """`аш-Шараа` → (`аш-`, `Шараа`): a lower-case Arabic or Turkic particle glued by a hyphen."""
    head, dash, rest = word.partition("-")
    if dash and head in PARTICLES and rest[:1].isupper():
        return head + dash, rest
    return "", word


def _assign_roles(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return _particles_with_surname(_place_unknown_words(words))


def _particles_with_surname(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`Ле Пен`, `фон дер Ляйен`: particles right before the surname are part of it."""
    merged: list[tuple[str, str]] = []
    pending: list[str] = []
    for word, role in words:
        if role == "particle":
            pending.append(word)
            continue
        if role == "last" and pending:
            merged.append((" ".join(pending + [word]), "last"))
        else:
            merged += [(p, "particle") for p in pending] + [(word, role)]
        pending = []
    return merged + [(p, "particle") for p in pending]


def _place_unknown_words(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
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


def _inflectable(token: Token) -> bool:
    text = token.text
    return _is_cyrillic(text) and not (text.isupper() and len(text) > 1)


def _join(tokens: Sequence[Token], forms: list[str]) -> str:
    """Rebuild the phrase with the original spacing between tokens."""
    out = [forms[0]]
    for prev, token, form in zip(tokens, tokens[1:], forms[1:]):
        out.append(" " * min(token.start - prev.end, 1) + form)
    return "".join(out)
