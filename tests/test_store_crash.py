"""A process killed in the middle of an ingest loses only the batch in flight; the same command
run again ends with the store a single uninterrupted run makes."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from letopis.store import Database

CITIES = ["Баку", "Ереван", "Тбилиси", "Анкара", "Москва", "Астана", "Минск", "Киев"]
PEOPLE = ["Арарат Мирзоян", "Джейхун Байрамов", "Макка Ботчоришвили", "Хакан Фидан", "Сергей Лавров", "Мурат Нуртлеу"]

# Runs `letopis ingest` and dies without any cleanup (as SIGKILL would) in the middle of the
# transaction of the given batch, after some of its rows were written.
KILLER = textwrap.dedent("""
    import os, sys
    from letopis.store import database
    from letopis.cli import main
    die_in_batch = int(os.environ["DIE_IN_BATCH"])
    real = database.Database.insert
    seen = {"documents": 0}
    def insert(self, table, rows, columns):
        real(self, table, rows, columns)
        if table == "documents":
            seen["documents"] += 1
            if seen["documents"] == die_in_batch:
                os._exit(137)
    database.Database.insert = insert
    sys.argv = ["letopis"] + sys.argv[1:]
    main()
""")


def corpus(folder):
    folder.mkdir()
    for n in range(24):
        a, b = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 1) % len(PEOPLE)]
        city = CITIES[n % len(CITIES)]
        if n % 3 == 2:  # a person named by surname alone, resolved across documents
            text = (f" date 2025-{1 + n % 12:02d}-{1 + n:02d} \n{a.split()[-1]} заявил журналистам в городе {city}, "
                    f"что переговоры продолжатся. Конституционный суд рассмотрит жалобу, статья номер {n}.\n")
        else:
            text = (f" date 2025-{1 + n % 12:02d}-{1 + n:02d} \n{a} встретился в городе {city} с коллегой {b}. "
                    f"Стороны обсудили региональную безопасность, статья номер {n}.\n")
        (folder / f"n{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(path) -> dict:
    with Database(path, read_only=True) as db:
        q = lambda sql: sorted(db.con.execute(sql).fetchall(), key=repr)  # noqa: E731
        names = dict(db.con.execute("SELECT actor_id, name FROM actors").fetchall())
        return {
            "documents": q("SELECT doc_id, hash, doc_date, duplicate_of FROM documents"),
            "entities": q("SELECT e.doc_id, e.entity_id, a.name, a.type, a.country FROM entities e JOIN actors a USING (actor_id)"),
            "actors": q("SELECT name, type, country, code FROM actors"),
            "events": sorted(((cameo, date, mentions, articles, sorted(names[i] for i in sources), sorted(names[i] for i in targets))
                             for cameo, date, mentions, articles, sources, targets in db.con.execute(
                                 "SELECT cameo, date_text, num_mentions, num_articles, source_ids, target_ids FROM events").fetchall()), key=repr),
            "mentions": q("SELECT doc_id, local_id, start_char, end_char FROM event_mentions"),
            "quotes": q("SELECT doc_id, quote_id, text FROM quotes"),
        }


def ingest(args, env=None, script=None):
    command = [sys.executable, "-c", script or "import sys; from letopis.cli import main; sys.argv[0] = 'letopis'; main()"]
    return subprocess.run(command + [str(a) for a in args], capture_output=True, text=True, env=env, timeout=600)


@pytest.mark.slow
def test_a_killed_ingest_rerun_equals_one_clean_run(tmp_path, pipeline):
    import os

    news = corpus(tmp_path / "news")
    clean, crashed = tmp_path / "clean.duckdb", tmp_path / "crashed.duckdb"
    assert ingest(["ingest", news, "--db", clean, "--batch-size", "4"]).returncode == 0
    env = dict(os.environ, DIE_IN_BATCH="3")
    died = ingest(["ingest", news, "--db", crashed, "--batch-size", "4"], env=env, script=KILLER)
    assert died.returncode == 137
    with Database(crashed, read_only=True) as db:
        assert db.scalar("SELECT count(*) FROM documents") == 8  # two whole batches, nothing of the third
    rerun = ingest(["ingest", news, "--db", crashed, "--batch-size", "4"])
    assert rerun.returncode == 0, rerun.stderr
    assert "8 already in the store" in rerun.stderr
    assert snapshot(crashed) == snapshot(clean)
