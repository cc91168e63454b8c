"""Roles and actors: posts before, after and in predicates, their countries and sectors."""

from __future__ import annotations

import pytest


def roles(doc):
    names = {e.id: e.name for e in doc.entities}
    return [(names[r["person"]], r["position"], names.get(r["of"]), r["country"]) for r in doc.roles]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Президент Казахстана Касым-Жомарт Токаев принял делегацию.", ("Касым-Жомарт Токаев", "президент", "Казахстан", "KAZ")),
        ("Сергей Лавров, министр иностранных дел России, прибыл в Анкару.", ("Сергей Лавров", "министр иностранных дел", "Россия", "RUS")),
        ("Иван Петров назначен послом России в Грузии.", ("Иван Петров", "посол", "Россия", "RUS")),
        ("Анна Смирнова стала премьер-министром Латвии.", ("Анна Смирнова", "премьер-министр", "Латвия", "LVA")),
        ("Госминистр иностранных дел Франции Жан Дюпон прибыл в Ереван.", ("Жан Дюпон", "государственный министр иностранных дел", "Франция", "FRA")),
        ("Пресс-секретарь президента России Дмитрий Песков ответил журналистам.", ("Дмитрий Песков", "пресс-секретарь президента", "Россия", "RUS")),
        ("Британский посол Найджел Кейси посетил Тбилиси.", ("Найджел Кейси", "посол", "Великобритания", "GBR")),
        ("Экс-премьер Грузии Ираклий Гарибашвили выступил с докладом.", ("Ираклий Гарибашвили", "экс-премьер", "Грузия", "GEO")),
    ],
)
def test_one_role(extract, text, expected):
    assert expected in roles(extract(text))


def test_rank_is_a_title_and_a_list_shares_its_country(extract):
    doc = extract(
        "Глава МИД Франции встретился с президентом Армении Ваагном Хачатуряном, министром обороны "
        "генерал-лейтенантом Суреном Папикяном и министром территориального управления Давидом Худатяном."
    )
    found = roles(doc)
    assert ("Сурен Папикян", "министр обороны", "Армения", "ARM") in found
    assert ("Давид Худатян", "министр территориального управления", "Армения", "ARM") in found
    papikyan = next(e for e in doc.entities if e.name == "Сурен Папикян")
    assert papikyan.titles == ["генерал-лейтенант"]
    assert papikyan.actor == {"country": "ARM", "sectors": ["GOV", "MIL"], "code": "ARMGOVMIL"}
    assert not any(r["position"].startswith("генерал") for r in doc.roles)
    assert next(r for r in doc.roles if r["position"] == "министр обороны").get("of_inferred") is True


def test_a_post_before_the_next_name_is_not_the_previous_persons(extract):
    doc = extract("Встреча прошла с президентом Армении Ваагном Хачатуряном, министром обороны Суреном Папикяном.")
    khachaturyan = [r for r in roles(doc) if r[0] == "Ваагн Хачатурян"]
    assert khachaturyan == [("Ваагн Хачатурян", "президент", "Армения", "ARM")]


def test_former_post_and_status(extract):
    doc = extract("Бывший президент США Барак Обама приобрел дом в Вашингтоне.")
    role = doc.roles[0]
    assert (role["position"], role["status"]) == ("президент", "бывший")


def test_stacked_descriptors_are_two_posts(extract):
    doc = extract("Глава миссии ОБСЕ испанский депутат Хосе Гарсия заявил о нарушениях.")
    positions = {(r["position"], r["of_name"]) for r in doc.roles}
    assert ("депутат", "Испания") in positions
    assert ("глава", "миссия ОБСЕ") in positions


def test_relative_clause_and_pronoun_subject(extract):
    doc = extract(
        "На встрече выступил Арам Саркисян, который является лидером партии «Республика». "
        "Позже он стал депутатом парламента Армении."
    )
    positions = {r["position"] for r in doc.roles}
    assert {"лидер", "депутат парламента"} <= positions or {"лидер", "депутат"} <= positions


def test_organisation_actors(extract):
    doc = extract("Министерство обороны Азербайджана и ОБСЕ выступили с заявлениями. Об этом сообщило агентство Report.")
    actors = {e.name: e.actor["code"] for e in doc.entities if e.type == "ORGANIZATION"}
    assert actors["Министерство обороны Азербайджана"] == "AZEGOVMIL"
    assert actors["Организация по безопасности и сотрудничеству в Европе"] == "IGO"


def test_post_of_an_organisation_takes_its_sector(extract):
    doc = extract("Председатель партии «Единая Россия» Дмитрий Медведев выступил на съезде.")
    medvedev = next(e for e in doc.entities if e.type == "PERSON")
    assert medvedev.actor["country"] == "RUS" and "PTY" in medvedev.actor["sectors"]


def test_posts_without_a_holder(extract):
    doc = extract("Министр обороны Армении заявил о готовности к переговорам.")
    post = doc.posts[0]
    assert (post["position"], post["country"], post["sectors"]) == ("министр обороны", "ARM", ["GOV", "MIL"])
    assert doc.roles == []


def test_a_lawyer_of_someone_named_in_the_genitive_is_not_him(extract):
    doc = extract("Суд арестовал Павла Лебедева. Адвокат Лебедева заявил, что его подзащитный невиновен.")
    assert not [r for r in roles(doc) if r[0] == "Павел Лебедев"]


def test_a_post_in_the_genitive_before_a_name_in_another_case_is_not_the_names(extract):
    doc = extract("Премьер Никол Пашинян встретился с вдовой журналиста Анной Саргсян.")
    assert not [r for r in roles(doc) if r[0] == "Анна Саргсян"]
