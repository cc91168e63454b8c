"""The store: idempotent transactional ingest, actors and events across documents, near-duplicates,
curation, and the questions asked of it. Records are written here by hand, in the format of
`letopis extract`, so these tests run without the language models."""

from __future__ import annotations

import pytest

from letopis.store import Curation, Database, Ingest, StoreError
from letopis.store import queries


def person(eid, name, country, sectors=("GOV",), descriptor=False):
    kind = "descriptor" if descriptor else "name"
    return {"id": eid, "type": "PERSON", "name": name, "country": country, "mentions": [{"start": 0, "end": 5, "text": name, "kind": kind}],
            "actor": {"country": country, "sectors": list(sectors), "code": country + "".join(sectors)}}


def country(eid, name, iso):
    return {"id": eid, "type": "COUNTRY", "name": name, "country": iso, "mentions": [{"start": 0, "end": 3, "text": name, "kind": "name"}]}


def event(eid, cameo, plover, quad, goldstein, source, target, date, sentence="Предложение."):
    return {"id": eid, "cameo": cameo, "plover": plover, "quad_class": quad, "goldstein": goldstein, "mode": None, "source": source, "target": target,
            "date": date, "date_precision": "day" if date and len(date) == 10 else "month", "status": "actual", "negated": False, "location": None,
            "evidence": {"start": 0, "end": len(sentence), "text": sentence}, "mentions": [{"start": 0, "end": len(sentence), "text": sentence}],
            "trigger": {"start": 0, "end": 3, "text": "встр"}, "confidence": 0.9}


def record(doc_id, text, doc_date, entities, events=(), roles=(), quotes=(), source=None):
    return {"doc_id": doc_id, "text": text, "doc_date": doc_date, "source": source or f"agency-{doc_id}", "title": None, "language": "ru",
            "entities": list(entities), "events": list(events), "roles": list(roles), "quotes": list(quotes), "posts": [], "times": []}


def minister_role(person_id, country_id, iso):
    return {"person": person_id, "position": "министр обороны", "of": country_id, "of_name": "Азербайджан", "in": None, "status": None,
            "sectors": ["GOV", "MIL"], "start": 0, "end": 10, "country": iso}


TEXT_A = ("Министр обороны Азербайджана Закир Гасанов встретился с послом Великобритании в Баку. "
          "Стороны обсудили подготовку военных инструкторов, совместные учения и поставки учебного оборудования. "
          "По словам министра, сотрудничество двух стран в сфере обороны развивается последовательно и охватывает "
          "обучение офицеров, обмен опытом и участие в миротворческих операциях. Посол поблагодарил принимающую сторону "
          "за гостеприимство и пригласил делегацию министерства посетить Лондон в следующем году.")
TEXT_B = "Гасанов принял делегацию Великобритании и обсудил вопросы военного сотрудничества двух стран. " * 3


@pytest.fixture
def db():
    with Database(":memory:") as database:
        yield database


def meeting_docs():
    a = record("a", TEXT_A, "2025-12-04",
               [country("e1", "Азербайджан", "AZE"), person("e2", "Закир Гасанов", "AZE", ("GOV", "MIL")), person("e3", "Гарет Уорд", "GBR"), country("e4", "Великобритания", "GBR")],
               [event("v1", "040", "CONSULT", 1, 1.0, ["e2"], ["e3"], "2025-12-04", TEXT_A.split(". ")[0] + ".")], [minister_role("e2", "e1", "AZE")])
    b = record("b", TEXT_B, "2025-12-05",
               [person("e1", "Гасанов", "AZE"), person("e2", "Гарет Уорд", "GBR"), country("e3", "Великобритания", "GBR")],
               [event("v1", "040", "CONSULT", 1, 1.0, ["e1"], ["e2"], "2025-12-05")])
    return a, b


def count(db, table):
    return db.scalar(f"SELECT count(*) FROM {table}")


def test_a_new_store_is_at_the_latest_schema_version(db, tmp_path):
    from letopis.store.schema import SCHEMA_VERSION

    assert db.version() == SCHEMA_VERSION == 3
    path = tmp_path / "s.duckdb"
    Database(path).close()
    with Database(path) as again:  # opening again migrates nothing
        assert again.scalar("SELECT count(*) FROM schema_version") == SCHEMA_VERSION


def test_ingest_is_idempotent(db):
    a, b = meeting_docs()
    first = Ingest(db).add([a, b])
    assert (first.documents, first.events) == (2, 2)
    tables = {t: count(db, t) for t in ("documents", "actors", "events", "event_mentions", "entities")}
    again = Ingest(db).add([a, b])  # a fresh ingest object, as a rerun would make
    assert (again.documents, again.skipped) == (0, 2)
    assert {t: count(db, t) for t in tables} == tables


def test_the_same_actor_across_documents_and_a_lone_surname(db):
    Ingest(db).add(list(meeting_docs()))
    hasanov = db.con.execute("SELECT DISTINCT actor_id FROM entities WHERE name IN ('Закир Гасанов', 'Гасанов')").fetchall()
    assert len(hasanov) == 1
    assert count(db, "actors") == 4  # AZE, Гасанов, Уорд, GBR


def test_two_people_with_one_surname_keep_a_lone_surname_apart(db):
    a, _ = meeting_docs()
    other = record("c", "Эльдар Гасанов, посол Азербайджана, выступил с речью. " * 3, "2025-12-06", [person("e1", "Эльдар Гасанов", "AZE", ("DIP",))])
    lone = record("d", "Гасанов заявил журналистам, что переговоры продолжатся в январе. " * 3, "2025-12-07", [person("e1", "Гасанов", "AZE")])
    Ingest(db).add([a, other, lone])
    names = dict(db.con.execute("SELECT e.doc_id, a.name FROM entities e JOIN actors a USING (actor_id) WHERE e.type = 'PERSON' AND e.name LIKE '%Гасанов'").fetchall())
    assert names["a"] == "Закир Гасанов" and names["c"] == "Эльдар Гасанов" and names["d"] == "Гасанов"


def test_a_post_named_person_is_its_one_holder(db):
    a, _ = meeting_docs()
    post = record("p", "Министр обороны Азербайджана провел совещание с командирами частей. " * 3, "2026-02-01",
                  [person("e1", "министр обороны Азербайджана", "AZE", ("GOV", "MIL"), descriptor=True)])
    Ingest(db).add([a, post])
    actors = {name: actor for name, actor in db.con.execute("SELECT name, actor_id FROM entities").fetchall()}
    assert actors["министр обороны Азербайджана"] == actors["Закир Гасанов"]


def test_reports_of_one_event_are_one_event_with_its_counts(db):
    a, b = meeting_docs()
    later = record("l", "Закир Гасанов снова встретился с Гаретом Уордом в марте следующего года. " * 3, "2026-03-10",
                   [person("e1", "Закир Гасанов", "AZE"), person("e2", "Гарет Уорд", "GBR")],
                   [event("v1", "040", "CONSULT", 1, 1.0, ["e1"], ["e2"], "2026-03-10")])
    Ingest(db).add([a, b, later])
    rows = db.con.execute("SELECT date_text, num_mentions, num_articles, num_sources FROM events ORDER BY date").fetchall()
    assert rows == [("2025-12-04", 2, 2, 2), ("2026-03-10", 1, 1, 1)]  # a day apart: one event; months apart: two
    assert count(db, "event_mentions") == 3  # every evidence sentence is kept


def test_a_near_duplicate_is_linked_and_does_not_inflate_counts(db):
    a, _ = meeting_docs()
    copy = dict(a, doc_id="a2", text=a["text"].replace("в следующем году", "в будущем году"), source="other-agency")  # a light edit
    added = Ingest(db).add([a, copy])
    assert added.duplicates == 1
    assert db.scalar("SELECT duplicate_of FROM documents WHERE doc_id = 'a2'") == "a"
    assert db.con.execute("SELECT num_mentions, num_articles FROM events").fetchall() == [(1, 1)]
    assert count(db, "event_mentions") == 2  # the copy's evidence is kept, marked


def test_a_failed_batch_leaves_the_store_as_it_was(db, monkeypatch):
    a, b = meeting_docs()
    Ingest(db).add([a])
    before = {t: count(db, t) for t in ("documents", "actors", "events", "entities", "event_mentions")}
    ingest = Ingest(db)
    real = db.insert

    def failing(table, rows, columns):
        if table == "events":
            raise KeyboardInterrupt  # as if the user pressed Ctrl-C in the middle of the batch
        real(table, rows, columns)

    monkeypatch.setattr(db, "insert", failing)
    with pytest.raises(KeyboardInterrupt):
        ingest.add([b])
    monkeypatch.setattr(db, "insert", real)
    assert {t: count(db, t) for t in before} == before
    assert Ingest(db).add([b]).documents == 1  # the rerun stores it


def test_curation_renames_and_merges_at_ingest(db):
    a, _ = meeting_docs()
    variant = record("v", "Гасанов Закир Наджаф оглы провел встречу с военными атташе. " * 3, "2025-12-08", [person("e1", "Гасанов Закир Наджаф оглы", "AZE")])
    rules = Curation(renames={"гарет уорд": "Gareth Ward"}, merges=[["Закир Гасанов", "Гасанов Закир Наджаф оглы"]], aliases={"закир гасанов": ["Z. Hasanov"]})
    Ingest(db, rules).add([a, variant])
    names = {n for (n,) in db.con.execute("SELECT name FROM actors WHERE type = 'PERSON'").fetchall()}
    assert names == {"Закир Гасанов", "Gareth Ward"}
    assert queries.side(db, "Z. Hasanov").actors == queries.side(db, "Закир Гасанов").actors


def test_questions(db):
    a, b = meeting_docs()
    Ingest(db).add([a, b])
    found = queries.events(db, queries.EventFilter(dyad="AZE:GBR"))
    assert [(r["source"], r["target"], r["num_mentions"]) for r in found.rows] == [("Закир Гасанов", "Гарет Уорд", 2)]
    assert queries.events(db, queries.EventFilter(dyad="GBR:AZE")).rows == []  # a dyad is directed
    assert len(queries.events(db, queries.EventFilter(dyad="GBR:AZE", both_ways=True)).rows) == 1
    assert len(queries.events(db, queries.EventFilter(search="ПОСЛОМ")).rows) == 1
    line = queries.timeline(db, "GBR", "AZE", by="month").rows
    assert line == [{"period": "2025-12", "events": 1, "verbal_cooperation": 1, "material_cooperation": 0, "verbal_conflict": 0,
                     "material_conflict": 0, "goldstein_mean": 1.0, "goldstein_sum": 1.0}]
    profile = queries.actor_profile(db, "Закир Гасанов")
    assert profile["roles"].rows[0]["position"] == "министр обороны"
    assert profile["counterparts"].rows[0]["counterpart"] == "Гарет Уорд"
    assert queries.dyads(db).rows[0]["source"] == "AZE"
    assert queries.stats(db)["events"] == 1
    with pytest.raises(queries.QueryError, match="no actor named"):
        queries.events(db, queries.EventFilter(actor="Никто Никтович"))


def test_a_file_that_is_no_store_is_one_line(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("это не база данных\n", encoding="utf-8")
    with pytest.raises(StoreError) as error:
        Database(bad)
    assert str(bad) in str(error.value) and "\n" not in str(error.value)
    with pytest.raises(StoreError, match="E016"):
        Database(tmp_path / "missing.duckdb", read_only=True)


def test_an_older_store_is_migrated_when_opened(tmp_path):
    import duckdb

    from letopis.store.schema import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
    con.execute(MIGRATIONS[0][2])
    con.execute("INSERT INTO schema_version VALUES (1, 'v1', now())")
    con.close()
    with pytest.raises(StoreError, match="version 1"):
        Database(path, read_only=True)  # a reader does not migrate
    with Database(path) as db:
        assert db.version() == 3
        assert "location_geonameid" in [c for (c,) in db.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()]


def test_curation_of_a_filled_store_merges_renames_and_splits(db):
    from letopis.store.curate import apply

    a, b = meeting_docs()
    variant = record("v", "Гасанов Закир Наджаф оглы встретился с Гаретом Уордом в Баку. " * 3, "2025-12-04",
                     [person("e1", "Гасанов Закир Наджаф оглы", "AZE"), person("e2", "Гарет Уорд", "GBR")],
                     [event("v1", "040", "CONSULT", 1, 1.0, ["e1"], ["e2"], "2025-12-04")])
    Ingest(db).add([a, b, variant])
    assert count(db, "events") == 2
    applied = apply(db, Curation(renames={"гарет уорд": "Gareth Ward"}, merges=[["Закир Гасанов", "Гасанов Закир Наджаф оглы"]],
                                 aliases={"закир гасанов": ["Z. Hasanov"]}))
    assert (applied.renamed, applied.merged, applied.events_joined) == (1, 1, 1)
    assert db.con.execute("SELECT num_articles FROM events").fetchall() == [(3,)]  # three reports of one meeting now
    assert queries.side(db, "Z. Hasanov").actors == queries.side(db, "Гасанов Закир Наджаф оглы").actors == queries.side(db, "Закир Гасанов").actors
    assert queries.side(db, "Гарет Уорд").actors == queries.side(db, "Gareth Ward").actors  # the old name stays an alias
    split = apply(db, Curation(splits=[__import__("letopis.store.curation", fromlist=["Split"]).Split("Закир Гасанов", ["v"], "Гасанов (другой)")]))
    assert split.split == 1
    assert db.scalar("SELECT a.name FROM entities e JOIN actors a USING (actor_id) WHERE e.doc_id = 'v' AND e.type = 'PERSON' AND e.entity_id = 'e1'") == "Гасанов (другой)"


def test_gdelt_export_has_gdelt_columns_then_ours(db, tmp_path):
    import csv

    from letopis.store.export import GDELT_COLUMNS, LETOPIS_COLUMNS, export_gdelt, export_tables

    Ingest(db).add(list(meeting_docs()))
    path = tmp_path / "events.tsv"
    assert export_gdelt(db, path) == 1
    (row,) = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and len(row) == 61 + len(LETOPIS_COLUMNS)
    fields = dict(zip(GDELT_COLUMNS + LETOPIS_COLUMNS, row))
    assert (fields["SQLDATE"], fields["MonthYear"], fields["Year"]) == ("20251204", "202512", "2025")
    assert (fields["Actor1Code"], fields["Actor1CountryCode"], fields["Actor1Type1Code"], fields["Actor2CountryCode"]) == ("AZEGOVMIL", "AZE", "GOV", "GBR")
    assert (fields["EventCode"], fields["EventBaseCode"], fields["EventRootCode"], fields["QuadClass"]) == ("040", "040", "04", "1")
    assert (fields["NumMentions"], fields["NumArticles"], fields["LetopisPlover"]) == ("2", "2", "CONSULT")
    files = export_tables(db, tmp_path / "pq", "parquet")
    import pyarrow.parquet as pq

    assert pq.read_table(next(f for f in files if f.name == "events.parquet")).num_rows == 1


def test_a_split_applies_at_ingest_to_the_documents_it_names(db):
    from letopis.store.curation import Split

    a, b = meeting_docs()
    rules = Curation(splits=[Split("Гарет Уорд", ["b"], "Гарет Уорд (однофамилец)")])
    Ingest(db, rules).add([a, b])
    names = dict(db.con.execute("SELECT e.doc_id, a.name FROM entities e JOIN actors a USING (actor_id) WHERE e.name = 'Гарет Уорд'").fetchall())
    assert names == {"a": "Гарет Уорд", "b": "Гарет Уорд (однофамилец)"}


def test_the_grouping_key_the_migration_computes_is_the_one_ingest_writes(db):
    Ingest(db).add(list(meeting_docs()))
    from letopis.store.schema import MIGRATIONS

    backfill = [line for line in MIGRATIONS[2][2].split(";") if "group_key =" in line][0]
    assert backfill.strip().startswith("UPDATE events SET group_key")
    written = db.con.execute("SELECT event_id, group_key FROM events ORDER BY 1").fetchall()
    db.con.execute(backfill)
    assert db.con.execute("SELECT event_id, group_key FROM events ORDER BY 1").fetchall() == written


def test_undated_reports_are_one_event_only_within_a_document(db):
    a, b = meeting_docs()
    for record in (a, b):
        record["events"][0]["date"] = None
    Ingest(db).add([a, b])
    assert count(db, "events") == 2


def test_a_bad_record_is_reported_and_the_others_are_stored(db):
    a, b = meeting_docs()
    broken = dict(b, doc_id="x", text="Другой текст о другом событии. " * 5, events=[dict(b["events"][0], evidence=None, mentions=[])])
    added = Ingest(db).add([a, broken])
    assert added.documents == 1 and added.invalid == [("x", "event v1 without evidence")]


def test_an_ingest_that_failed_refuses_to_go_on(db, monkeypatch):
    a, b = meeting_docs()
    ingest = Ingest(db)
    monkeypatch.setattr(db, "insert", lambda *args: (_ for _ in ()).throw(RuntimeError("disk full")))
    with pytest.raises(RuntimeError):
        ingest.add([a])
    with pytest.raises(StoreError, match="open a new one"):
        ingest.add([b])


def org(eid, name, iso):
    return {"id": eid, "type": "ORGANIZATION", "name": name, "country": iso, "mentions": [{"start": 0, "end": 3, "text": name, "kind": "name"}],
            "actor": {"country": iso, "sectors": ["GOV"], "code": (iso or "") + "GOV"}, "aliases": ["МВД"]}


def test_registry_keeps_apart_what_differs_and_joins_what_repeats(db):
    a, _ = meeting_docs()
    other = record("o", "Эльдар Гасанов, посол Азербайджана, выступил с речью в Париже. " * 3, "2025-12-06", [person("e1", "Эльдар Гасанов", "AZE", ("DIP",))])
    lone = [record(f"l{n}", f"Гасанов заявил журналистам, что переговоры продолжатся, сообщение {n}. " * 3, "2025-12-07", [person("e1", "Гасанов", "AZE")])
            for n in range(3)]
    ministries = [record(f"m{iso}", f"Министерство внутренних дел сообщило о задержаниях, страна {iso}. " * 3, "2025-12-08",
                         [org("e1", "Министерство внутренних дел", iso)]) for iso in ("RUS", "UKR")]
    Ingest(db).add([a, other, *lone, *ministries])
    lone_actors = {actor for (actor,) in db.con.execute("SELECT actor_id FROM entities WHERE doc_id LIKE 'l%'").fetchall()}
    assert len(lone_actors) == 1  # the ambiguous `Гасанов` is one actor of its own, not one per document
    assert db.scalar("SELECT count(*) FROM actors WHERE name = 'Министерство внутренних дел'") == 2


def test_a_post_is_not_any_shorter_post(db):
    a, _ = meeting_docs()
    a["roles"][0]["position"] = "министр"
    post = record("p", "Министр иностранных дел Азербайджана провел встречу с послами. " * 3, "2026-01-10",
                  [person("e1", "министр иностранных дел Азербайджана", "AZE", ("GOV", "DIP"), descriptor=True)])
    Ingest(db).add([a, post])
    assert db.scalar("SELECT a.name FROM entities e JOIN actors a USING (actor_id) WHERE e.doc_id = 'p'") == "министр иностранных дел Азербайджана"


def test_every_actor_of_a_side_counts_for_its_country(db):
    text = "Великобритания и Франция ввели санкции против Азербайджана в связи с обострением ситуации. " * 3
    joint = record("j", text, "2025-12-09", [country("e1", "Великобритания", "GBR"), country("e2", "Франция", "FRA"), country("e3", "Азербайджан", "AZE")],
                   [event("v1", "163", "SANCTION", 4, -8.0, ["e2", "e1"], ["e3"], "2025-12-09", text.split(". ")[0])])
    Ingest(db).add([joint])
    assert db.scalar("SELECT source_country FROM events") == "FRA"  # the first named
    for dyad in ("FRA:AZE", "GBR:AZE"):
        assert len(queries.events(db, queries.EventFilter(dyad=dyad)).rows) == 1
    assert queries.timeline(db, "GBR", "AZE").rows[0]["material_conflict"] == 1


def test_a_curation_file_of_the_wrong_shape_is_one_line(tmp_path):
    from letopis.store import CurationError

    for text in ('merge: ["А", "Б"]\n', 'aliases: {"ОДКБ": "CSTO"}\n', 'split: [{actor: "А", documents: "abc", into: "Б"}]\n', "merge: [\n"):
        path = tmp_path / "c.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(CurationError) as error:
            Curation.load(path)
        assert str(path) in str(error.value) and "\n" not in str(error.value)
