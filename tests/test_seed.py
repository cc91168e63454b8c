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
