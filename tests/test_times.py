"""Temporal expressions: what they say, and their values against the article's date."""

from __future__ import annotations

import pytest

from letopis.lang.ru.times import TimeSpec
from letopis.stages.times import resolve
from datetime import date

ARTICLE_DATE = "2025-12-04"  # a Thursday


def times(extract, text, doc_date=ARTICLE_DATE):
    return {t["text"]: t for t in extract(text, doc_date=doc_date).times}


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("В марте Франция назначила нового посла в Армении.", "В марте", "2025-03", "month"),
        ("В октябре стороны сняли ограничения.", "В октябре", "2025-10", "month"),
        ("Соглашение подписали в августе 2025 года в Баку.", "в августе 2025 года", "2025-08", "month"),
        ("Министр впервые с 2022 года посетил Ереван.", "с 2022 года", "2022", "year"),
        ("Вчера делегация прибыла в Тбилиси.", "Вчера", "2025-12-03", "day"),
        ("Переговоры прошли в среду в Анкаре.", "в среду", "2025-12-03", "day"),
        ("В среду министр встретится с послом.", "В среду", "2025-12-10", "day"),
        ("На прошлой неделе прошли выборы.", "На прошлой неделе", "2025-W48", "week"),
        ("В прошлом месяце парламент принял закон.", "В прошлом месяце", "2025-11", "month"),
        ("Саммит пройдет в марте в Астане.", "в марте", "2026-03", "month"),
        ("Стороны договорились провести форум в марте.", "в марте", "2026-03", "month"),
        ("Визит состоялся 28 июня 2024 года.", "28 июня 2024 года", "2024-06-28", "day"),
        ("Документ датирован 05.03.2024.", "05.03.2024", "2024-03-05", "day"),
        ("Три года назад отношения были разорваны.", "Три года назад", "2022", "year"),
        ("Учения пройдут с 10 по 14 апреля 2026 года.", "с 10 по 14 апреля 2026 года", "2026-04-10/2026-04-14", "day"),
        ("Договор действует в течение пяти лет.", "в течение пяти лет", "P5Y", "year"),
        ("Рост ожидается в первом квартале 2026 года.", "в первом квартале 2026 года", "2026-Q1", "quarter"),
        ("В ночь на вторник прошла атака.", "В ночь на вторник", "2025-12-02", "day"),
    ],
)
def test_values(extract, text, expression, value, precision):
    found = times(extract, text)
    assert expression in found, found
    assert (found[expression]["value"], found[expression]["precision"]) == (value, precision)


def test_start_point_and_vague_future(extract):
    found = times(extract, "Впервые с 2022 года министр приехал в Ереван и обещал инвестиции в ближайшие месяцы и годы.")
    assert found["с 2022 года"]["mod"] == "start"
    vague = found["в ближайшие месяцы и годы"]
    assert vague["value"] is None and vague["precision"] == "vague" and vague["direction"] == "future"


def test_relative_expressions_stay_unresolved_without_a_date(extract):
    found = times(extract, "В марте министр посетил Баку, а вчера вернулся в Лондон.", doc_date=None)
    assert found["В марте"]["value"] is None and found["В марте"]["pattern"] == "XXXX-03"
    assert found["вчера"]["value"] is None


def test_a_bare_number_is_not_a_year(extract):
    assert times(extract, "В зале было 2025 человек.") == {}


def test_offsets_point_into_the_text(extract):
    doc = extract("Вчера, 3 декабря 2025 года, министр прибыл.", doc_date=ARTICLE_DATE)
    for t in doc.times:
        assert doc.text[t["start"] : t["end"]] == t["text"]


@pytest.mark.parametrize(
    ("spec", "tense", "value"),
    [
        (TimeSpec("date", month=1), "past", "2025-01"),
        (TimeSpec("date", month=12, day=20), "past", "2024-12-20"),
        (TimeSpec("date", month=12, day=20), "future", "2025-12-20"),
        (TimeSpec("date", month=2), "future", "2026-02"),
        (TimeSpec("date", season="SU"), None, "2025-SU"),
        (TimeSpec("shift", unit="quarter", amount=-1), "past", "2025-Q3"),
        (TimeSpec("date", year=2025, month=2, day=30), "past", None),
    ],
)
def test_resolution_rules(spec, tense, value):
    assert resolve(spec, date(2025, 12, 4), tense)["value"] == value


def test_vague_times_of_the_coming_and_following_years(extract):
    found = times(extract, "В последующие годы и в грядущие месяцы страна изменится.")
    assert found["В последующие годы"]["precision"] == "vague"
    assert found["в грядущие месяцы"]["precision"] == "vague"
