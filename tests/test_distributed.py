"""Corpus runs on Dask with a scheduler and workers started as separate processes on loopback:
the output equals a local extract, a killed worker costs only its tasks, a rerun repeats nothing,
and `letopis load` makes the store `letopis ingest` makes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask is not installed (pip install -e '.[dask]')")
pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
PEOPLE = ["Арарат Мирзоян", "Джейхун Байрамов", "Хакан Фидан", "Сергей Лавров", "Мурат Нуртлеу", "Макка Ботчоришвили"]
CITIES = ["Баку", "Ереван", "Тбилиси", "Анкара", "Москва", "Астана"]


def corpus(folder: Path, n: int = 12) -> Path:
    folder.mkdir()
    for k in range(n):
        a, b, city = PEOPLE[k % 6], PEOPLE[(k + 2) % 6], CITIES[k % 6]
        (folder / f"n{k:02d}.txt").write_text(f" date 2025-{1 + k % 12:02d}-{1 + k:02d} \n{a} встретился в городе {city} с коллегой {b}. "
                                              f"Стороны обсудили безопасность в регионе, сообщение {k}.\n", encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def letopis(*args, **kwargs):
    code = "import sys; from letopis.cli import main; sys.argv[0] = 'letopis'; main()"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture()
def cluster():
    """A scheduler and two single-process workers, each its own OS process."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2)
    workers = [subprocess.Popen([BIN / "dask", "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--no-nanny"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    time.sleep(3)
    yield address, workers
    for process in workers + [scheduler]:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in workers + [scheduler]:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def records(out: Path) -> list[dict]:
    from letopis.distributed.run import records_in_order

    return list(records_in_order(out))


def test_a_run_on_a_cluster_equals_a_local_extract_and_loads_as_an_ingest(tmp_path, cluster):
    address, _ = cluster
    news = corpus(tmp_path / "news")
    out = tmp_path / "run"
    result = letopis("run", news, "--out", out, "--scheduler", address, "--partition-files", "3")
    assert result.returncode == 0, result.stderr
    assert "4 partitions (0 done before), 12 documents" in result.stderr
    local = tmp_path / "local.jsonl"
    assert letopis("extract", news, "-o", local).returncode == 0
    assert records(out) == [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]
    again = letopis("run", news, "--out", out, "--scheduler", address, "--partition-files", "3")
    assert "4 partitions, all done before: nothing to do" in again.stderr
    from test_store_crash import snapshot

    assert letopis("load", out, "--db", tmp_path / "loaded.duckdb").returncode == 0
    assert letopis("ingest", news, "--db", tmp_path / "ingested.duckdb").returncode == 0
    assert snapshot(tmp_path / "loaded.duckdb") == snapshot(tmp_path / "ingested.duckdb")


def test_a_killed_worker_costs_only_its_tasks(tmp_path, cluster):
    address, workers = cluster
    news = corpus(tmp_path / "news", n=24)
    out = tmp_path / "run"
    code = "import sys; from letopis.cli import main; sys.argv[0] = 'letopis'; main()"
    running = subprocess.Popen([sys.executable, "-c", code, "run", str(news), "--out", str(out), "--scheduler", address, "--partition-files", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = out / "done.jsonl"
    deadline = time.time() + 300
    while time.time() < deadline and not (done.exists() and done.read_text().strip()):
        time.sleep(0.2)
    os.kill(workers[0].pid, signal.SIGKILL)  # in the middle of the run
    _, errors = running.communicate(timeout=600)
    assert running.returncode == 0, errors
    assert len(records(out)) == 24
    assert json.loads((out / "manifest.json").read_text())["order"] == [f"p{k:05d}" for k in range(12)]


def test_a_document_that_fails_is_a_row_of_the_errors_table_and_its_partition_goes_on(tmp_path, cluster):
    import pyarrow.parquet as pq

    address, _ = cluster
    news = corpus(tmp_path / "news", n=4)
    (news / "n01b.txt").write_bytes(bytes(range(256)) * 8)  # binary, between good documents of one partition
    (news / "n02b.txt").write_text("", encoding="utf-8")
    out = tmp_path / "run"
    result = letopis("run", news, "--out", out, "--scheduler", address, "--partition-files", "6", "--progress")
    assert result.returncode == 1
    assert "1/1 partitions" in result.stderr  # the progress bar
    assert "1 partitions (0 done before), 4 documents, 2 errors" in result.stderr
    assert "n01b.txt: E004 binary data" in result.stderr and "n02b.txt: E003 empty" in result.stderr
    errors = pq.read_table(out / "errors" / "p00000.parquet").to_pylist()
    assert sorted((Path(e["source"]).name, e["code"]) for e in errors) == [("n01b.txt", "E004"), ("n02b.txt", "E003")]
    assert [r["source"] for r in records(out)] == [str(news / f"n{k:02d}.txt") for k in range(4)]


def test_the_journal_of_finished_partitions_survives_a_line_cut_short(tmp_path):
    from letopis.distributed.run import read_manifest, record_done, write_manifest

    write_manifest(tmp_path, ["p00000", "p00001"])
    with open(tmp_path / "done.jsonl", "a", encoding="utf-8") as journal:
        record_done(journal, {"partition": "p00000", "fingerprint": "a", "documents": 3})
        journal.write('{"partition": "p00001", "finger')  # the client killed while writing
    manifest = read_manifest(tmp_path)
    assert manifest["order"] == ["p00000", "p00001"]
    assert list(manifest["partitions"]) == ["p00000"]
