"""`letopis run`: extraction of a corpus on a Dask cluster, as Parquet partitions and a manifest.

The input files, in the order `letopis extract` reads them, are cut into partitions of
`partition_files` files. Each partition is one Dask task: its worker reads the files, runs the
pipeline its plugin loaded once, and writes one Parquet file per table (documents — with the
whole record as JSON, the form `letopis load` reads —, entities, roles, events, quotes, errors)
under OUT/<table>/<partition>.parquet, each written to a temporary name and renamed, so a file
that exists is whole. The manifest is two files: OUT/manifest.json, the partitions in input
order, written once per run, and OUT/done.jsonl, one line appended for each finished partition
(so a run of many thousands of partitions does not rewrite a growing file after each one; a line
cut short by a crash is ignored). A rerun skips the finished partitions whose input files are
unchanged. A document
that fails is a row of the errors table and does not fail its partition; a worker that dies
costs its tasks, which Dask runs again elsewhere (retries).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TABLES = ("documents", "entities", "roles", "events", "quotes", "errors")
MANIFEST = "manifest.json"
DONE = "done.jsonl"
PROBLEMS_SHOWN = 20  # error lines per partition sent back to the client; all are in the errors table


@dataclass
class Partition:
    name: str
    files: list[str]
    fingerprint: str  # of the files' paths, sizes and modification times
    size: int = 0  # bytes of its files


@dataclass
class Report:
    partitions: int = 0
    done_before: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    ready_seconds: float = 0.0  # until the workers had started and loaded the pipeline
    worker_memory_mb: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        if not self.seconds:
            return f"{self.partitions} partitions, all done before: nothing to do"
        working = self.seconds - self.ready_seconds
        return (f"{self.partitions} partitions ({self.done_before} done before), {self.documents} documents, {self.errors} errors "
                f"in {self.seconds:.1f} s ({self.documents / self.seconds:.1f} docs/s); after the workers' start and model loading "
                f"({self.ready_seconds:.1f} s): {working:.1f} s, {self.documents / working:.1f} docs/s")


def input_files(paths: list[str]) -> list[str]:
    """The files `letopis extract` would read, in its order."""
    from ..readers import READERS, _walk

    files = []
    for path in paths:
        if os.path.isdir(path):
            files += [str(f) for f in _walk(Path(path))]
        elif Path(path).suffix.lower() in READERS or os.path.isfile(path):
            files.append(path)
    return files


def partitions(files: list[str], size: int) -> list[Partition]:
    cut = []
    for number, first in enumerate(range(0, len(files), size)):
        chunk = files[first : first + size]
        stats = [_stat(f) for f in chunk]
        stamp = hashlib.sha256("\n".join(f"{f}\t{size}:{mtime}" for f, (size, mtime) in zip(chunk, stats)).encode()).hexdigest()[:16]
        cut.append(Partition(f"p{number:05d}", chunk, stamp, sum(max(size, 0) for size, _ in stats)))
    return cut


def _stat(path: str) -> tuple[int, int]:
    """Size and modification time; (-1, 0) for a file that is missing."""
    try:
        info = os.stat(path)
        return info.st_size, int(info.st_mtime)
    except OSError:
        return -1, 0


def letopis_plugin(batch_size: int = 32):
    """A worker plugin that loads the pipeline once per worker process, before its first task
    (made here so that reading a run's output needs no Dask)."""
    from distributed import WorkerPlugin

    class LetopisPlugin(WorkerPlugin):
        name = "letopis-pipeline"

        def setup(self, worker) -> None:
            from ..pipeline import Pipeline

            keep_freed_memory()
            calm_down(worker.periodic_callbacks)

            worker.letopis_pipeline = Pipeline.load(batch_size=batch_size)

    return LetopisPlugin()


# A worker's event loop wakes 50 times a second to time itself (tick), 10 times to read its
# memory (memory_monitor) and 100 times to sample the running task's stack (profile); each wake
# takes the GIL from the task. Tasks of a few seconds need none of it that often: measured on
# 962 documents with 2 workers, calming these raised the throughput from 27 to 30 docs/s.
CALMER = {"tick": 1000, "memory_monitor": 1000}  # milliseconds
STOPPED = ("profile", "profile-cycle")
CALMER_CONFIG = {"distributed.admin.tick.interval": "1s", "distributed.worker.memory.monitor-interval": "1s"}  # the scheduler and nannies of a local cluster


def calm_down(callbacks: dict) -> None:
    """Slower or stopped housekeeping callbacks of a worker (tornado PeriodicCallbacks by name)."""
    for name, milliseconds in CALMER.items():
        if name in callbacks:
            callbacks[name].callback_time = milliseconds
    for name in STOPPED:
        if name in callbacks:
            callbacks[name].stop()


def keep_freed_memory(mmap_threshold: int = 32 << 20, trim_threshold: int = 256 << 20) -> bool:
    """Let glibc's malloc reuse freed memory instead of handing it back to the system at once.

    A Dask nanny starts its workers with MALLOC_TRIM_THRESHOLD_=65536. Setting that threshold
    also switches off glibc's adaptive mmap threshold, so every array of the neural models above
    128 KB is mapped and unmapped anew: the workers spent a fifth of their time in the kernel and
    ran 40 % slower than `letopis extract` (962 documents, 2 workers). A worker's memory is bounded
    by its partition, so keeping up to `trim_threshold` of freed memory costs little.
    Returns False where the C library is not glibc.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
    return bool(mallopt(M_MMAP_THRESHOLD, mmap_threshold)) and bool(mallopt(M_TRIM_THRESHOLD, trim_threshold))


def extract_partition(partition: Partition, out: str, max_chars: int) -> dict:
    """Runs on a worker: the partition's documents extracted and written as Parquet files."""
    import resource

    from distributed import get_worker

    from ..readers import read
    from ..runner import Summary, extract_stream

    began, started = time.perf_counter(), time.time()
    pipeline = get_worker().letopis_pipeline
    summary, failed = Summary(), []
    records = [doc.to_record() for doc in extract_stream(read(partition.files, max_chars), pipeline, summary, failed.append)]
    tables = flatten(records, partition.name)
    tables["errors"] = [{"partition": partition.name, "source": e.source, "code": e.code, "message": str(e)} for e in failed]
    for table, rows in tables.items():
        write_table(Path(out) / table, partition.name, rows)
    return {"partition": partition.name, "fingerprint": partition.fingerprint, "documents": len(records), "errors": len(failed),
            "problems": [str(e) for e in failed[:PROBLEMS_SHOWN]],
            "worker": get_worker().address, "started": round(started, 3), "seconds": round(time.perf_counter() - began, 3), "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def flatten(records: list[dict], partition: str) -> dict[str, list[dict]]:
    """The records as rows of the documents, entities, roles, events and quotes tables."""
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for order, r in enumerate(records):
        doc = r["doc_id"]
        tables["documents"].append({"partition": partition, "order": order, "doc_id": doc, "doc_date": r.get("doc_date"), "source": r.get("source"),
                                    "chars": len(r["text"]), "record": json.dumps(r, ensure_ascii=False)})
        for e in r.get("entities", []):
            actor = e.get("actor") or {}
            tables["entities"].append({"doc_id": doc, "entity_id": e["id"], "type": e["type"], "name": e["name"], "country": e.get("country"),
                                       "actor_code": actor.get("code"), "mentions": len(e.get("mentions", []))})
        for role in r.get("roles", []):
            tables["roles"].append({"doc_id": doc, "person": role["person"], "position": role["position"], "of": role.get("of"),
                                    "country": role.get("country"), "start": role.get("start"), "end": role.get("end")})
        for v in r.get("events", []):
            tables["events"].append({"doc_id": doc, "event_id": v["id"], "cameo": v["cameo"], "plover": v.get("plover"), "quad_class": v.get("quad_class"),
                                     "goldstein": v.get("goldstein"), "source": ",".join(v.get("source", [])), "target": ",".join(v.get("target", [])),
                                     "date": v.get("date"), "status": v.get("status"), "negated": v.get("negated"),
                                     "evidence_start": v["evidence"]["start"], "evidence_end": v["evidence"]["end"]})
        for n, q in enumerate(r.get("quotes", []), 1):
            tables["quotes"].append({"doc_id": doc, "quote": n, "speaker": q.get("speaker"), "text": q["text"], "start": q.get("start"), "end": q.get("end")})
    return tables


def write_table(folder: Path, name: str, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows) if rows else pa.table({"empty": pa.array([], pa.bool_())})
    temporary = folder / f".{name}.parquet.tmp"
    pq.write_table(table, temporary)
    os.replace(temporary, folder / f"{name}.parquet")


def read_manifest(out: Path) -> dict:
    """{"order": [partition names in input order], "partitions": {name: its result}}."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    manifest.setdefault("order", [])
    manifest["partitions"] = read_done(out)
    return manifest


def read_done(out: Path) -> dict[str, dict]:
    done: dict[str, dict] = {}
    try:
        lines = (out / DONE).read_text(encoding="utf-8").splitlines()
    except OSError:
        return done
    for line in lines:
        try:
            result = json.loads(line)
        except ValueError:
            continue  # the last line of a run killed while writing it
        done[result["partition"]] = result
    return done


def write_manifest(out: Path, order: list[str]) -> None:
    temporary = out / (MANIFEST + ".tmp")
    temporary.write_text(json.dumps({"order": order}, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, out / MANIFEST)


def record_done(journal, result: dict) -> None:
    """One finished partition, appended and flushed to the disk before the next is counted."""
    journal.write(json.dumps(result, ensure_ascii=False) + "\n")
    journal.flush()
    os.fsync(journal.fileno())


def run_corpus(paths: list[str], out: Path, scheduler: str | None = None, workers: int = 2, partition_files: int = 32,
               max_chars: int = 1_000_000, batch_size: int = 32, progress: Callable[[dict], None] = lambda done: None) -> Report:
    from distributed import Client, LocalCluster, as_completed

    out.mkdir(parents=True, exist_ok=True)
    cut = partitions(input_files(paths), partition_files)
    done = read_done(out)
    todo = [p for p in cut if done.get(p.name, {}).get("fingerprint") != p.fingerprint]
    report = Report(partitions=len(cut), done_before=len(cut) - len(todo))
    write_manifest(out, [p.name for p in cut])
    if not todo:
        return report
    start = time.perf_counter()
    cluster = None
    if not scheduler:
        import dask

        with dask.config.set(CALMER_CONFIG):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR)
    with Client(scheduler or cluster) as client, open(out / DONE, "a", encoding="utf-8") as journal:
        client.register_plugin(letopis_plugin(batch_size))
        report.ready_seconds = time.perf_counter() - start
        # the largest partitions first, so that the run does not end waiting for one big one
        largest_first = sorted(todo, key=lambda p: -p.size)
        futures = [client.submit(extract_partition, p, str(out), max_chars, key=f"letopis-{p.name}-{p.fingerprint}", retries=3) for p in largest_first]
        for finished, future in enumerate(as_completed(futures), 1):
            result = future.result()
            problems = result.pop("problems")
            record_done(journal, result)
            report.documents += result["documents"]
            report.errors += result["errors"]
            report.worker_memory_mb[result["worker"]] = max(report.worker_memory_mb.get(result["worker"], 0), result["peak_mb"])
            progress({**result, "problems": problems, "done": finished, "todo": len(todo)})
        report.seconds = time.perf_counter() - start
    if cluster is not None:
        cluster.close()
    return report


def records_in_order(out: Path):
    """The document records of a run, in the order of its inputs (as `letopis extract` writes them)."""
    import pyarrow.parquet as pq

    manifest = read_manifest(out)
    for name in manifest.get("order", []):
        path = out / "documents" / f"{name}.parquet"
        if name not in manifest["partitions"] or not path.exists():
            raise FileNotFoundError(f"{out}: partition {name} is not complete (run `letopis run` again)")
        table = pq.read_table(path)
        if "record" in table.column_names:
            for text in table.column("record").to_pylist():
                yield json.loads(text)
