"""Quotes: direct and indirect speech attributed to its speaker."""

from __future__ import annotations


def quotes(doc) -> list[tuple[str, str, str]]:
    names = {e.id: e.name for e in doc.entities}
    return [(names[q["speaker"]], q["kind"], q["text"]) for q in doc.quotes]


def test_quote_then_dash_and_speech_verb(extract):
    doc = extract("«Мы готовы продолжить переговоры без предварительных условий», — заявил министр иностранных дел Армении Арарат Мирзоян.")
    assert quotes(doc) == [("Арарат Мирзоян", "direct", "Мы готовы продолжить переговоры без предварительных условий")]


def test_speaker_colon_quote(extract):
    doc = extract("Президент Молдавии Майя Санду: «Наш путь в Европейский союз необратим и поддержан гражданами».")
    assert quotes(doc) == [("Майя Санду", "direct", "Наш путь в Европейский союз необратим и поддержан гражданами")]


def test_straight_quotes_with_a_hyphen_and_a_pronoun(extract):
    doc = extract('Глава МИД Турции Хакан Фидан прибыл в Баку. "Мы поддерживаем мирный процесс в регионе", - сказал он.')
    assert quotes(doc) == [("Хакан Фидан", "direct", "Мы поддерживаем мирный процесс в регионе")]


def test_speaker_named_by_surname_only(extract):
    doc = extract(
        "Премьер-министр Грузии Ираклий Кобахидзе провел заседание правительства. "
        "«Выборы пройдут в срок и по правилам», — подчеркнул Кобахидзе."
    )
    assert quotes(doc) == [("Ираклий Кобахидзе", "direct", "Выборы пройдут в срок и по правилам")]


def test_indirect_speech(extract):
    doc = extract("Министр обороны Азербайджана Закир Гасанов заявил, что армия продолжит учения в приграничных районах.")
    assert quotes(doc) == [("Закир Гасанов", "indirect", "армия продолжит учения в приграничных районах")]


def test_according_to(extract):
    doc = extract("По словам Сергея Лаврова, Москва не получала предложений о новом раунде консультаций.")
    assert quotes(doc) == [("Сергей Лавров", "indirect", "Москва не получала предложений о новом раунде консультаций")]


def test_short_quoted_words_are_names_not_speech(extract):
    doc = extract("Компания «Азерэнержи» подписала контракт, сообщил министр энергетики Парвиз Шахбазов.")
    assert [q for q in doc.quotes if q["kind"] == "direct"] == []


def test_quote_offsets_slice_the_text(extract):
    doc = extract("«Санкции не сработали», — сказал президент Венгрии Тамаш Шуйок журналистам в Будапеште.")
    for quote in doc.quotes:
        assert doc.text[quote["start"] : quote["end"]] == quote["text"]
