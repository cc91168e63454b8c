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


def _events(doc):
    names = {e.id: e.name for e in doc.entities}
    countries = {e.id: e.country for e in doc.entities}
    return [
        {**e, "sources": [names[a] for a in e["source"]], "targets": [names[a] for a in e["target"]],
         "source_countries": [countries[a] for a in e["source"]], "target_countries": [countries[a] for a in e["target"]]}
        for e in doc.events
    ]


def test_the_visit_to_baku(dated_seed):
    visits = [e for e in _events(dated_seed) if e["cameo"] == "042"]
    assert len(visits) == 1  # the opening sentence and `совершил визит в Азербайджан` are one visit
    visit = visits[0]
    assert visit["plover"] == "CONSULT" and visit["mode"] == "visit"
    assert visit["sources"] == ["Вернон Коакер"] and visit["target_countries"] == ["AZE"]
    assert visit["date"] == "2025-12-04" and len(visit["mentions"]) >= 2
    names = {e.id: e.name for e in dated_seed.entities}
    assert names[visit["location"]] == "Баку"


def test_three_meetings(dated_seed):
    meetings = [e for e in _events(dated_seed) if e["plover"] == "CONSULT" and e["cameo"] == "040"]
    assert sorted(t for e in meetings for t in e["targets"]) == ["Вюгар Мустафаев", "Закир Гасанов", "Ильхам Алиев"]
    assert all(e["sources"] == ["Вернон Коакер"] for e in meetings)


def test_military_training_by_british_and_czech_instructors(dated_seed):
    training = [e for e in _events(dated_seed) if e["cameo"] == "062"]
    assert training and training[0]["plover"] == "COOPERATE"
    assert training[0]["source_countries"] == ["GBR"] and "чешские" in training[0]["sources"][0]


def test_attache_appointed_in_march(dated_seed):
    (attache,) = [e for e in _events(dated_seed) if e["date"] == "2025-03"]
    assert attache["source_countries"] == ["GBR"] and attache["target_countries"] == ["AZE"]


def test_embargo_lifted_for_both_countries(dated_seed):
    lifted = [e for e in _events(dated_seed) if e["cameo"] == "085"]
    assert {c for e in lifted for c in e["target_countries"]} == {"AZE", "ARM"}
    assert all(e["plover"] == "RETREAT" and e["source_countries"] == ["GBR"] and e["date"] == "2025-10" for e in lifted)


def test_programme_signed_in_london(dated_seed):
    (signed,) = [e for e in _events(dated_seed) if e["cameo"] == "057"]
    names = {e.id: e.name for e in dated_seed.entities}
    assert {*signed["source_countries"], *signed["target_countries"]} == {"GBR", "AZE"}
    assert signed["date"] == "2025-10" and names[signed["location"]] == "Лондон"


def test_intention_to_raise_relations(dated_seed):
    intents = [e for e in _events(dated_seed) if e["plover"] == "AGREE" and e["cameo"].startswith("03")]
    assert any(e["date"] == "2025-08" and e["status"] == "intended" and set(e["source_countries"] + e["target_countries"]) == {"GBR", "AZE"} for e in intents)


def test_evidence_slices_to_sentences(dated_seed):
    for event in dated_seed.events:
        for mention in event["mentions"]:
            assert dated_seed.text[mention["start"] : mention["end"]] == mention["text"]
        trigger = event["trigger"]
        assert event["evidence"]["start"] <= trigger["start"] < trigger["end"] <= event["evidence"]["end"]


def test_closing_statement_is_a_quote_by_coaker(dated_seed):
    names = {e.id: e.name for e in dated_seed.entities}
    quotes = [q for q in dated_seed.quotes if q["kind"] == "direct"]
    assert quotes and names[quotes[-1]["speaker"]] == "Вернон Коакер"
    assert dated_seed.text[quotes[-1]["start"] : quotes[-1]["end"]] == quotes[-1]["text"]


def test_the_seed_and_the_examples_stored_twice_answer_the_analysts_questions(seed, pipeline):
    from conftest import ROOT
    from letopis.store import Database, Ingest, queries

    examples = [d for d in read([str(ROOT / "examples")]) if hasattr(d, "text")]
    records = [d.to_record() for d in pipeline.process_batch([seed.__class__(text=seed.text, doc_id=seed.doc_id, doc_date=seed.doc_date, source=seed.source), *examples])]
    with Database(":memory:") as db:
        Ingest(db).add(records)
        counts = [db.scalar(f"SELECT count(*) FROM {t}") for t in ("documents", "actors", "events")]
        Ingest(db).add(records)  # the same documents again: nothing new
        assert [db.scalar(f"SELECT count(*) FROM {t}") for t in ("documents", "actors", "events")] == counts
        line = {r["period"]: r for r in queries.timeline(db, "GBR", "AZE", by="month").rows}
        assert set(line) == {"2025-03", "2025-08", "2025-10", "2025-12"}
        assert line["2025-10"]["material_cooperation"] == 1 and line["2025-10"]["verbal_cooperation"] == 1  # embargo lifted; programme signed
        assert line["2025-12"]["verbal_cooperation"] >= 4 and line["2025-12"]["material_conflict"] == 0  # the visit and three meetings
        profile = queries.actor_profile(db, "Закир Гасанов")
        assert [r["position"] for r in profile["roles"].rows] == ["министр обороны"]
        assert "Вернон Коакер" in [r["counterpart"] for r in profile["counterparts"].rows]
