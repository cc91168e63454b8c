"""Russian temporal expressions found over tokens and lemmas, with what each one says.

A `TimeSpec` says what an expression names without resolving it: a calendar point at some
precision (`4 декабря 2025 года`, `в октябре`, `в среду`, `в 2025 году`), a shift from the
article's date (`вчера`, `на прошлой неделе`, `три года назад`), a vague stretch
(`в предстоящие месяцы`), a duration (`в течение трех лет`) or a range (`с 10 по 14 апреля`),
with a modifier (`с 2022 года` is a start point, `до 2030 года` an end point, `в конце
2024 года` the end part). The times stage resolves it against the article's date and the
tense of the clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ...document import Token

MONTHS = {
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6,
    "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}
WEEKDAYS = {"понедельник": 0, "вторник": 1, "среда": 2, "четверг": 3, "пятница": 4, "суббота": 5, "воскресенье": 6}
SEASONS = {"зима": "WI", "весна": "SP", "лето": "SU", "осень": "FA"}
SEASON_ADVERBS = {"зимой": "WI", "весной": "SP", "летом": "SU", "осенью": "FA"}
DAY_WORDS = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2, "накануне": -1}
UNITS = {"день": "day", "сутки": "day", "неделя": "week", "месяц": "month", "год": "year", "десятилетие": "decade", "квартал": "quarter"}
SHIFT_ADJECTIVES = {"прошлый": -1, "прошедший": -1, "минувший": -1, "предыдущий": -1, "этот": 0, "текущий": 0,
                    "нынешний": 0, "следующий": 1, "будущий": 1, "грядущий": 1, "наступающий": 1}
# `ближайшие` is read as a superlative of `близкий`
VAGUE_ADJECTIVES = {"ближайший": "future", "близкий": "future", "предстоящий": "future", "грядущий": "future", "последующий": "future",
                    "последний": "past", "прошедший": "past", "минувший": "past"}
PARTS = {"начало": "start", "середина": "mid", "конец": "end", "финал": "end"}
NUMBER_WORDS = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
                "девять": 9, "десять": 10, "пятнадцать": 15, "двадцать": 20, "тридцать": 30, "полтора": 1.5,
                "несколько": None}
START_PREPOSITIONS = {"с", "со", "начиная"}
END_PREPOSITIONS = {"до", "по"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d|21\d\d)$")
YEAR_RANGE = re.compile(r"^(1[89]\d\d|20\d\d)[-–—](1[89]\d\d|20\d\d)$")
NUMERIC_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DECADE = re.compile(r"^(1[89]\d0|20\d0)-[еx]$")


@dataclass
class TimeSpec:
    """What an expression says. Fields left None are not stated."""

    kind: str  # date | shift | vague | duration | range
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    decade: int | None = None
    unit: str | None = None  # for shifts, vague stretches and durations
    amount: float | None = None  # shift by amount units (negative: back), or a duration's length
    direction: str | None = None  # vague: past | future
    mod: str | None = None  # start | end | mid | approx
    until: TimeSpec | None = None  # a range's end


@dataclass
class TimeMention:
    first: int
    last: int
    spec: TimeSpec
    anchor: int = field(default=0)  # token whose clause gives the tense


Lemma = Callable[[Token], str]


TRIGGER_LEMMAS = [*MONTHS, *WEEKDAYS, *NUMBER_WORDS, *UNITS, *SEASONS]


def find_times(tokens: Sequence[Token], lemma: Lemma, triggers: frozenset[str]) -> list[TimeMention]:
    """Temporal expressions of a document, left to right, not overlapping. `triggers` are the
    word forms (lower case) that may open one, besides numbers and prepositions."""
    found: list[TimeMention] = []
    i = 0
    while i < len(tokens):
        if not _could_start(tokens[i], triggers):
            i += 1
            continue
        mention = _match(tokens, i, lemma)
        if mention is None:
            i += 1
            continue
        found.append(mention)
        i = mention.last
    return found


OPENING_WORDS = {"в", "во", "на", "с", "со", "начиная", "до", "по", "к", "ко", "после", "около", "примерно", "через", "за"}


def _could_start(token: Token, triggers: frozenset[str]) -> bool:
    """A cheap test before the rules: only these words or numbers open a temporal expression."""
    text = token.text.lower()
    return text[:1].isdigit() or text in OPENING_WORDS or text in DAY_WORDS or text in SEASON_ADVERBS or text in triggers


def _match(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    for rule in (_range, _duration, _ago, _vague, _shifted_unit, _part_of, _calendar, _day_word):
        mention = rule(tokens, i, lemma)
        if mention is not None:
            mention.anchor = mention.first
            return mention
    return None


# ----- building blocks -----
def _word(tokens: Sequence[Token], i: int, lemma: Lemma) -> str:
    return lemma(tokens[i]) if i < len(tokens) else ""


def _same_sentence(tokens: Sequence[Token], i: int, j: int) -> bool:
    return j < len(tokens) and tokens[i].sent == tokens[j].sent


def _year_after(tokens: Sequence[Token], j: int, lemma: Lemma) -> tuple[int | None, int]:
    """A year at j (`2025`, `2025 года`, `2025 г.`), and the index after it."""
    if j < len(tokens) and YEAR.match(tokens[j].text) and _same_sentence(tokens, j - 1, j):
        k = j + 1
        if k < len(tokens) and (_word(tokens, k, lemma) == "год" or tokens[k].text in ("г", "гг")):
            k += 1
            if k < len(tokens) and tokens[k].text == "." and tokens[k - 1].text in ("г", "гг"):
                k += 1
        return int(tokens[j].text), k
    return None, j


def _calendar_point(tokens: Sequence[Token], i: int, lemma: Lemma) -> tuple[TimeSpec, int] | None:
    """A calendar point starting at i, without a preposition: `4 декабря 2025 года`,
    `октябре 2025 года`, `марте`, `2025 году`, `среду`, `осенью 2025 года`, `04.12.2025`."""
    if i >= len(tokens):
        return None
    text = tokens[i].text
    word = _word(tokens, i, lemma)
    if m := NUMERIC_DATE.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return TimeSpec("date", year=year, month=month, day=day), i + 1
    if m := ISO_DATE.match(text):
        return TimeSpec("date", year=int(m.group(1)), month=int(m.group(2)), day=int(m.group(3))), i + 1
    if text.isdigit() and 1 <= int(text) <= 31 and _word(tokens, i + 1, lemma) in MONTHS and _same_sentence(tokens, i, i + 1):
        year, end = _year_after(tokens, i + 2, lemma)
        return TimeSpec("date", year=year, month=MONTHS[_word(tokens, i + 1, lemma)], day=int(text)), end
    if word in MONTHS:
        year, end = _year_after(tokens, i + 1, lemma)
        return TimeSpec("date", year=year, month=MONTHS[word]), end
    if word in WEEKDAYS:
        return TimeSpec("date", weekday=WEEKDAYS[word]), i + 1
    if text.lower() in SEASON_ADVERBS or word in SEASONS:
        season = SEASON_ADVERBS.get(text.lower()) or SEASONS[word]
        year, end = _year_after(tokens, i + 1, lemma)
        return TimeSpec("date", season=season, year=year), end
    if m := YEAR_RANGE.match(text):
        end = i + 2 if _word(tokens, i + 1, lemma) == "год" else i + 1
        spec = TimeSpec("range", year=int(m.group(1)), until=TimeSpec("date", year=int(m.group(2))))
        return spec, end
    if YEAR.match(text):
        year, end = _year_after(tokens, i, lemma)
        if end > i + 1 or _word(tokens, i - 1, lemma) in ("в", "с", "до", "по", "к", "после"):
            return TimeSpec("date", year=year), end
        return None  # a bare four-digit number may be anything
    if DECADE.match(text) and _word(tokens, i + 1, lemma) == "год":
        return TimeSpec("date", decade=int(text[:4])), i + 2
    return None


def _calendar(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """A calendar point with its preposition: `в марте`, `с 2022 года` (a start), `до 2030 года`."""
    word = _word(tokens, i, lemma)
    start = i
    mod = None
    if word in ("в", "во", "на", "к", "ко", "после", "около", "примерно"):
        i += 1
        mod = {"к": "end", "ко": "end", "около": "approx", "примерно": "approx", "после": "after"}.get(word)
    elif word in START_PREPOSITIONS:
        i += 1
        mod = "start"
    elif word in END_PREPOSITIONS:
        i += 1
        mod = "end"
    if i >= len(tokens) or not _same_sentence(tokens, start, i):
        return None
    if word in ("в", "во") and _word(tokens, i, lemma) == "ночь" and _word(tokens, i + 1, lemma) == "на":
        point = _calendar_point(tokens, i + 2, lemma)  # в ночь на вторник: the night before that day
        if point is not None:
            return TimeMention(start, point[1], point[0])
    ordinal = _ordinal(tokens, i, lemma)
    if ordinal is not None and _word(tokens, i + 1, lemma) == "квартал":
        year, end = _year_after(tokens, i + 2, lemma)
        return TimeMention(start, end, TimeSpec("date", quarter=ordinal, year=year, mod=mod))
    point = _calendar_point(tokens, i, lemma)
    if point is None:
        return None
    spec, end = point
    if start == i and spec.day is None and spec.weekday is None and spec.month is None and spec.season is None and spec.year is None:
        return None
    if start == i and spec.weekday is not None:
        return None  # a bare weekday name without a preposition is too often something else
    spec.mod = spec.mod or (None if mod == "after" else mod)
    return TimeMention(start, end, spec)


def _ordinal(tokens: Sequence[Token], i: int, lemma: Lemma) -> int | None:
    word = _word(tokens, i, lemma)
    ordinals = {"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "четвёртый": 4}
    if word in ordinals:
        return ordinals[word]
    if i < len(tokens) and re.fullmatch(r"[1-4](-?[мйгоеи]{1,3})?", tokens[i].text):
        return int(tokens[i].text[0])
    return None


def _part_of(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`в начале 2025 года`, `в конце октября`, `в середине марта`."""
    if _word(tokens, i, lemma) not in ("в", "во") or _word(tokens, i + 1, lemma) not in PARTS:
        return None
    point = _calendar_point(tokens, i + 2, lemma)
    if point is None:
        shifted = _shift_phrase(tokens, i + 2, lemma)  # в конце прошлого года
        if shifted is None:
            return None
        spec, end = shifted
    else:
        spec, end = point
    spec.mod = PARTS[_word(tokens, i + 1, lemma)]
    return TimeMention(i, end, spec)


def _day_word(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`вчера`, `сегодня`, `накануне` (as an adverb, not `накануне выборов`)."""
    text = tokens[i].text.lower()
    if text not in DAY_WORDS:
        return None
    if text == "накануне" and i + 1 < len(tokens) and tokens[i + 1].pos in ("NOUN", "PROPN") and _same_sentence(tokens, i, i + 1):
        return None
    return TimeMention(i, i + 1, TimeSpec("shift", unit="day", amount=DAY_WORDS[text]))


def _shift_phrase(tokens: Sequence[Token], i: int, lemma: Lemma) -> tuple[TimeSpec, int] | None:
    """`прошлой неделе`, `этом году`, `следующем месяце` (without the preposition)."""
    if _word(tokens, i, lemma) in SHIFT_ADJECTIVES and _word(tokens, i + 1, lemma) in UNITS and _same_sentence(tokens, i, i + 1):
        unit = UNITS[_word(tokens, i + 1, lemma)]
        return TimeSpec("shift", unit=unit, amount=SHIFT_ADJECTIVES[_word(tokens, i, lemma)]), i + 2
    return None


def _shifted_unit(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`на прошлой неделе`, `в прошлом месяце`, `в этом году`, `в следующем году`."""
    if _word(tokens, i, lemma) not in ("в", "во", "на"):
        return None
    shifted = _shift_phrase(tokens, i + 1, lemma)
    if shifted is None:
        return None
    return TimeMention(i, shifted[1], shifted[0])


def _amount(tokens: Sequence[Token], i: int, lemma: Lemma) -> tuple[float | None, int] | None:
    """A number of units: `3`, `три`, `несколько`; `полтора`."""
    if i >= len(tokens):
        return None
    text = tokens[i].text
    if text.isdigit() and len(text) <= 3:
        return float(text), i + 1
    word = _word(tokens, i, lemma)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word], i + 1
    return None


def _ago(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`три года назад`, `через две недели`, `год назад`."""
    if _word(tokens, i, lemma) == "через":
        counted = _counted_unit(tokens, i + 1, lemma)
        if counted is not None:
            unit, amount, end = counted
            return TimeMention(i, end, TimeSpec("shift", unit=unit, amount=amount))
        return None
    counted = _counted_unit(tokens, i, lemma)
    if counted is not None and _word(tokens, counted[2], lemma) == "назад":
        unit, amount, end = counted
        return TimeMention(i, end + 1, TimeSpec("shift", unit=unit, amount=-amount if amount is not None else None))
    return None


def _counted_unit(tokens: Sequence[Token], i: int, lemma: Lemma) -> tuple[str, float | None, int] | None:
    counted = _amount(tokens, i, lemma)
    if counted is not None:
        amount, j = counted
    elif _word(tokens, i, lemma) in UNITS:
        amount, j = 1.0, i
    else:
        return None
    if _word(tokens, j, lemma) in UNITS and _same_sentence(tokens, i, j):
        return UNITS[_word(tokens, j, lemma)], amount, j + 1
    return None


def _duration(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`в течение трех лет`, `на протяжении двух месяцев`, `за последние 10 лет` (a duration
    up to now)."""
    word = _word(tokens, i, lemma)
    if word == "в" and _word(tokens, i + 1, lemma) == "течение":
        j = i + 2
    elif word == "на" and _word(tokens, i + 1, lemma) == "протяжение":
        j = i + 2
    elif word == "за" and _word(tokens, i + 1, lemma) in ("последний", "прошедший", "минувший"):
        j = i + 2
    else:
        return None
    counted = _counted_unit(tokens, j, lemma)
    if counted is None:
        return None
    unit, amount, end = counted
    spec = TimeSpec("duration", unit=unit, amount=amount)
    if word == "за":
        spec.direction = "past"
    return TimeMention(i, end, spec)


def _vague(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`в ближайшие месяцы и годы`, `в грядущие дни`, `в последние годы`, `в ближайшее время`."""
    if _word(tokens, i, lemma) not in ("в", "во", "на") or _word(tokens, i + 1, lemma) not in VAGUE_ADJECTIVES:
        return None
    direction = VAGUE_ADJECTIVES[_word(tokens, i + 1, lemma)]
    j = i + 2
    unit = UNITS.get(_word(tokens, j, lemma))
    if unit is None and _word(tokens, j, lemma) == "время":
        unit = "day"
    if unit is None or not _same_sentence(tokens, i, j):
        return None
    end = j + 1
    if _word(tokens, end, lemma) == "и" and _word(tokens, end + 1, lemma) in UNITS:
        end += 2  # в ближайшие месяцы и годы
    return TimeMention(i, end, TimeSpec("vague", unit=unit, direction=direction))


def _range(tokens: Sequence[Token], i: int, lemma: Lemma) -> TimeMention | None:
    """`с 10 по 14 апреля 2025 года`, `с марта по май`, `с 2022 по 2024 год`."""
    if _word(tokens, i, lemma) not in START_PREPOSITIONS:
        return None
    j = i + 1
    day = int(tokens[j].text) if j < len(tokens) and tokens[j].text.isdigit() and int(tokens[j].text) <= 31 else None
    if day is not None and _word(tokens, j + 1, lemma) in ("по", "до"):
        end_point = _calendar_point(tokens, j + 2, lemma)
        if end_point is None or end_point[0].month is None:
            return None
        until, end = end_point
        return TimeMention(i, end, TimeSpec("range", year=until.year, month=until.month, day=day, until=until))
    start_point = _calendar_point(tokens, j, lemma)
    if start_point is None:
        return None
    spec, k = start_point
    if _word(tokens, k, lemma) not in ("по", "до") or not _same_sentence(tokens, i, k):
        return None
    end_point = _calendar_point(tokens, k + 1, lemma)
    if end_point is None:
        return None
    until, end = end_point
    if spec.year is None:
        spec.year = until.year
    return TimeMention(i, end, TimeSpec("range", year=spec.year, month=spec.month, day=spec.day, until=until))
