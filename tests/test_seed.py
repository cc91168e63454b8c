"""The article letopis was started from (read from ../shared, never copied into the repo)."""

from __future__ import annotations

import pytest

from conftest import names, shared_path
from letopis.readers import read


@pytest.fixture(scope="module")
def seed(pipeline):
    path = shared_path("seed", "000_f23d8bf6105c5564.txt")
    doc = next(iter(read([str(path)])))
    return pipeline.process_batch([doc])[0]


def test_persons_one_entity_each(seed):
    assert names(seed, "PERSON") == ["Вернон Коакер", "Вюгар Мустафаев", "Закир Гасанов", "Ильхам Алиев"]
    coaker = next(e for e in seed.entities if e.name == "Вернон Коакер")
    assert len(coaker.mentions) >= 4 and "лорд" in coaker.titles and coaker.country == "GBR"


def test_organisations_with_full_names(seed):
    orgs = names(seed, "ORGANIZATION")
    assert "Британская военная консультативная и тренировочная группа" in orgs
    assert "Центр обучения и образования Азербайджанской армии" in orgs
    assert "Организация по безопасности и сотрудничеству в Европе" in orgs
    assert "Минская группа ОБСЕ" in orgs


def test_countries_cities_and_region(seed):
    countries = {e.country for e in seed.entities if e.type == "COUNTRY"}
    assert {"GBR", "AZE", "ARM", "CZE"} <= countries
    cities = {e.name: e for e in seed.entities if e.type == "CITY"}
    assert {"Баку", "Лондон"} <= set(cities)
    assert cities["Баку"].geo and cities["Лондон"].geo and cities["Лондон"].country == "GBR"
    assert "Южный Кавказ" in names(seed, "LOCATION")


def test_every_mention_points_into_the_text(seed):
    for entity in seed.entities:
        for mention in entity.mentions:
            assert seed.text[mention.start : mention.end] == mention.text


@pytest.fixture(scope="module")
def dated_seed(seed):
    assert seed.doc_date == "2025-12-04"
    return seed


def test_roles_of_the_four_officials(dated_seed):
    names = {e.id: e.name for e in dated_seed.entities}
    roles = {names[r["person"]]: (r["position"], r["country"]) for r in dated_seed.roles}
    assert roles["Вернон Коакер"] == ("государственный министр обороны", "GBR")
    assert roles["Ильхам Алиев"] == ("президент", "AZE")
    assert roles["Закир Гасанов"] == ("министр обороны", "AZE")
    assert roles["Вюгар Мустафаев"] == ("министр оборонной промышленности", "AZE")
    assert "генерал-полковник" in next(e for e in dated_seed.entities if e.name == "Закир Гасанов").titles


def test_officials_are_coded_actors(dated_seed):
    codes = {e.name: e.actor["code"] for e in dated_seed.entities if e.type == "PERSON"}
    assert codes["Вернон Коакер"] == "GBRGOVMIL"
    assert codes["Закир Гасанов"] == "AZEGOVMIL" and codes["Вюгар Мустафаев"] == "AZEGOVMIL"
    assert codes["Ильхам Алиев"].startswith("AZEGOV")


def test_times_resolved_against_the_article_date(dated_seed):
    values = {t["text"].lower(): t["value"] for t in dated_seed.times}
    assert values["в марте"] == "2025-03"
    assert values["в октябре"] == "2025-10"
    assert values["в августе 2025 года"] == "2025-08"
    assert values["с 2022 года"] == "2022"


def test_cities_geocoded_to_their_countries(dated_seed):
    cities = {e.name: e.country for e in dated_seed.entities if e.type == "CITY"}
    assert cities["Баку"] == "AZE" and cities["Лондон"] == "GBR"
