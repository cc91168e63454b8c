"""Canonical nominative names: persons by gender and role, phrases by head-noun agreement."""

from __future__ import annotations

import pytest

from conftest import names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча с Закиром Гасановым прошла в Баку.", "Закир Гасанов"),
        ("Документ подписал вместе с Вюгаром Мустафаевым.", "Вюгар Мустафаев"),
        ("Награду вручили Мехрибан Алиевой.", "Мехрибан Алиева"),
        ("Он поговорил с Анной Ивановой.", "Анна Иванова"),
        ("Премьер-министр Никол Пашинян выступил в парламенте.", "Никол Пашинян"),
        ("Переговоры с Касым-Жомартом Токаевым завершились.", "Касым-Жомарт Токаев"),
        ("Письмо направили Урсуле фон дер Ляйен.", "Урсула фон дер Ляйен"),
        ("Встреча с Ангелой Меркель состоялась в Берлине.", "Ангела Меркель"),
        ("Кая Каллас назвала решение жестким.", "Кая Каллас"),
        ("Переговоры с Ахмедом аш-Шараа продлились час.", "Ахмед аш-Шараа"),
        ("Встреча с Юлией Тимошенко прошла в Киеве.", "Юлия Тимошенко"),
    ],
)
def test_person_names_in_the_nominative(extract, text, expected):
    assert expected in names(extract(text), "PERSON")


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Учения прошли в Центре подготовки Вооруженных сил Армении.", "ORGANIZATION", "Центр подготовки Вооруженных сил Армении"),
        ("Заседание Высшего государственного совета отложено.", "ORGANIZATION", "Высший государственный совет"),
        ("Делегация прибыла на Южный Кавказ, а затем выступила на Южном Кавказе.", "LOCATION", "Южный Кавказ"),
        ("Дроны сбиты над Белгородской, Курской и Брянской областями.", "LOCATION", "Курская область"),
        ("Митинг прошел на площади Свободы.", "LOCATION", "площадь Свободы"),
        ("Форум пройдет в Нижнем Новгороде.", "CITY", "Нижний Новгород"),
        ("Саммит пройдет в Габале.", "CITY", "Габала"),
    ],
)
def test_phrase_names_in_the_nominative(extract, text, kind, expected):
    assert expected in names(extract(text), kind)


def test_titles_are_kept_out_of_the_name(extract):
    doc = extract(
        "Министр обороны генерал-полковник Ариф Мамедов встретился с лордом Джоном Смитом. "
        "Лорд Смит поблагодарил господина Мамедова."
    )
    persons = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert set(persons) == {"Ариф Мамедов", "Джон Смит"}
    assert "генерал-полковник" in persons["Ариф Мамедов"].titles
    assert persons["Джон Смит"].titles == ["лорд"]
    assert len(persons["Джон Смит"].mentions) == 2
    assert persons["Ариф Мамедов"].name_parts == {"first": "Ариф", "last": "Мамедов"}
