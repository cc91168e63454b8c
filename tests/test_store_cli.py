"""The store's commands end to end: ingest twice, the questions, bad inputs that lose nothing."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from letopis.cli import app

VISIT = (" date 2025-10-14 \nМинистр иностранных дел Армении Арарат Мирзоян посетил Тбилиси. "
         "Мирзоян провел переговоры с премьер-министром Грузии Ираклием Кобахидзе.\n")
SANCTIONS = (" date 2025-11-02 \nЕвропейский союз ввел санкции против России. "
             "Министр иностранных дел Армении Арарат Мирзоян встретился с послом Франции.\n")


@pytest.fixture()
def corpus(tmp_path, pipeline):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "visit.txt").write_text(VISIT, encoding="utf-8")
    (folder / "sanctions.txt").write_text(SANCTIONS, encoding="utf-8")
    return folder


def run(*args):
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result


def test_ingest_twice_stores_once_and_answers(corpus, tmp_path):
    db = tmp_path / "c.duckdb"
    first = run("ingest", corpus, "--db", db)
    assert first.exit_code == 0, first.output
    assert "2 documents stored" in first.output
    stats = json.loads(run("stats", "--db", db, "--json").output)
    again = run("ingest", corpus, "--db", db)
    assert again.exit_code == 0 and "2 already in the store" in again.output
    assert json.loads(run("stats", "--db", db, "--json").output) == stats
    events = json.loads(run("events", "--db", db, "--dyad", "Арарат Мирзоян:GEO", "--json").output)
    assert {e["cameo"] for e in events} >= {"042"}
    line = json.loads(run("timeline", "ARM", "GEO", "--db", db, "--json").output)
    assert line[0]["period"] == "2025-10" and line[0]["verbal_cooperation"] >= 1
    profile = run("actor", "Арарат Мирзоян", "--db", db)
    assert profile.exit_code == 0 and "министр иностранных дел" in profile.output and "Ираклий Кобахидзе" in profile.output
    csv_out = run("dyads", "--db", db, "--csv").output.splitlines()
    assert csv_out[0].startswith("source,target,events")
    chart = tmp_path / "arm-geo.png"
    assert run("timeline", "ARM", "GEO", "--db", db, "--plot", chart).exit_code == 0
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_inputs_are_one_line_each_and_lose_nothing(corpus, tmp_path):
    db = tmp_path / "c.duckdb"
    run("ingest", corpus, "--db", db)
    stored = json.loads(run("stats", "--db", db, "--json").output)["documents"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (bad / "cp1251.txt").write_bytes(" date 2025-12-01 \nПремьер-министр Армении Никол Пашинян посетил Москву.\n".encode("cp1251"))
    result = run("ingest", bad, "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if "error" in line]
    assert len(errors) == 2 and all("Traceback" not in line for line in errors)
    assert any("empty.txt" in line and "E003" in line for line in errors) and any("blob.txt" in line and "E004" in line for line in errors)
    assert json.loads(run("stats", "--db", db, "--json").output)["documents"] == stored + 1  # the cp1251 article is read


def test_questions_to_a_missing_store_or_about_nobody(tmp_path):
    missing = run("events", "--db", tmp_path / "none.duckdb")
    assert missing.exit_code == 2 and "E016" in missing.output
    not_a_store = tmp_path / "x.duckdb"
    not_a_store.write_text("text", encoding="utf-8")
    result = run("stats", "--db", not_a_store)
    assert result.exit_code == 2 and str(not_a_store) in result.output and "Traceback" not in result.output
    assert run("timeline", "GBR", "AZE", "--by", "fortnight", "--db", tmp_path / "none.duckdb").exit_code == 2


def test_a_duckdb_file_of_another_program_is_refused(tmp_path):
    import duckdb

    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE documents (x INTEGER)")
    con.close()
    result = run("stats", "--db", other)
    assert result.exit_code == 2 and "another program" in result.output and "Traceback" not in result.output
