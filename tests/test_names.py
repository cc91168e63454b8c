"""Canonical nominative names: persons by gender and role, phrases by head-noun agreement."""

from __future__ import annotations

import pytest

from conftest import names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Встреча с Эльдаром Гусейновым прошла в Баку.", "Эльдар Гусейнов"),
        ("Документ подписал вместе с Ровшаном Гаджиевым.", "Ровшан Гаджиев"),
        ("Награду вручили Мехрибан Алиевой.", "Мехрибан Алиева"),
        ("Он поговорил с Анной Ивановой.", "Анна Иванова"),
        ("Премьер-министр Никол Пашинян выступил в парламенте.", "Никол Пашинян"),
        ("Переговоры с Касым-Жомартом Токаевым завершились.", "Касым-Жомарт Токаев"),
        ("Письмо направили Урсуле фон дер Ляйен.", "Урсула фон дер Ляйен"),
        ("Встреча с Ангелой Меркель состоялась в Берлине.", "Ангела Меркель"),
        ("Кая Каллас назвала решение жестким.", "Кая Каллас"),
        ("Переговоры с Ахмедом аш-Шараа продлились час.", "Ахмед аш-Шараа"),
        ("Встреча с Юлией Тимошенко прошла в Киеве.", "Юлия Тимошенко"),
        ("Премьер-министр Индии Нарендра Моди прибыл в Москву.", "Нарендра Моди"),
        ("Генсек НАТО Марк Рютте выступил в Брюсселе.", "Марк Рютте"),
        ("Макрон провел переговоры с Фридрихом Мерцем.", "Фридрих Мерц"),
        ("Премьер Грузии встретился с Сигэру Исибой.", "Сигэру Исиба"),
        ("Мехрибан Алиева открыла выставку в Баку.", "Мехрибан Алиева"),
        ("Глава европейской дипломатии Кая Каллас назвала решение верным.", "Кая Каллас"),
        ("Пашинян встретился с верховным представителем ЕС Каей Каллас.", "Кая Каллас"),
        ("Заместитель министра Лаша Дарсалия заявил послу о недовольстве.", "Лаша Дарсалия"),
        ("Спикер парламента Шалва Папуашвили провел заседание.", "Шалва Папуашвили"),
        ("Заявление сделал Сергей Викторович Лавров.", "Сергей Викторович Лавров"),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Нарендра Моди прибыл в Москву. Моди встретился с Путиным.", "Нарендра Моди"),
        ("Генсек Марк Рютте прибыл. Рютте заявил о поддержке.", "Марк Рютте"),
        ("Переговоры с Фридрихом Мерцем завершились. Мерц уехал в Берлин.", "Фридрих Мерц"),
        ("С. Лавров прибыл в Анкару. Сергей Лавров заявил о переговорах.", "Сергей Лавров"),
    ],
)
def test_a_surname_alone_joins_the_full_name(extract, text, expected):
    persons = [e for e in extract(text).entities if e.type == "PERSON" and e.name == expected]
    assert len(persons) == 1 and len(persons[0].mentions) == 2


def test_initials_keep_their_dots(extract):
    assert "В. В. Путин" in names(extract("Указ подписал В. В. Путин."), "PERSON")


def test_modifiers_agree_with_an_abbreviation(extract):
    doc = extract("Обстрел Запорожской АЭС осудили в МАГАТЭ.")
    assert "Запорожская АЭС" in names(doc, "ORGANIZATION")


def test_a_participle_used_as_a_noun_keeps_its_own_dictionary_form(pipeline):
    from letopis.document import Token

    lang = pipeline.language
    assert lang.lemma(Token(0, 11, "заключенных", pos="NOUN", feats={"Case": "Gen", "Number": "Plur"})) == "заключенный"
    assert "поверенный" in lang.lemmas("поверенного")
    assert lang.lemma(Token(0, 12, "арестованных", pos="VERB", feats={"VerbForm": "Part"})) == "арестовать"  # a verb's stays
