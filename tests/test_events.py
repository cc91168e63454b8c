"""Events: predicates in the parse, their actors, coordination, status, negation, dates, merging."""

from __future__ import annotations

import pytest

from letopis import cameo


def events(doc) -> list[tuple]:
    """(cameo, PLOVER type, sources, targets) with actor names, in text order."""
    names = {e.id: e.name for e in doc.entities}
    return [(e["cameo"], e["plover"], [names[a] for a in e["source"]], [names[a] for a in e["target"]]) for e in doc.events]


def find(doc, code: str) -> list[dict]:
    return [e for e in doc.events if e["cameo"] == code]


def test_a_meeting_with_three_officials_is_three_meetings(extract):
    doc = extract(
        "Министр иностранных дел Армении Арарат Мирзоян встретился в Тбилиси с премьер-министром Грузии "
        "Ираклием Кобахидзе, председателем парламента Шалвой Папуашвили и министром обороны Ираклием Чиковани.",
        "2025-05-10",
    )
    meetings = find(doc, "040")
    assert [e[3] for e in events(doc) if e[0] == "040"] == [["Ираклий Кобахидзе"], ["Шалва Папуашвили"], ["Ираклий Чиковани"]]
    names = {e.id: e.name for e in doc.entities}
    for meeting in meetings:
        assert [names[a] for a in meeting["source"]] == ["Арарат Мирзоян"]
        assert meeting["plover"] == "CONSULT" and meeting["status"] == "actual" and not meeting["negated"]
        assert names[meeting["location"]] == "Тбилиси" and meeting["date"] == "2025-05-10"


def test_a_visit_told_twice_is_one_event_with_both_evidence_spans(extract):
    doc = extract(
        "Президент Турции Реджеп Тайип Эрдоган посетил Баку.\n\n"
        "В ходе визита в Азербайджан Эрдоган провел переговоры с президентом Ильхамом Алиевым.",
        "2025-05-10",
    )
    visits = find(doc, "042")
    assert len(visits) == 1
    assert len(visits[0]["mentions"]) == 2
    assert ("042", "CONSULT", ["Реджеп Тайип Эрдоган"], ["Азербайджан"]) in events(doc)
    assert ("046", "CONSULT", ["Реджеп Тайип Эрдоган"], ["Ильхам Алиев"]) in events(doc)


def test_evidence_slices_to_the_sentence(extract):
    doc = extract("Вчера было тепло. Президент Франции Эммануэль Макрон посетил Кишинев. Потом пошел дождь.", "2025-05-10")
    (visit,) = find(doc, "042")
    evidence = visit["evidence"]
    assert doc.text[evidence["start"] : evidence["end"]] == "Президент Франции Эммануэль Макрон посетил Кишинев."
    assert visit["trigger"]["text"] == "посетил"


def test_coding_carries_plover_goldstein_and_quad_class(extract):
    doc = extract("Франция выслала двух дипломатов России.", "2025-05-10")
    (expulsion,) = find(doc, "161")
    code = cameo.lookup("161")
    assert expulsion["plover"] == code.plover == "SANCTION"
    assert expulsion["goldstein"] == code.goldstein and expulsion["quad_class"] == 4
    assert ("161", "SANCTION", ["Франция"], ["Россия"]) in events(doc)


def test_negated_act(extract):
    doc = extract("Армения и Азербайджан не подписали мирный договор.", "2025-05-10")
    (treaty,) = find(doc, "057")
    assert treaty["negated"] is True
    assert events(doc) == [("057", "SUPPORT", ["Армения"], ["Азербайджан"])]


def test_an_intention_is_coded_as_intent_and_intended(extract):
    doc = extract("Казахстан намерен подписать соглашение с Узбекистаном.", "2025-05-10")
    (intent,) = doc.events
    assert intent["cameo"] == "032" and intent["plover"] == "AGREE" and intent["status"] == "intended"
    assert events(doc) == [("032", "AGREE", ["Казахстан"], ["Узбекистан"])]


def test_a_future_act_is_intended_with_its_own_code_and_date(extract):
    doc = extract("Министр иностранных дел Индии Субраманьям Джайшанкар посетит Ереван в июне.", "2025-05-10")
    (visit,) = find(doc, "042")
    assert visit["status"] == "intended"
    assert visit["date"] == "2025-06" and visit["date_precision"] == "month"


def test_the_date_of_the_clause_over_the_article_date(extract):
    doc = extract("В марте Франция выслала двух дипломатов России.", "2025-12-04")
    (expulsion,) = find(doc, "161")
    assert expulsion["date"] == "2025-03"


def test_each_other_goes_both_ways(extract):
    doc = extract("Израиль и Иран обвиняют друг друга в эскалации конфликта.", "2025-05-10")
    found = events(doc)
    assert ("112", "ACCUSE", ["Израиль"], ["Иран"]) in found
    assert ("112", "ACCUSE", ["Иран"], ["Израиль"]) in found


def test_sources_acting_apart_are_separate_events(extract):
    doc = extract("Франция и Германия осудили Россию.", "2025-05-10")
    assert sorted(events(doc)) == [("111", "ACCUSE", ["Германия"], ["Россия"]), ("111", "ACCUSE", ["Франция"], ["Россия"])]


def test_a_participle_describing_the_predicate_noun_names_the_targets(extract):
    doc = extract("Франция сняла эмбарго на экспорт оружия, введённое против Армении и Азербайджана.", "2025-05-10")
    found = events(doc)
    assert ("085", "RETREAT", ["Франция"], ["Армения"]) in found
    assert ("085", "RETREAT", ["Франция"], ["Азербайджан"]) in found


def test_we_in_a_quote_is_its_speaker(extract):
    doc = extract("«Мы провели переговоры с президентом Франции», — сказал премьер-министр Армении Никол Пашинян.", "2025-05-10")
    talks = [e for e in events(doc) if e[0] == "046"]
    assert talks and talks[0][2] == ["Никол Пашинян"]


def test_a_rally_without_named_organisers_is_held_by_its_participants(extract):
    doc = extract("В Тбилиси прошел митинг против закона об иностранных агентах.", "2025-05-10")
    assert [(e[1], e[2]) for e in events(doc)] == [("PROTEST", ["участники митинга"])]


def test_the_subject_that_undergoes_the_act(extract):
    doc = extract("Бывший министр обороны Сергей Иванов лишился своего поста.", "2025-05-10")
    assert events(doc) == [("172", "COERCE", [], ["Сергей Иванов"])]


def test_no_event_without_a_political_actor(extract):
    doc = extract("В городе прошел сильный дождь, а вечером открылась выставка картин.", "2025-05-10")
    assert doc.events == []


def test_meetings_with_the_press_are_not_diplomacy(extract):
    doc = extract("Президент Финляндии Александр Стубб встретился с журналистами.", "2025-05-10")
    assert find(doc, "040") == []


@pytest.mark.parametrize("code", ["042", "040", "0311", "057", "085", "111", "173", "190"])
def test_cameo_table_codes_have_types_weights_and_quads(code):
    entry = cameo.lookup(code)
    assert entry is not None and entry.plover and entry.quad_class in (1, 2, 3, 4)
    assert -10.0 <= entry.goldstein <= 10.0


def test_a_refusal_to_act_is_a_rejection_of_it(extract):
    doc = extract("Иран отказался подписать соглашение с Францией.", "2025-05-10")
    assert events(doc) == [("120", "REJECT", ["Иран"], ["Франция"])]
    assert doc.events[0]["status"] == "actual"


def test_telling_of_force_used_by_another_accuses_them(extract):
    doc = extract("Оппозиционер Андрей Петров заявил, что полиция избила его во время задержания.", "2025-05-10")
    found = events(doc)
    assert ("182", "ASSAULT", ["полиция"], ["Андрей Петров"]) in found
    assert ("112", "ACCUSE", ["Андрей Петров"], ["полиция"]) in found


def test_people_of_a_country_are_a_group_of_that_country(extract):
    doc = extract("В Иерусалиме были убиты трое палестинцев.", "2025-05-10")
    assert events(doc) == [("1823", "ASSAULT", [], ["палестинцы"])]
    group = next(e for e in doc.entities if e.name == "палестинцы")
    assert group.type == "GROUP" and group.actor["country"] == "PSE"


def test_attacks_from_the_side_of_someone(extract):
    doc = extract("Войска НАТО не раз подвергались нападению со стороны боевиков.", "2025-05-10")
    assert events(doc) == [("190", "ASSAULT", ["боевики"], ["Организация Североатлантического договора"])]


def test_a_negated_intention_is_a_refusal(extract):
    doc = extract("Оппозиция не намерена вести переговоры с правительством Армении.", "2025-05-10")
    assert [(e["cameo"], e["plover"], e["negated"]) for e in doc.events] == [("125", "REJECT", False)]


def test_readiness_confirmed_by_a_minister(extract):
    doc = extract("Глава МИД России Сергей Лавров вновь подтвердил готовность Москвы вести диалог с Японией.", "2025-05-10")
    (intent,) = doc.events
    assert (intent["cameo"], intent["status"]) == ("036", "intended")
    assert events(doc) == [("036", "AGREE", ["Сергей Лавров"], ["Япония"])]


def test_verbal_acts_of_things_and_participation_are_no_events(extract):
    doc = extract("Компании грозит штраф. Шесть кандидатов примут участие в выборах мэра Тбилиси.", "2025-05-10")
    assert doc.events == []


def test_nationality_before_a_name_is_not_part_of_it(extract):
    doc = extract("Израильтянка Наама Иссахар была помилована президентом России Владимиром Путиным.", "2025-05-10")
    assert "Наама Иссахар" in [e.name for e in doc.entities if e.type == "PERSON"]


def test_a_truce_concluded_by_two_parties(extract):
    doc = extract("Власти Нигера и представители повстанческих отрядов заключили перемирие.", "2025-05-10")
    (truce,) = events(doc)
    assert truce[:3] == ("0871", "RETREAT", ["Нигер"]) and truce[3] and "отряды" in truce[3][0]


def test_a_protest_action_against_someone_needs_no_named_target(extract):
    doc = extract(
        "Оппозиция провела акцию протеста против президента Николаса Мадуро.\n\n"
        "Сторонники Навального провели акцию протеста у здания суда.\n\n"
        "Студенты провели акцию протеста.",
        "2024-03-05",
    )
    protests = [e for e in events(doc) if e[1] == "PROTEST"]
    assert ("141", "PROTEST", ["оппозиция"], ["Николас Мадуро"]) in protests
    assert any(e[2] == ["сторонники Навального"] for e in protests)  # a proper name keeps its capital
    assert any(e[3] == [] for e in protests)


def test_an_unknown_first_name_takes_its_nominative_from_the_text(extract):
    doc = extract("Суд помиловал Нааму Иссахар. Наама Иссахар вернулась в Израиль. Адвокаты Нааму Иссахар благодарны.", "2024-03-05")
    assert [e.name for e in doc.entities if e.type == "PERSON"] == ["Наама Иссахар"]


def test_a_bare_post_in_a_headline_is_its_one_holder_named_later(extract):
    doc = extract("Экс-президента приговорили к пяти годам заключения.\n\nБывший президент Молдавии Влад Дорин руководил страной до 2020 года.", "2024-03-05")
    assert any(e[1] == "ACCUSE" and e[3] == ["Влад Дорин"] for e in events(doc))


def test_aid_received_from_someone_is_given_by_them(extract):
    doc = extract("Весной Греция получила помощь от Международного валютного фонда. Лавров позже поговорил с Бруно Родригесом.", "2024-03-05")
    assert ("070", "AID", ["Международный валютный фонд"], ["Греция"]) in events(doc)
    assert ("040", "CONSULT", ["Лавров"], ["Бруно Родригес"]) in events(doc)


def test_a_sentence_without_a_doer_continues_the_one_before(extract):
    doc = extract(
        "Суд Ленинского района приговорил Ивана Петрова к пяти годам. "
        "Обвинительные приговоры вынесены также другим фигурантам дела: Илье Смирнову и Федору Мирзоянову.",
        "2024-03-05",
    )
    sentenced = [e for e in events(doc) if e[0] == "116"]
    assert [e[3] for e in sentenced] == [["Иван Петров"], ["Илья Смирнов"], ["Федор Мирзоянов"]]  # the list after the colon
    assert all(e[2] == ["Суд Ленинского района"] for e in sentenced)


def test_his_supporters_are_named_by_him(extract):
    doc = extract("Ивана Петрова и его сторонников власти обвиняют в шпионаже в пользу Катара.", "2024-03-05")
    targets = [e[3] for e in events(doc) if e[1] == "ACCUSE"]
    assert ["сторонники Ивана Петрова"] in targets


def test_people_named_by_a_plural_noun_are_a_group_and_a_crushed_protest_its_participants(extract):
    doc = extract("Президент Ильхам Алиев отправил в отставку трёх генералов полиции. Солдаты подавили забастовку шахтёров. Тысячи людей вышли на митинг.", "2024-03-05")
    found = events(doc)
    assert ("172", "COERCE", ["Ильхам Алиев"], ["генералы полиции"]) in found
    assert ("175", "ASSAULT", ["вооружённые силы"], ["шахтёры"]) in found  # repression is ASSAULT in PLOVER; the strikers are the miners
    assert not any("люди" in name for e in found for name in e[2] + e[3])  # people as such are no actor


def test_refusing_to_resume_talks_and_announcing_a_freeze(extract):
    doc = extract("Палестинцы отказались от возобновления переговоров с Израилем. Вскоре палестинский лидер Махмуд Аббас объявил и о заморозке отношений с израильской стороной.", "2024-03-05")
    found = events(doc)
    assert ("125", "REJECT", ["палестинцы"], ["Израиль"]) in [(c, t, [s.lower() for s in a], b) for c, t, a, b in found]
    assert not any(e[0].startswith("04") for e in found)  # the refused talks are no talks
    assert ("161", "SANCTION", ["Махмуд Аббас"], ["Израиль"]) in found


def test_a_subject_cut_off_by_the_parser_and_a_group_of_soldiers(extract):
    doc = extract("Грузинские военные, как сообщается, ещё ранней весной вытеснили боевиков из пограничных сёл. "
                  "Президента Ивана Петрова атаковала группа солдат.", "2024-03-05")
    found = events(doc)
    assert ("190", "ASSAULT", ["вооружённые силы Грузии"], ["боевики"]) in found
    assert any(e[1] == "ASSAULT" and e[2] == ["солдаты"] and e[3] == ["Иван Петров"] for e in found)


def test_a_body_named_by_its_kind_alone_is_the_one_named_before(extract):
    doc = extract("Министерство иностранных дел России выступило с заявлением. Ведомство призвало Кишинев к диалогу.", "2024-03-05")
    assert ("026", "REQUEST", ["Министерство иностранных дел России"], ["Молдавия"]) in events(doc)  # the capital stands for its country


def test_a_journalists_journey_is_no_visit(extract):
    doc = extract("Журналистка Дарья Асламова приехала в Молдавию. Президент Франции Эммануэль Макрон прибыл в Молдавию.", "2024-03-05")
    visits = [e for e in events(doc) if e[0] == "042"]
    assert visits == [("042", "CONSULT", ["Эммануэль Макрон"], ["Молдавия"])]


def test_brussels_in_a_story_about_the_eu_is_the_eu(extract):
    doc = extract("Верховный представитель Европейского союза Кая Каллас посетила Ереван. "
                  "Каллас заявила, что Брюссель готов выделить Еревану дополнительные 30 миллионов евро.", "2025-10-02")
    assert ("0331", "AGREE", ["Европейский союз"], ["Армения"]) in events(doc)


def test_a_reflexive_passive_and_a_foreign_name_after_a_passive_verb(extract):
    doc = extract("Из-под домашнего ареста наконец выпущена Тин Мар Аунг. США обвиняются в применении пыток. "
                  "Бывший министр Боливии застрелился при аресте. Министр пытался смягчить кризис.", "2024-03-05")
    found = events(doc)
    assert ("0841", "RETREAT", [], ["Тин Мар Аунг"]) in found  # released, not released by her
    assert ("112", "ACCUSE", [], ["США"]) in found
    assert not any(e[1] == "ASSAULT" for e in found)  # shooting oneself, trying: no attack


def test_people_counted_at_a_protest_are_its_participants_and_a_confirmed_arrest_is_the_confirmers(extract):
    doc = extract(
        "В центре Еревана прошла акция протеста против повышения цен. Полицейские задержали более 50 человек. "
        "Ещё 30 человек задержаны полицией. В больнице умерли 2 человека. Власти Грузии подтвердили арест гражданина Армении.",
        "2025-03-10",
    )
    found = events(doc)
    assert found.count(("173", "COERCE", ["полиция"], ["протестующие"])) == 2  # `полицейские` are the police
    assert ("173", "COERCE", ["Грузия"], ["гражданин Армении"]) in found
    assert not [e for e in found if e[0] != "173" and e[1] != "PROTEST"]  # those who died are no crowd acted on


def test_people_counted_without_a_protest_or_named_among_them_are_not_a_crowd(extract):
    doc = extract(
        "В рамках расследования полиция задержала трёх человек, среди них и бывшего прокурора Гиви Абашидзе. "
        "Журналисты сообщили об аресте гражданина Армении.",
        "2025-03-10",
    )
    found = events(doc)
    assert ("173", "COERCE", ["полиция"], ["Гиви Абашидзе"]) in found
    assert all(e[2] != ["журналисты"] for e in found)  # reporting an arrest is not making it


def test_members_and_leaders_of_a_body_stand_for_the_body(extract):
    doc = extract("Сотрудники службы безопасности Армении задержали двух блогеров. Лидеры ПАСЕ осудили Грузию.", "2025-03-10")
    found = events(doc)
    assert ("173", "COERCE", ["служба безопасности Армении"], ["блогеры"]) in found
    assert ("111", "ACCUSE", ["Парламентская ассамблея Совета Европы"], ["Грузия"]) in found


def test_a_protest_recalled_in_a_circumstance_is_not_an_event_again(extract):
    doc = extract(
        "В Тбилиси прошла акция протеста против закона об иностранных агентах. "
        "После массовых протестов правительство Грузии подало в отставку. В ходе демонстраций были ранены 10 человек.",
        "2025-03-10",
    )
    protests = [e for e in events(doc) if e[1] == "PROTEST"]
    assert len(protests) == 1


def test_an_arrest_in_a_country_without_its_agent_is_by_that_state(extract):
    doc = extract("В Казахстане арестована группа чиновников. Журналист был задержан в Баку. В Тбилиси в шествии участвовали 5 тысяч человек. "
                  "В Белоруссии выпущен из тюрьмы оппозиционер Иван Петров.", "2025-03-10")
    found = events(doc)
    assert ("0841", "RETREAT", ["Белоруссия"], ["Иван Петров"]) in found
    assert ("173", "COERCE", ["Казахстан"], ["чиновники"]) in found
    assert ("173", "COERCE", ["Азербайджан"], ["журналист"]) in found
    assert [e[1] for e in found].count("PROTEST") == 1  # taking part in a march is the news, not a recollection


def test_a_protest_of_named_people_is_theirs(extract):
    doc = extract("Третью неделю в Тбилиси идут акции протеста сторонников оппозиции. В Ереване прошел митинг фермеров.", "2025-03-10")
    assert [(e[0], e[2]) for e in events(doc)] == [("141", ["сторонники оппозиции"]), ("141", ["фермеры"])]


def test_a_journey_without_a_traveller_is_no_visit_but_a_second_visit_keeps_the_first_ones(extract):
    doc = extract("Министр иностранных дел Армении Арарат Мирзоян посетил Баку. Затем посетил Тбилиси. "
                  "В 1850 году его предок отправился в Америку.", "2025-03-10")
    visits = [e for e in events(doc) if e[0] == "042"]
    assert visits == [("042", "CONSULT", ["Арарат Мирзоян"], ["Азербайджан"]), ("042", "CONSULT", ["Арарат Мирзоян"], ["Грузия"])]


def test_a_company_called_by_an_epithet_is_the_company_named_before(extract):
    doc = extract("Газпром снизил поставки газа в Молдавию. Газовый монополист предупредил Кишинев о возможном прекращении поставок. "
                  "Компания Илона Маска подписала контракт с Пентагоном.", "2025-03-10")
    found = events(doc)
    assert ("130", "THREATEN", ["Газпром"], ["Молдавия"]) in found
    assert all(e[2] != ["Газпром"] for e in found if e[0] == "057")  # a company with its owner named is another one


def test_an_arrest_without_its_doer_in_the_headline_is_the_arrest_the_body_tells(extract):
    doc = extract(
        "Оппозиционер Павел Лебедев задержан\n\nПолиция Грузии задержала Павла Лебедева во вторник в Тбилиси.",
        "2024-03-05",
    )
    arrests = find(doc, "173")
    assert len(arrests) == 1 and len(arrests[0]["mentions"]) == 2
    assert events(doc)[0][2:] == (["Полиция Грузии"], ["Павел Лебедев"])


def test_accusations_of_the_same_people_by_different_accusers_stay_apart(extract):
    doc = extract(
        "Правозащитники обвинили власти Армении в давлении на прессу. Доклад вышел в марте. "
        "Его авторы побывали в Ереване и Гюмри. Кроме того, власти Армении обвиняются в пытках задержанных.",
        "2024-03-05",
    )
    assert len([e for e in events(doc) if e[1] == "ACCUSE"]) == 2


def test_a_description_in_the_headline_is_the_one_person_the_body_names(extract):
    doc = extract(
        "Суд Грузии приговорил российского журналиста к трем годам\n\n"
        "Тбилисский городской суд назначил Андрею Волкову три года колонии. "
        "Прокурор Нино Кварацхелия требовала пяти лет.",
        "2024-03-05",
    )
    headline = [e for e in doc.events if e["evidence"]["start"] == 0]
    names = {e.id: e.name for e in doc.entities}
    assert [names[a] for e in headline for a in e["target"]] == ["Андрей Волков"]


def test_people_listed_after_a_colon_with_asides_each_come_under_investigation(extract):
    doc = extract(
        "В Грузии под расследование попали три бывших министра: Иван Петров (2004—2008 годы), "
        "Павел Лебедев (2008—2012 годы) и Анна Смирнова (2012—2013 годы).",
        "2024-03-05",
    )
    assert [e[3] for e in events(doc) if e[0] == "091"] == [["Иван Петров"], ["Павел Лебедев"], ["Анна Смирнова"]]


def test_among_the_detained_names_who_was_detained(extract):
    doc = extract("Полиция разогнала митинг в Батуми. Среди задержанных оказался депутат городского совета Гиви Абашидзе.", "2024-03-05")
    assert any(e[0] == "173" and e[3] == ["Гиви Абашидзе"] for e in events(doc))


def test_an_act_demanded_or_appealed_for_is_a_demand_or_an_appeal_to_who_must_do_it(extract):
    doc = extract(
        "Франция потребовала от России освободить Ивана Петрова. "
        "Посол ЕС Анна Мюллер призвала власти Грузии отменить чрезвычайное положение.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("1053", "REQUEST", ["Франция"], ["Россия"]) in found
    assert ("0251", "REQUEST", ["Анна Мюллер"], ["Грузия"]) in found
    assert not [e for e in found if e[1] in ("AGREE", "RETREAT")]  # not Франция's promise to release


def test_a_hostile_act_threatened_or_promised_is_a_threat(extract):
    doc = extract(
        "Президент США пригрозил ввести санкции против Ирана. Иран пригрозил нанести удар по Израилю. "
        "Глава компании Иван Петров пообещал ограничить поставки газа в Молдавию.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("1312", "THREATEN", ["президент США"], ["Иран"]) in found
    assert ("1384", "THREATEN", ["Иран"], ["Израиль"]) in found
    assert ("1312", "THREATEN", ["Иван Петров"], ["Молдавия"]) in found
    assert not [e for e in found if e[1] != "THREATEN"]


def test_a_side_named_by_a_country_is_that_country(extract):
    doc = extract(
        "Японская сторона осудила визит Медведева на Курилы. "
        "С российской стороны была подтверждена готовность помогать Кубе.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("111", "ACCUSE", ["Япония"], ["Медведев"]) in found
    assert ("033", "AGREE", ["Россия"], ["Куба"]) in found


def test_a_warning_of_a_danger_shares_information_and_a_warning_of_ones_own_act_threatens(extract):
    doc = extract(
        "Власти Турции предупредили Бельгию о рисках, которые несёт приезд Ивана Петрова. "
        "Газпром предупредил Молдавию о возможном ограничении поставок газа. "
        "Ереван и Москва согласовали позиции перед саммитом.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("064", "COOPERATE", ["Турция"], ["Бельгия"]) in found
    assert ("130", "THREATEN", ["Газпром"], ["Молдавия"]) in found
    assert ("030", "AGREE", ["Армения"], ["Россия"]) in found


def test_members_of_a_states_forces_named_with_their_country_are_its_force(extract):
    doc = extract(
        "Французские и малийские военные вытеснили боевиков из Кидаля. "
        "Молдавские пограничники задержали журналистку Дарью Петрову.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("190", "ASSAULT", ["вооружённые силы Франции"], ["боевики"]) in found
    assert ("190", "ASSAULT", ["вооружённые силы Мали"], ["боевики"]) in found
    assert ("173", "COERCE", ["пограничная служба Молдавии"], ["Дарья Петрова"]) in found
    border = next(e for e in doc.entities if e.name == "пограничная служба Молдавии")
    assert border.actor["code"] == "MDACOP" and "молдавские пограничники" in border.aliases


def test_a_target_under_v_otnoshenii_is_the_target(extract):
    doc = extract("ЕС ввел санкции в отношении России. Следователи возбудили уголовное дело в отношении Ивана Петрова.", "2024-03-05")
    found = events(doc)
    assert ("163", "COERCE", ["Европейский союз"], ["Россия"]) in found
    assert ("091", "ACCUSE", ["следователи"], ["Иван Петров"]) in found


def test_a_bare_description_in_a_story_of_one_person_is_that_person(extract):
    doc = extract(
        "Правозащитница Нино Бурджанадзе вышла на свободу. Активистка была задержана полицией в марте. "
        "Её партия победила на выборах.",
        "2024-03-05",
    )
    assert any(e[0] == "173" and e[3] == ["Нино Бурджанадзе"] for e in events(doc))


def test_a_bare_office_is_not_the_one_person_named_before(extract):
    doc = extract("Депутат Иван Петров прибыл в Ереван. Вечером с ним встретился министр.", "2024-03-05")
    assert ("040", "CONSULT", ["министр"], ["Иван Петров"]) in events(doc)  # `с ним` hung on `Вечером` by the parser


def test_a_body_said_to_be_in_a_country_is_that_countrys(extract):
    doc = extract("Суд в Италии вынес приговор журналисту Ивану Петрову.", "2024-03-05")
    assert ("116", "ACCUSE", ["суд Италии"], ["Иван Петров"]) in events(doc)
    court = next(e for e in doc.entities if e.name == "суд Италии")
    assert court.country == "ITA"


def test_the_organisers_of_a_protest_hold_it(extract):
    doc = extract(
        "В субботу у мэрии Кутаиси прошла акция протеста против застройки парка. "
        "Организаторами акции выступили движение «Зелёная альтернатива» и Союз жильцов Кутаиси.\n\n"
        "Вечером в Батуми состоялся митинг. Организатором митинга стала партия «Гирчи».",
        "2024-03-05",
    )
    protests = [e for e in events(doc) if e[1] == "PROTEST"]
    assert [e[2] for e in protests] == [["движение «Зелёная альтернатива»"], ["Союз жильцов Кутаиси"], ["Гирчи"]]  # a party is named by its name


def test_bare_members_of_a_force_are_the_force_named_before(extract):
    doc = extract("Полиция Тбилиси оцепила площадь. Полицейские задержали Гиви Абашидзе.\n\nСолдаты задержали Ивана Петрова.", "2024-03-05")
    found = events(doc)
    assert ("173", "COERCE", ["Полиция Тбилиси"], ["Гиви Абашидзе"]) in found
    assert ("173", "COERCE", ["вооружённые силы"], ["Иван Петров"]) in found


def test_posts_places_laws_trust_and_matches_are_no_occupations_hostings_bombings_or_meetings(extract):
    doc = extract(
        "Третье место заняла Анна Смирнова. Пока не ясно, кто займет пост Ивана Петрова. "
        "Законопроекты депутата Ивана Петрова приняты Госдумой. Доверие инвесторов было подорвано кризисом. "
        "Президент Армении принял отставку министра Ивана Петрова. "
        "Команда Канады встретилась со сборной Финляндии.",
        "2024-03-05",
    )
    assert doc.events == []


def test_a_loan_is_aid_and_a_kidnapping_confirmed_by_an_embassy_is_not_the_embassys(extract):
    doc = extract("Россия выдала Украине кредит. Посольство Франции подтвердило факт похищения двух французов.", "2024-03-05")
    found = events(doc)
    assert ("071", "AID", ["Россия"], ["Украина"]) in found
    assert not [e for e in found if "Посольство Франции" in e[2]]


def test_the_negation_of_a_main_clause_is_not_its_subordinate_clauses(extract):
    doc = extract("Исход голосования не вызывал сомнений, поскольку Ивана Петрова поддерживала коалиция партий.", "2024-03-05")
    (support,) = doc.events
    assert support["cameo"] == "051" and not support["negated"]


def test_accidents_laws_admissions_and_recalled_protests_are_no_events(extract):
    doc = extract(
        "В Кутаиси мужчину убило током. Несмотря на протесты, законопроект был принят парламентом. "
        "В 1990 году Ивана Петрова приняли в Союз писателей.",
        "2024-03-05",
    )
    assert doc.events == []


def test_a_blockade_by_a_states_forces_is_coercion_by_protesters_a_protest(extract):
    doc = extract("Израильская армия блокировала палестинские территории. Активисты блокировали здание мэрии Тбилиси.", "2024-03-05")
    found = events(doc)
    assert ("191", "COERCE", ["армия Израиля"], ["Палестина"]) in found
    assert any(e[0] == "144" and e[2] == ["активисты"] for e in found)


def test_imperatives_and_acts_on_oneself_are_no_events(extract):
    doc = extract("Режиссёр известен фильмом «Поговори с ней». Давайте встретимся с президентом.", "2024-03-05")
    assert doc.events == []


def test_shares_are_no_protest_and_a_bare_action_after_a_protest_is_that_protest(extract):
    doc = extract(
        "Фонд приобрёл крупный пакет акций банка.\n\n"
        "В Батуми прошла акция протеста против вырубки парка. Полиция задержала на акции 12 человек.",
        "2024-03-05",
    )
    assert not [e for e in doc.events if e["evidence"]["start"] < doc.text.index("\n")]  # the purchase of shares
    arrest = next(e for e in events(doc) if e[0] == "173")
    assert arrest[2] == ["полиция"] and arrest[3][0].startswith("участники акци")  # the protest's participants


def test_an_act_someone_must_do_is_not_done_and_not_ruling_out_is_no_expulsion(extract):
    doc = extract("Министр обороны Японии должен прибыть в Москву на этой неделе. Депутат Иван Петров не исключил отставки мэра.", "2024-03-05")
    (visit,) = doc.events
    assert visit["cameo"] == "042" and visit["status"] == "intended"


def test_asking_someone_to_act_is_an_appeal_to_them_and_no_one_accuses_themselves(extract):
    doc = extract(
        "Прокурор Нино Гелашвили попросила Тбилисский городской суд приговорить Ивана Петрова к девяти годам. "
        "Сначала полиция сообщала, что Петров задержан, однако позже выяснилось, что его застрелила полиция.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("020", "REQUEST", ["Нино Гелашвили"], ["Тбилисский городской суд"]) in found
    assert not [e for e in found if e[1] == "ACCUSE"]  # neither a sentence by the prosecutor nor the police accusing itself


def test_a_visit_judged_by_someone_is_not_their_visit(extract):
    doc = extract("Премьер Японии Наото Кан осудил визит президента России Дмитрия Медведева на Курилы.", "2024-03-05")
    found = events(doc)
    assert ("111", "ACCUSE", ["Наото Кан"], ["Дмитрий Медведев"]) in found
    assert not [e for e in found if e[0] == "042" and e[2] == ["Наото Кан"]]


def test_a_relative_clause_takes_the_date_of_its_sentence_and_a_name_its_feminine_word(extract):
    doc = extract("23 января Владимир Путин встретился с Яффой Иссахар, которая попросила его о помиловании дочери.", "2020-02-01")
    request = next(e for e in doc.events if e["cameo"] == "020")
    assert request["date"] == "2020-01-23"
    names = {e.id: e.name for e in doc.entities}
    assert [names[a] for a in request["source"]] == ["Яффа Иссахар"] and [names[a] for a in request["target"]] == ["Владимир Путин"]


def test_an_award_in_the_instrumental_is_no_giver(extract):
    doc = extract("Указом президента награждён «Орденом почёта» глава банка Иван Петров.", "2024-03-05")
    assert not [e for e in events(doc) if any("Орден" in a for a in e[2])]


def test_releasing_things_and_owing_money_are_no_release_and_no_demand(extract):
    doc = extract(
        "Портал объединил телешоу, которые выпускают BBC и Channel 4. Армия освободила город от боевиков. "
        "«Это Газпром должен Белоруссии 200 млн долларов», — сказал министр Иван Петров. "
        "Власти выпустили из тюрьмы оппозиционера Гиви Абашидзе.",
        "2024-03-05",
    )
    assert [e[:2] for e in events(doc)] == [("0841", "RETREAT")]


def test_demands_and_threats_keep_their_own_tense_negation_and_addressee(extract):
    doc = extract(
        "ЕС не потребовал от Москвы освободить Ивана Петрова. Франция потребует от России освободить Анну Смирнову. "
        "Турция не пригрозила ввести санкции против Грузии. Россия выпустила ракеты по Киеву.",
        "2025-06-10",
    )
    found = [(e["cameo"], e["status"], e["negated"]) for e in doc.events]
    assert ("1053", "actual", True) in found  # not a refusal to release
    assert ("1053", "intended", False) in found
    assert ("1312", "actual", True) in found
    assert ("195", "actual", False) in found  # missiles launched are no release
    assert ("1053", "REQUEST", ["Европейский союз"], ["Россия"]) in events(doc)  # Москва asked stands for Россия


def test_an_act_that_draws_criticism_is_accused_by_whoever_says_so(extract):
    doc = extract(
        "Президент Армении посетил Анкару. Глава МИД Азербайджана заявил, что этот визит вызывает сожаление. "
        "Действия полиции вызвали осуждение правозащитников. Задержание журналиста вызвало возмущение.",
        "2024-03-05",
    )
    found = [e for e in events(doc) if e[1] == "ACCUSE"]
    assert ("111", "ACCUSE", ["глава МИД Азербайджана"], ["президент Армении"]) in found
    assert ("111", "ACCUSE", ["правозащитники"], ["полиция"]) in found
    assert len(found) == 2  # the one arrested is not accused


def test_unnamed_doers_in_a_reported_clause_are_not_the_speaker(extract):
    doc = extract(
        "Великобритания заявила, что журналиста отравили нервно-паралитическим веществом. "
        "Премьер Армении заявил, что обсудил с Эрдоганом открытие границы.",
        "2024-03-05",
    )
    found = events(doc)
    assert not [e for e in found if e[2] == ["Великобритания"]]
    assert ("040", "CONSULT", ["премьер-министр Армении"], ["Эрдоган"]) in found


def test_the_head_of_a_countrys_body_is_not_its_head_of_state(extract):
    doc = extract("Президент России Дмитрий Медведев прибыл в Токио. Глава МИД РФ подтвердил готовность вести диалог с Японией.", "2024-03-05")
    assert not [e for e in events(doc) if e[1] == "AGREE" and e[2] == ["Дмитрий Медведев"]]


def test_seizing_people_is_an_abduction_and_seizing_land_an_occupation(extract):
    doc = extract(
        "Боевики захватили в Сирии двух журналистов из Японии. Повстанцы захватили город Гао на севере Мали. "
        "Парламент Киргизии утвердил чрезвычайное положение. Боевики захватили в плен трёх украинских военнослужащих.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("181", "ASSAULT", ["боевики"], ["вооружённые силы Украины"]) in found  # soldiers taken prisoner
    assert ("181", "ASSAULT", ["боевики"], ["журналисты"]) in found
    assert ("192", "COERCE", ["повстанцы"], ["Мали"]) in found
    assert ("1724", "COERCE", ["Парламент Киргизии"], []) in found


def test_not_letting_someone_in_is_a_ban_on_entry(extract):
    doc = extract(
        "Власти Латвии не впустили в страну оппозиционера Андрея Смирнова. Мы не пустим врага на нашу землю.",
        "2024-03-05",
    )
    bans = find(doc, "172")
    assert [(e[2], e[3]) for e in events(doc) if e[0] == "172"] == [(["Латвия"], ["Андрей Смирнов"])]
    assert bans[0]["status"] == "actual" and not bans[0]["negated"]


def test_a_partner_hung_on_the_intention_belongs_to_the_act(extract):
    doc = extract("Политолог Петров сказал, что с ним оппозиционеры не готовы вести диалог. Президент готов встретиться с Алиевым.", "2024-03-05")
    found = events(doc)
    assert ("125", "REJECT", ["оппозиционеры"], ["Петров"]) in found  # the parser hangs `с ним` on `готовы`
    assert ("036", "AGREE", ["президент"], ["Алиев"]) in found  # `готов` is no word of the post


def test_a_former_holder_named_by_the_post_is_not_the_one_in_office(extract):
    doc = extract(
        "Отставной министр обороны Молдовы Андрей Лунгу дал показания в суде. "
        "Министр обороны Румынии Ион Попеску прибыл в Кишинёв. Вчера экс-министра арестовали.",
        "2024-03-05",
    )
    assert [e[3] for e in events(doc) if e[0] == "173"] == [["Андрей Лунгу"]]


def test_what_might_happen_under_a_condition_is_not_an_event(extract):
    doc = extract(
        "По закону, если парламент дважды отклонит кандидатуру премьера, то президент распускает парламент. "
        "Если Армения подпишет соглашение с ЕС, Россия введёт пошлины против Армении. "
        "Глава «Газпрома» пригрозил сократить поставки газа в Молдавию, если Кишинёв не погасит долг.",
        "2024-03-05",
    )
    assert [e[:2] for e in events(doc)] == [("1312", "THREATEN")]  # the threat is made; its condition is not an act


def test_a_condition_in_the_past_or_the_infinitive_frames_what_did_happen(extract):
    doc = extract(
        "Если раньше Баку поддерживал Ереван, то теперь Азербайджан ввёл пошлины против Армении. "
        "Если верить СМИ, то полиция задержала журналиста Ивана Петрова. "
        "Если бы Турция ввела санкции против Грузии, Тбилиси ответил бы.",
        "2024-03-05",
    )
    codes = [e[0] for e in events(doc)]
    assert "163" in codes and "173" in codes  # a contrast and a hedge: both acts happened
    assert not [e for e in events(doc) if e[2] == ["Турция"]]  # `если бы`: it did not
    doc = extract(
        "Если кандидатуру одобрит парламент, его сменит министр Анна Смирнова, которая объявила о намерении посетить Баку. "
        "Депутаты пообещали заблокировать реформу, если президент внесёт её в парламент.",
        "2024-03-05",
    )
    found = events(doc)
    assert [e for e in found if e[0].startswith("03") and e[2] == ["Анна Смирнова"]]  # a relative clause is told as a fact
    assert [e for e in found if e[2] == ["депутаты"]]  # a promise made on a condition is made

def test_an_act_told_without_its_doer_is_done_by_the_body_it_is_done_in(extract):
    doc = extract(
        "В Следственном комитете Армении возбуждено уголовное дело. В полиции Грузии задержали оппозиционера Ивана Петрова. "
        "Роскомнадзор составил протокол в отношении компании Meta.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("091", "ACCUSE", ["Следственный комитет Армении"], []) in found
    assert ("173", "COERCE", ["полиция Грузии"], ["Иван Петров"]) in found
    assert [e[:2] for e in found if e[2] and e[2][0].startswith("Федеральная служба по надзору")] == [("1121", "ACCUSE")]


def test_an_embassy_or_a_ministry_where_someone_is_arrested_does_not_arrest(extract):
    doc = extract("Журналиста Ивана Петрова задержали в посольстве США. В Министерстве обороны задержали замминистра Тимура Иванова.", "2024-03-05")
    assert [e[2] for e in events(doc) if e[0] == "173"] == [[], []]


def test_a_conjunct_verb_shares_the_object_and_not_admitting_into_a_country_is_a_ban(extract):
    doc = extract(
        "Журналистка Анна Смирнова прилетела в Ереван. Армянские пограничники её задержали и не допустили на территорию Армении. "
        "ЦИК не допустил оппозиционера Ивана Петрова к выборам.",
        "2024-03-05",
    )
    found = events(doc)
    assert ("173", "COERCE", ["пограничная служба Армении"], ["Анна Смирнова"]) in found
    assert ("172", "COERCE", ["пограничная служба Армении"], ["Анна Смирнова"]) in found
    assert not [e for e in found if e[3] == ["Иван Петров"] and e[0] == "172"]  # kept off an election is no ban on entry


def test_no_occupation_of_people_no_ban_without_a_country_and_animals_are_no_group(extract):
    doc = extract(
        "Министр сейчас занят подготовкой саммита. Его туда не пустили, пообещав другой пост. "
        "Спасённых черепах передадут в центр и затем отпустят. Организация считает его героем, а прокурор признал, что улик нет.",
        "2024-03-05",
    )
    assert events(doc) == []


def test_calling_someone_a_dictator_is_criticism_in_either_aspect(extract):
    doc = extract("Оппозиция называет президента Ивана Петрова диктатором. Министр назвал своего коллегу Олега Сидорова лжецом. "
                  "Следствие назвало убийцу журналиста Анны Смирновой.", "2024-03-05")
    found = events(doc)
    assert not [e for e in found if e[3] == ["Анна Смирнова"]]  # naming the killer is no criticism of the victim
    assert ("111", "ACCUSE", ["оппозиция"], ["Иван Петров"]) in found
    assert ("111", "ACCUSE", ["министр"], ["Олег Сидоров"]) in found


def test_whoever_calls_people_to_a_rally_holds_it(extract):
    doc = extract("Лидер оппозиции Давид Беридзе осудил выборы и призвал своих сторонников собраться на митинг в Кутаиси. "
                  "Премьер Грузии призвал оппозицию отказаться от митинга.", "2024-03-05")
    holders = [e[2] for e in events(doc) if e[1] == "PROTEST"]
    assert holders[0] == ["Давид Беридзе"] and ["премьер-министр Грузии"] not in holders  # calling it off holds nothing


def test_commemorations_and_the_grounds_of_a_charge_are_no_protests_and_a_crowd_holds_its_own(extract):
    doc = extract(
        "В Батуми прошли акции памяти погибших моряков. По подозрению в участии в массовых беспорядках задержаны пять человек. "
        "Сотни людей вышли на акцию протеста в Кутаиси. Партия провела акцию памяти жертв войны. "
        "В Тбилиси прошла акция протеста в память о жертвах разгона.",
        "2024-03-05",
    )
    protests = [e for e in events(doc) if e[1] == "PROTEST"]
    assert protests == [("141", "PROTEST", ["участники акции"], [])] * 2  # a protest in memory of someone is one


def test_a_former_post_is_the_one_who_left_office_or_the_one_named_before_who_may_have(extract):
    doc = extract(
        "Президент уволил министра обороны Ивана Петрова. Вчера экс-министра арестовали. "
        "Экс-президент Грузии Михаил Саакашвили прибыл в Киев. Президент Грузии Саломе Зурабишвили находится в Брюсселе. "
        "Бывший президент обвинил власти Грузии в коррупции.",
        "2024-03-05",
    )
    found = events(doc)
    assert [e[3] for e in found if e[0] == "173"] == [["Иван Петров"]]  # dismissed, then arrested
    assert [e[2] for e in found if e[1] == "ACCUSE"] == [["Михаил Саакашвили"]]  # not the president in office


def test_goods_kept_out_inspectors_refused_and_not_only_are_no_ban_on_entry(extract):
    doc = extract(
        "Москва не пустила в страну грузинское вино. Журналиста Ивана Петрова не только пустили в страну, но и наградили. "
        "Иран не допустил инспекторов МАГАТЭ на территорию страны. Россия не только осудила Грузию, но и отозвала посла.",
        "2024-03-05",
    )
    found = [(e["cameo"], e["negated"]) for e in doc.events]
    assert not [c for c, _ in found if c == "172"]
    assert ("0862", True) in found and ("111", False) in found  # `не только` negates nothing


def test_a_plain_post_in_a_story_of_the_past_may_be_one_who_has_left_it_since(extract):
    doc = extract(
        "Бывший секретарь Совета безопасности Олег Рыбаков долго противостоял президенту. "
        "В 2008 году секретарь Совбеза лишился своего поста.",
        "2024-03-05",
    )
    assert [e[3] for e in events(doc) if e[0] == "172"] == [["Олег Рыбаков"]]


def test_a_hostile_act_said_to_follow_from_a_condition_is_the_speakers_threat(extract):
    doc = extract(
        "Министр иностранных дел России заявил, что если Молдавия вступит в ЕС, то Россия введёт пошлины против Молдавии. "
        "«Если Грузия нападёт на Южную Осетию, мы нанесём удар по Тбилиси», — заявил министр обороны России.",
        "2024-03-05",
    )
    threats = [e for e in doc.events if e["plover"] == "THREATEN"]
    assert [e[:4] for e in events(doc)] == [
        ("1312", "THREATEN", ["министр иностранных дел России"], ["Молдавия"]),
        ("1384", "THREATEN", ["министр обороны России"], ["Грузия"]),
    ]
    assert all(e["status"] == "actual" and e["date"] == "2024-03-05" for e in threats)  # the threat is made when said


def test_blocking_a_decision_or_a_nomination_is_a_veto(extract):
    doc = extract("Венгрия заблокировала решение ЕС о санкциях. Турция блокирует вступление Швеции в НАТО.", "2024-03-05")
    found = events(doc)
    assert ("129", "REJECT", ["Венгрия"], ["Европейский союз"]) in found
    assert ("129", "REJECT", ["Турция"], ["Швеция"]) in found


def test_protesters_tagged_as_a_participle_block_a_road_and_a_regulator_blocking_a_medium_censors(extract):
    doc = extract("Протестующие заблокировали трассу Тбилиси — Батуми. Полиция задержала протестующих. "
                  "Роскомнадзор заблокировал Telegram.", "2024-03-05")
    found = events(doc)
    assert ("144", "PROTEST", ["протестующие"], []) in found
    assert ("173", "COERCE", ["полиция"], ["протестующие"]) in found
    assert [e[:2] for e in found if e[3] == ["Telegram"]] == [("1721", "COERCE")]


def test_a_protest_called_off_is_no_protest_and_no_rejection(extract):
    doc = extract("Оппозиция отказалась от акции протеста в центре Тбилиси. Армения отказалась от переговоров с Азербайджаном.", "2024-03-05")
    assert [e[:4] for e in events(doc)] == [("125", "REJECT", ["Армения"], ["Азербайджан"])]


# one sentence, one event it must give: (text, article date, (cameo, PLOVER type, sources, targets))
ONE_EVENT = [
    pytest.param("Оппозиционер Иван Петров был задержан полицией.", "2025-05-10",
                 ("173", "COERCE", ["полиция"], ["Иван Петров"]), id="passive_with_agent_and_a_body_named_by_its_type"),
    pytest.param("Власти Грузии арестовали лидера оппозиционной партии Ираклия Окруашвили.", "2025-05-10",
                 ("173", "COERCE", ["Грузия"], ["Ираклий Окруашвили"]), id="state_authorities_stand_for_their_country"),
    pytest.param("Министр иностранных дел Венгрии Петер Сийярто назвал решение Еврокомиссии ошибкой.", "2025-05-10",
                 ("111", "ACCUSE", ["Петер Сийярто"], ["Европейская комиссия"]), id="calling_an_act_names_is_criticism_of_whoever_did_it"),
    pytest.param("Госсекретарь США Марко Рубио заявил, что Венесуэла должна освободить всех политических заключенных.", "2025-05-10",
                 ("1053", "REQUEST", ["Марко Рубио"], ["Венесуэла"]), id="saying_that_someone_must_act_is_a_demand"),
    pytest.param("Армения и Франция подписывают соглашение о военном сотрудничестве.", "2025-05-10",
                 ("057", "SUPPORT", ["Армения"], ["Франция"]), id="imperfective_light_verbs"),
    pytest.param("Анкара потребовала, чтобы Вашингтон выдал ей проповедника Фетхуллу Гюлена.", "2025-05-10",
                 ("100", "REQUEST", ["Турция"], ["США"]), id="demand_that_someone_act"),
    pytest.param("Президент Кубы Мигель Диас-Канель прибыл в Москву. Владимир Путин провел переговоры с главой Кубы.", "2025-05-10",
                 ("046", "CONSULT", ["Владимир Путин"], ["Мигель Диас-Канель"]), id="the_head_of_a_country_is_its_leader_named_elsewhere"),
    pytest.param("Весной министр Андрей Санников покинул пост в знак протеста против политики президента Александра Лукашенко.", "2024-03-05",
                 ("140", "PROTEST", ["Андрей Санников"], ["Александр Лукашенко"]), id="a_protest_shown_by_resigning_is_the_resigner"),
    pytest.param("Французский суд приговорил грузинского бизнесмена к 12 годам тюрьмы.", "2024-03-05",
                 ("116", "ACCUSE", ["суд Франции"], ["грузинский бизнесмен"]), id="a_sentence_is_not_part_of_the_post"),
    pytest.param("Следственный комитет Грузии возбудил уголовное дело о подкупе избирателей.", "2024-03-05",
                 ("091", "ACCUSE", ["Следственный комитет Грузии"], []), id="a_criminal_case_opened_is_an_investigation_even_with_no_suspect_named"),
    pytest.param("К мэрии пришли участники пикета, и полиция начала их задерживать.", "2024-03-05",
                 ("173", "COERCE", ["полиция"], ["участники пикета"]), id="they_stand_for_the_people_named_by_a_plural_noun_before"),
    pytest.param("Полиция Грузии применила силу для разгона манифестантов у парламента.", "2024-03-05",
                 ("175", "ASSAULT", ["Полиция Грузии"], ["манифестанты"]), id="who_acts_for_an_act_does_it"),
    pytest.param("МИД Турции во вторник вызвал временного поверенного в делах Австрии.", "2024-03-05",
                 ("114", "ACCUSE", ["Министерство иностранных дел Турции"], ["Австрия"]), id="a_summoned_charge_daffaires_is_their_countrys"),
    pytest.param("Президент Ильхам Алиев освободил от должности главы Госнефти Рустама Керимова.", "2024-03-05",
                 ("172", "COERCE", ["Ильхам Алиев"], ["Рустам Керимов"]), id="an_object_hung_on_the_noun_of_a_light_verb_is_the_object"),
    pytest.param("Премьер Никол Пашинян встретился с вдовой журналиста Анной Саргсян.", "2024-03-05",
                 ("040", "CONSULT", ["Никол Пашинян"], ["Анна Саргсян"]), id="a_name_in_the_nouns_case_below_its_genitive_is_the_nouns"),
]


@pytest.mark.parametrize(("text", "date", "expected"), ONE_EVENT)
def test_a_sentence_gives_its_event(extract, text, date, expected):
    assert expected in events(extract(text, date))
