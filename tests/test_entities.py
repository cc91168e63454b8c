"""Entities end to end on short news texts written for these tests."""

from __future__ import annotations

from conftest import names

VISIT = (
    "Министр иностранных дел Франции господин Жан Дюпон в рамках визита в Ереван провел переговоры. "
    "Как сообщает агентство Арменпресс, Дюпон встретился с премьер-министром Армении Николом Пашиняном "
    "и министром обороны генерал-лейтенантом Суреном Папикяном. "
    "Господин Дюпон также посетил Учебный центр миротворческой бригады Вооруженных сил Армении, "
    "где французские и греческие инструкторы провели занятия. "
    "В Организации по безопасности и сотрудничеству в Европе (ОБСЕ) приветствовали визит. "
    "Стороны обсудили ситуацию на Южном Кавказе. Ранее Франция и Армения подписали соглашение в Париже."
)


def test_visit_entities(extract):
    doc = extract(VISIT, doc_date="2025-05-20")
    assert names(doc, "PERSON") == ["Жан Дюпон", "Никол Пашинян", "Сурен Папикян"]
    assert "Учебный центр миротворческой бригады Вооруженных сил Армении" in names(doc, "ORGANIZATION")
    assert {"FRA", "ARM", "GRC"} <= {e.country for e in doc.entities if e.type == "COUNTRY"}
    assert {"Ереван", "Париж"} <= set(names(doc, "CITY"))
    assert "Южный Кавказ" in names(doc, "LOCATION")


def test_one_entity_for_every_mention_of_a_person(extract):
    doc = extract(VISIT)
    dupont = next(e for e in doc.entities if e.name == "Жан Дюпон")
    assert [m.text for m in dupont.mentions] == ["Жан Дюпон", "Дюпон", "Дюпон"]
    assert dupont.titles == ["господин"]
    assert dupont.country == "FRA"


def test_abbreviation_joins_its_expansion(extract):
    doc = extract(VISIT)
    osce = [e for e in doc.entities if e.type == "ORGANIZATION" and "ОБСЕ" in [m.text for m in e.mentions]]
    assert len(osce) == 1
    assert osce[0].name == "Организация по безопасности и сотрудничеству в Европе"


def test_country_adjectives_are_country_mentions(extract):
    doc = extract(VISIT)
    greece = next(e for e in doc.entities if e.type == "COUNTRY" and e.country == "GRC")
    assert [(m.text, m.kind) for m in greece.mentions] == [("греческие", "adjective")]
    france = next(e for e in doc.entities if e.type == "COUNTRY" and e.country == "FRA")
    assert {m.kind for m in france.mentions} == {"name", "adjective"}


def test_cities_have_coordinates_and_countries(extract):
    doc = extract(VISIT)
    cities = {e.name: e for e in doc.entities if e.type == "CITY"}
    assert cities["Ереван"].country == "ARM"
    assert abs(cities["Ереван"].geo["lat"] - 40.18) < 0.1 and abs(cities["Ереван"].geo["lon"] - 44.51) < 0.1
    assert cities["Париж"].country == "FRA"


def test_london_is_the_british_capital(extract):
    doc = extract("Соглашение подписано в Лондоне.")
    london = next(e for e in doc.entities if e.type == "CITY")
    assert london.name == "Лондон" and london.country == "GBR" and london.geo["lat"] > 51


def test_region_knows_its_member_states(extract):
    doc = extract("Посол заявил, что Южный Кавказ нуждается в мире.")
    region = next(e for e in doc.entities if e.type == "LOCATION")
    assert region.name == "Южный Кавказ" and set(region.members) == {"AZE", "ARM", "GEO"}


def test_hyphenated_pair_of_countries_is_two_mentions(extract):
    doc = extract("Началось заседание межправительственной комиссии Россия-Китай.")
    assert {"Россия", "Китай"} <= set(names(doc, "COUNTRY"))


def test_organisation_in_location_clothing_becomes_organisation(extract):
    doc = extract("Решение ЕС вызвало споры. В Евросоюзе его поддержали не все.")
    eu = [e for e in doc.entities if e.name == "Европейский союз"]
    assert len(eu) == 1 and eu[0].type == "ORGANIZATION" and len(eu[0].mentions) == 2


def test_common_noun_abbreviation_is_not_an_entity(extract):
    doc = extract("Об этом сообщили СМИ. Рост ВВП замедлился.")
    assert not [e for e in doc.entities if e.name in ("СМИ", "ВВП")]


def test_empty_and_punctuation_only_texts(extract):
    assert extract("...").entities == []
    assert extract("   ").entities == []


def test_organisation_named_by_type_and_place(extract):
    doc = extract("Правительство Армении одобрило новый бюджет. Об этом сообщили в мэрии Баку.")
    orgs = {e.name: e for e in doc.entities if e.type == "ORGANIZATION"}
    assert orgs["Правительство Армении"].country == "ARM"
    assert orgs["мэрия Баку"].country == "AZE"
    assert "Армения" in names(doc, "COUNTRY")  # the country is still mentioned


def test_body_of_a_country_described_by_its_adjective(extract):
    doc = extract("Латвийская полиция задержала контрабандистов. В казахстанском министерстве энергетики это опровергли.")
    police = next(e for e in doc.entities if e.type == "ORGANIZATION" and "полиция" in e.name)
    assert police.country == "LVA" and police.mentions[0].kind == "descriptor"
    ministry = next(e for e in doc.entities if e.type == "ORGANIZATION" and "министерство" in e.name)
    assert ministry.name == "казахстанское министерство энергетики" and ministry.mentions[0].kind == "name"


def test_name_in_latin_script_in_brackets_is_the_same_person(extract):
    doc = extract("Директор фонда Марта Кессель (Martha Kessel) представила доклад.")
    simon = [e for e in doc.entities if e.type == "PERSON"]
    assert len(simon) == 1 and simon[0].name == "Марта Кессель"
    assert [m.kind for m in simon[0].mentions] == ["name", "alias"]


def test_sentence_opening_ordinary_word_is_not_a_person(extract):
    doc = extract("Уставший от ожидания депутат покинул зал заседаний.")
    assert names(doc, "PERSON") == []


def test_surname_opening_a_sentence_stays_a_person(extract):
    doc = extract("Политолог Дмитрий Орлов выступил в Ереване. Орлов напомнил о выборах.")
    shumov = next(e for e in doc.entities if e.type == "PERSON")
    assert shumov.name == "Дмитрий Орлов" and len(shumov.mentions) == 2


def test_person_read_where_an_organisation_was_tagged(extract):
    doc = extract("Президент Сирии Ахмед аш-Шараа прибыл в Москву. В среду аш-Шараа проведет переговоры.")
    sharaa = next(e for e in doc.entities if e.name == "Ахмед аш-Шараа")
    assert len(sharaa.mentions) == 2 and not [e for e in doc.entities if e.type == "ORGANIZATION"]


def test_descriptor_country_passes_over_a_place_of_something(extract):
    doc = extract("Посол США в Армении Кристина Квин заявила о поддержке реформ.")
    quinn = next(e for e in doc.entities if e.type == "PERSON")
    assert quinn.country == "USA"


def test_no_two_mentions_of_an_entity_share_text(extract):
    doc = extract(
        "Директор Федеральной службы безопасности (ФСБ) выступил. ФСБ сообщила о задержании. "
        "Генсек Организации Объединенных Наций прибыл в Баку."
    )
    for entity in doc.entities:
        spans = [(m.start, m.end) for m in entity.mentions]
        assert len(spans) == len(set(spans)), entity
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), entity  # none inside another
    fsb = next(e for e in doc.entities if e.name == "Федеральная служба безопасности")
    assert [m.text for m in fsb.mentions] == ["Федеральной службы безопасности", "ФСБ", "ФСБ"]


def test_abbreviation_joins_a_name_not_in_the_lexicon(extract):
    doc = extract("Совет молодых предпринимателей (СМП) провел съезд. В СМП заявили о новых планах.")
    council = [e for e in doc.entities if e.type == "ORGANIZATION"]
    assert len(council) == 1 and len(council[0].mentions) == 3


def test_short_and_full_names_of_a_ministry_are_one_organisation(extract):
    doc = extract("Министерство иностранных дел Казахстана выступило с заявлением. МИД Казахстана заявил протест.")
    ministry = [e for e in doc.entities if e.type == "ORGANIZATION"]
    assert len(ministry) == 1 and ministry[0].name == "Министерство иностранных дел Казахстана"
    assert ministry[0].country == "KAZ"


def test_complement_is_another_body(extract):
    doc = extract("Представитель Совета ЕС заявил о санкциях. Об этом сообщила пресс-служба Кремля.")
    orgs = names(doc, "ORGANIZATION")
    assert "Совет Европейского союза" in orgs and "пресс-служба Кремля" in orgs


def test_acronym_after_a_place_is_not_its_alias(extract):
    doc = extract("Мандат миссии ЕС в Армении (EUMA) продлен.")
    armenia = next(e for e in doc.entities if e.type == "COUNTRY")
    assert [m.text for m in armenia.mentions] == ["Армении"]


def test_a_body_named_without_its_country_joins_the_one_named_with_it(extract):
    doc = extract("Конституционный суд Молдавии отстранил президента. Позже Конституционный суд повторил решение. Верховный суд Румынии и Верховный суд Венгрии молчат, а Верховный суд заседает.")
    courts = {e.name: e for e in doc.entities if e.type == "ORGANIZATION"}
    assert "Конституционный суд" in courts["Конституционный суд Молдавии"].aliases
    assert "Конституционный суд" not in courts
    assert "Верховный суд" in courts  # two countries' supreme courts: the bare name stays apart


def test_a_headline_without_a_full_stop_lends_no_country_to_the_next_line(extract):
    doc = extract("Путин созвонился с новым главой Кубы\nВладимир Путин и Мигель Диас-Канель обсудили поставки нефти.")
    putin = next(e for e in doc.entities if e.name == "Владимир Путин")
    assert putin.country != "CUB"


def test_a_state_body_named_by_a_country_adjective_gets_the_countrys_name(extract):
    doc = extract("Британская полиция задержала двух активистов. Японский МИД осудил КНДР. "
                  "По данным издания, украинский парламент принял закон. Об этом пишет Российская газета.", "2025-03-10")
    names = {e.name: e for e in doc.entities if e.type == "ORGANIZATION"}
    assert {"полиция Великобритании", "МИД Японии", "парламент Украины"} <= set(names)
    assert names["полиция Великобритании"].aliases == ["Британская полиция"]
    assert "Российская газета" in names  # a proper name stays


def test_a_word_that_only_describes_a_name_is_not_part_of_it(extract):
    doc = extract(
        "Регулятор оштрафовал компанию Telegram. Позже Telegram заплатил штраф. Акционеры ОАО «Южный порт» собрались в Батуми. "
        "Активисты движения «За чистый город» и депутаты партии «Новые правые» пришли к мэрии. Клиенты банка «Грузия» недовольны.",
        doc_date="2025-05-20",
    )
    orgs = names(doc, "ORGANIZATION")
    assert {"Telegram", "Южный порт", "Новые правые"} <= set(orgs)
    assert orgs.count("Telegram") == 1  # `компанию Telegram` and `Telegram` are one entity
    assert "движение «За чистый город»" in orgs  # a movement's word is part of its name
    assert "банк «Грузия»" in orgs  # the name alone would be a country's
    doc = extract("Акционеры компании «Батуми» собрались. Партия «Шор» провела митинг. Илан Шор обвинил власти Молдовы.", doc_date="2025-05-20")
    assert {"компания «Батуми»", "Партия «Шор»"} <= set(names(doc, "ORGANIZATION"))  # a city's or a person's name alone


def test_a_body_of_a_town_takes_the_towns_name_after_the_type_word(extract):
    doc = extract("Прокуратура Ленинского района города Уфа возбудила дело. Итальянская прокуратура города Турин обвинила его. "
                  "Полиция города Батуми задержала активиста.", doc_date="2025-05-20")
    orgs = names(doc, "ORGANIZATION")
    assert "Полиция города Батуми" in orgs
    assert "Прокуратура Ленинского района города Уфа" in orgs
    assert "Итальянская прокуратура города Турин" in orgs
