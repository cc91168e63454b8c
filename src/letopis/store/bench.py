"""Timing the store: how fast its questions are answered, and what storing adds to extraction.

`time_queries` asks the questions of `letopis events/timeline/dyads/actor` of a store (a large
synthetic one from `generate.py`, or a real one) on one read-only connection, each `repeat`
times: the best run is the latency without disturbance, the median the one to expect.
`ingest_overhead` runs extraction over texts as `letopis extract` does (batches of 32), and the
same with each batch stored as `letopis ingest` does, into a fresh store; the models are loaded
once before either is timed, so the difference is the cost of storing.

    letopis bench --store --db bench-store.duckdb --events 1000000 DIRECTORY_OF_TEXTS
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import queries
from .database import Database
from .ingest import Ingest


@dataclass
class Result:
    """One question's latencies over its runs, and how many rows it answered with."""

    name: str
    runs_ms: list[float] = field(default_factory=list)
    rows: int = 0

    @property
    def best_ms(self) -> float:
        return min(self.runs_ms)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)

    def __str__(self) -> str:
        return f"{self.name:<44} best {self.best_ms:8.1f} ms | median {self.median_ms:8.1f} ms | {self.rows} rows"


@dataclass
class Overhead:
    """Extraction alone against extraction with storing, best of the runs of each."""

    documents: int
    characters: int
    extract_seconds: float
    ingest_seconds: float

    @property
    def percent(self) -> float:
        return 100 * (self.ingest_seconds - self.extract_seconds) / self.extract_seconds if self.extract_seconds else 0.0

    def lines(self) -> list[str]:
        return [
            f"{'extract':<44} {self.documents} docs, {self.characters:,} chars in {self.extract_seconds:6.2f} s | {self.documents / self.extract_seconds:7.2f} docs/s",
            f"{'extract + ingest':<44} {self.documents} docs, {self.characters:,} chars in {self.ingest_seconds:6.2f} s | {self.documents / self.ingest_seconds:7.2f} docs/s",
            f"{'ingest overhead':<44} {self.percent:+.1f} %",
        ]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def lines(results: list[Result] | Overhead) -> list[str]:
    return results.lines() if isinstance(results, Overhead) else [str(r) for r in results]


# ----- the questions -----
def time_queries(db_path: Path | str, repeat: int = 5, dyad: tuple[str, str] = ("GBR", "AZE")) -> list[Result]:
    with Database(db_path, read_only=True) as db:
        return [_time(name, ask, db, repeat) for name, ask in questions(db, dyad)]


def questions(db: Database, dyad: tuple[str, str] = ("GBR", "AZE")) -> list[tuple[str, Callable[[Database], object]]]:
    """The questions analysts ask most, with the busiest person of the store as the actor asked about."""
    person = busiest_person(db)
    first, second = dyad
    return [
        (f"events --dyad {first}:{second}", lambda db: queries.events(db, queries.EventFilter(dyad=f"{first}:{second}", limit=50))),
        (f"timeline {first} {second} --by month", lambda db: queries.timeline(db, first, second, by="month")),
        (f"events --actor {person!r}", lambda db: queries.events(db, queries.EventFilter(actor=person, limit=50))),
        ("dyads", lambda db: queries.dyads(db)),
        (f"actor {person!r}", lambda db: queries.actor_profile(db, person)),
        ("events --search 'переговоры'", lambda db: queries.events(db, queries.EventFilter(search="переговоры", limit=50))),
        ("stats", queries.stats),
    ]


def busiest_person(db: Database) -> str:
    return db.scalar("""
        SELECT a.name FROM events e JOIN actors a ON a.actor_id = e.source_actor WHERE a.type = 'PERSON'
        GROUP BY a.actor_id, a.name ORDER BY count(*) DESC, a.name LIMIT 1
    """)


def _time(name: str, ask: Callable[[Database], object], db: Database, repeat: int) -> Result:
    result = Result(name)
    for _ in range(repeat):
        start = time.perf_counter()
        answer = ask(db)
        result.runs_ms.append(1000 * (time.perf_counter() - start))
    result.rows = _rows(answer)
    return result


def _rows(answer) -> int:
    """Rows of an answer; an actor profile counts its actor and the rows of each of its parts."""
    if isinstance(answer, queries.Rows):
        return len(answer.rows)
    return sum(_rows(part) if isinstance(part, queries.Rows) else 1 for part in answer.values())


# ----- the cost of storing -----
def ingest_overhead(texts: list[str], repeat: int = 3, batch_size: int = 32, base: Path | None = None) -> Overhead:
    """Runs alternate between the two ways so that drift in the machine's load hits both alike.
    With `base`, each storing run goes into a fresh copy of that store (a large one: the cost of
    storing where lookups meet a million events), the copy made before the clock starts."""
    import shutil

    from ..pipeline import Pipeline

    from .duplicates import _permutations

    pipeline = Pipeline.load(batch_size=batch_size)
    _permutations()  # the MinHash library loads once per process, like the models
    plain, stored = [], []
    for _ in range(repeat):
        plain.append(_extract(pipeline, texts, batch_size))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.duckdb"
            if base is not None:
                shutil.copyfile(base, path)
            with Database(path) as db:
                stored.append(_extract(pipeline, texts, batch_size, db=db))
    return Overhead(len(texts), sum(map(len, texts)), min(plain), min(stored))


def _extract(pipeline, texts: list[str], batch_size: int, db: Database | None = None) -> float:
    """Extraction, with storing into `db` when given (opening the ingest is part of the cost)."""
    from ..document import Document

    start = time.perf_counter()
    ingest = Ingest(db) if db is not None else None
    for first in range(0, len(texts), batch_size):
        docs = pipeline.process_batch([Document(text=t) for t in texts[first:first + batch_size]])
        if ingest is not None:
            ingest.add([doc.to_record() for doc in docs])
    return time.perf_counter() - start
