"""The synthetic benchmark store and the timing of the store: a small store is generated (the
same code makes the million-event one), checked for consistency and determinism, and the
questions are timed on it. The models run only in one tiny smoke test of the ingest overhead."""

from __future__ import annotations

import pytest

from letopis import cameo
from letopis.store import Database, StoreError
from letopis.store.bench import Overhead, Result, ingest_overhead, lines, time_queries
from letopis.store.generate import generate

EVENTS = 20_000


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "synthetic.duckdb"
    with Database(path) as db:
        counts = generate(db, EVENTS, seed=7)
    return path, counts


@pytest.fixture(scope="module")
def db(store):
    with Database(store[0], read_only=True) as database:
        yield database


def rows(db, sql):
    return db.con.execute(sql).fetchall()


def test_counts(store, db):
    _, counts = store
    countries = db.scalar("SELECT count(*) FROM actors WHERE type = 'COUNTRY'")
    assert counts["events"] == counts["event_mentions"] == EVENTS
    assert counts["documents"] == EVENTS // 5
    assert 200 <= countries <= 260
    assert counts["actors"] - countries >= 3000
    assert counts["entities"] > counts["documents"] and counts["roles"] > 0 and counts["quotes"] > 0
    assert {t: db.scalar(f"SELECT count(*) FROM {t}") for t in counts} == counts


def test_actors_exist_and_are_denormalised_right(db):
    assert rows(db, """
        SELECT count(*) FROM events e LEFT JOIN actors a ON a.actor_id = e.source_actor
        WHERE a.actor_id IS NULL OR a.country IS DISTINCT FROM e.source_country OR a.code IS DISTINCT FROM e.source_code
           OR e.source_ids[1] <> e.source_actor
    """) == [(0,)]
    assert rows(db, """
        SELECT count(*) FROM events e LEFT JOIN actors a ON a.actor_id = e.target_actor
        WHERE e.target_actor IS NOT NULL AND (a.actor_id IS NULL OR a.country IS DISTINCT FROM e.target_country)
    """) == [(0,)]
    assert rows(db, "SELECT count(*) FROM (SELECT unnest(list_concat(source_ids, target_ids)) AS a FROM events) WHERE a NOT IN (SELECT actor_id FROM actors)") == [(0,)]
    assert db.scalar("SELECT count(*) FROM events WHERE target_actor IS NULL AND len(target_ids) > 0") == 0


def test_codes_match_the_cameo_table(db):
    table = cameo.table()
    assert {q for (q,) in rows(db, "SELECT DISTINCT quad_class FROM events")} <= {1, 2, 3, 4}
    for code, plover, mode, quad, goldstein, root in rows(db, "SELECT DISTINCT cameo, plover, mode, quad_class, goldstein, root FROM events"):
        assert (plover, mode, quad, goldstein, root) == (table[code].plover, table[code].mode, table[code].quad_class, table[code].goldstein, code[:2])


def test_documents_and_mentions_hold_together(db):
    assert db.scalar("SELECT count(DISTINCT hash) FROM documents") == db.scalar("SELECT count(*) FROM documents")
    assert rows(db, "SELECT min(doc_date) >= DATE '2021-01-01', max(doc_date) <= DATE '2025-12-31', max(doc_date) - min(doc_date) > 1500 FROM documents") == [(True, True, True)]
    assert db.scalar("""
        SELECT count(*) FROM event_mentions m JOIN documents d USING (doc_id)
        WHERE substr(d.text, m.start_char + 1, m.end_char - m.start_char) <> m.sentence
    """) == 0
    assert db.scalar("SELECT count(*) FROM events e JOIN event_mentions m USING (event_id) WHERE m.doc_id <> e.first_doc") == 0
    assert db.scalar("SELECT count(*) FROM events WHERE NOT (num_mentions >= num_articles AND num_articles >= num_sources AND num_sources >= 1)") == 0


def test_dyads_are_skewed(db):
    top = rows(db, "SELECT count(*) FROM events WHERE source_country <> target_country GROUP BY source_country, target_country ORDER BY 1 DESC")
    assert top[0][0] > 50 * top[len(top) // 2][0]
    assert db.scalar("SELECT count(*) FROM events WHERE source_country = 'GBR' AND target_country = 'AZE'") >= EVENTS / 1000


def test_same_seed_same_store(tmp_path):
    def made(name, seed):
        with Database(tmp_path / name) as db:
            counts = generate(db, 2_000, seed=seed)
            first = rows(db, "SELECT * FROM events ORDER BY event_id LIMIT 5") + rows(db, "SELECT doc_id, text FROM documents ORDER BY doc_date, doc_id LIMIT 3")
            return counts, first

    assert made("a.duckdb", 7) == made("b.duckdb", 7)
    assert made("c.duckdb", 8)[1] != made("d.duckdb", 7)[1]


def test_only_into_an_empty_store(tmp_path):
    with Database(tmp_path / "s.duckdb") as db:
        generate(db, 10)
        with pytest.raises(StoreError, match="empty store"):
            generate(db, 10)


def test_time_queries(store):
    results = time_queries(store[0], repeat=2)
    assert [r.name.split(" '")[0] for r in results] == ["events --dyad GBR:AZE", "timeline GBR AZE --by month", "events --actor", "dyads", "actor", "events --search", "stats"]
    for result in results:
        assert len(result.runs_ms) == 2 and min(result.runs_ms) >= 0 and result.best_ms <= result.median_ms
        assert result.rows > 0, result.name
    assert len(lines(results)) == len(results) and all(" ms " in line for line in lines(results))


def test_lines_of_an_overhead():
    overhead = Overhead(documents=10, characters=1000, extract_seconds=2.0, ingest_seconds=2.5)
    assert overhead.percent == pytest.approx(25.0)
    assert lines(overhead)[-1].endswith("+25.0 %") and "docs/s" in str(overhead)
    assert "best" in str(Result("dyads", [3.0, 1.0, 2.0], rows=20)) and Result("x", [3.0, 1.0, 2.0]).median_ms == 2.0


def test_ingest_overhead_smoke(pipeline, monkeypatch):
    from letopis.pipeline import Pipeline

    monkeypatch.setattr(Pipeline, "load", classmethod(lambda cls, **kwargs: pipeline))
    texts = ["Министр обороны Азербайджана Закир Гасанов встретился в Баку с послом Великобритании.",
             "Президент России Владимир Путин провёл переговоры с премьер-министром Армении."]
    overhead = ingest_overhead(texts, repeat=1)
    assert overhead.documents == 2 and overhead.extract_seconds > 0 and overhead.ingest_seconds > 0
