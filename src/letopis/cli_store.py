"""The store's commands: ingest, the questions (events, timeline, actor, dyads, stats), curate, export.
A thin layer: options are parsed here, the work is done in `letopis.store`."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .cli import BatchSize, MaxChars, _error, _progress_bar, app
from .settings import SETTINGS

DbOption = Annotated[Path | None, typer.Option("--db", help="The store: a DuckDB file (default: $LETOPIS_DB, else ./letopis.duckdb).", show_default=False)]


def _db_path(db: Path | None) -> Path:
    from .store import default_path

    return db or default_path()


def _open(db: Path | None, read_only: bool = True):
    from .store import Database, StoreError

    try:
        return Database(_db_path(db), read_only=read_only)
    except StoreError as error:
        _error(str(error))
        raise typer.Exit(2) from None


def _curation(path: Path | None):
    from .store import Curation, CurationError

    try:
        return Curation.load(path)
    except CurationError as error:
        _error(str(error))
        raise typer.Exit(2) from None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Input files or directories (as for extract), or '-' for standard input.", show_default=False)],
    db: DbOption = None,
    curation: Annotated[Path | None, typer.Option("--curation", help="A YAML file of actor renames, merges, aliases (see `letopis curate`).", show_default=False)] = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
    max_chars: MaxChars = SETTINGS["max_chars"].default,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a terminal).")] = None,
) -> None:
    """Extract and store documents in one step; a document stored before is skipped.

    Each batch of --batch-size documents is stored in one transaction: an interrupted run keeps
    every batch it finished, and the same command run again continues where it stopped.
    Example: letopis ingest examples/ --db chronicle.duckdb
    """
    import duckdb

    from .pipeline import Pipeline
    from .readers import read
    from .store import Ingest
    from .store.feed import feed

    rules = _curation(curation)
    store = _open(db, read_only=False)
    bar = _progress_bar(progress, label="storing")
    fed = None
    try:
        pipeline = Pipeline.load(batch_size=batch_size)
        items = read(paths, max_chars=max_chars, exclude=[_db_path(db)])
        fed = feed(items, store, pipeline, Ingest(store, rules), lambda e: _error(str(e)), on_stored=(bar.update if bar is not None else lambda n: None))
    except (KeyboardInterrupt, RuntimeError) as error:
        if isinstance(error, RuntimeError) and "interrupt" not in str(error).lower():
            raise
        stored = store.scalar("SELECT count(*) FROM documents")
        _error(f"interrupted: the store keeps its {stored} documents; run the same command again to continue")
        raise typer.Exit(130) from None
    except duckdb.Error as error:
        from .store.database import describe

        _error(f"{_db_path(db)}: the batch in flight was not stored ({describe(error)}); the store keeps what was stored before")
        raise typer.Exit(2) from None
    finally:
        if bar is not None:
            bar.close()
        store.close()
    typer.echo(f"letopis: {fed.line()} in {_db_path(db)}", err=True)
    if fed.errors:
        raise typer.Exit(1)


# ----- output -----
class Output:
    """--json, --csv or a readable table on standard output."""

    def __init__(self, as_json: bool, as_csv: bool):
        if as_json and as_csv:
            _error("--json and --csv exclude each other")
            raise typer.Exit(2)
        self.format = "json" if as_json else "csv" if as_csv else "table"

    def rows(self, rows, title: str | None = None) -> None:
        if self.format == "json":
            typer.echo(_json([{c: r.get(c) for c in rows.columns} for r in rows.rows]))
        elif self.format == "csv":
            import csv

            writer = csv.DictWriter(sys.stdout, fieldnames=rows.columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            for row in rows.rows:
                writer.writerow({c: _plain(row.get(c)) for c in rows.columns})
        else:
            _table(rows, title)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV with a header row.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD, YYYY-MM or YYYY).", show_default=False)]
UntilOption = Annotated[str | None, typer.Option("--until", help="Up to this date, inclusive (YYYY-MM-DD, YYYY-MM or YYYY).", show_default=False)]


def _json(value) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


def _plain(value):
    return "" if value is None else value


def _table(rows, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    columns = rows.brief or rows.columns
    table = Table(title=title, header_style="bold", title_justify="left")
    for column in columns:
        wide = column in ("evidence", "text")
        table.add_column(column, overflow="fold", no_wrap=not wide, max_width=80 if wide else None)
    for row in rows.rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(width=max(160, Console().width)).print(table)
    if not rows.rows:
        typer.echo("(nothing found)")


def _cell(value, limit: int = 160) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day(text: str | None, end: bool = False):
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or, for --until, the last) day it covers."""
    import calendar
    from datetime import date

    if text is None:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
        if len(parts) == 2:
            return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if end else 1)
        return date(*parts)
    except (ValueError, TypeError):
        _error(f"invalid date {text!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
        raise typer.Exit(2) from None


def _ask(db: Path | None, question):
    """Open the store read-only, ask, close; a question that cannot be asked is one line."""
    from .store.queries import QueryError

    store = _open(db)
    try:
        with _store_errors(store.path):
            return question(store)
    except QueryError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    finally:
        store.close()


@contextmanager
def _store_errors(path: Path):
    """DuckDB's errors and interruptions (Ctrl-C inside a query is its RuntimeError) as one line."""
    import duckdb

    from .store.database import describe

    try:
        yield
    except KeyboardInterrupt:
        _error(f"{path}: interrupted; the store is as it was before this command")
        raise typer.Exit(130) from None
    except RuntimeError as error:
        if "interrupt" not in str(error).lower():
            raise
        _error(f"{path}: interrupted; the store is as it was before this command")
        raise typer.Exit(130) from None
    except duckdb.Error as error:
        _error(f"{path}: {describe(error)}")
        raise typer.Exit(2) from None


# ----- questions -----
@app.command()
def events(
    actor: Annotated[str | None, typer.Option("--actor", help="Events with this actor on either side (a name, an alias, or an ISO code).", show_default=False)] = None,
    country: Annotated[str | None, typer.Option("--country", help="Events with an actor of this country (ISO alpha-3) on either side.", show_default=False)] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="SOURCE:TARGET, each an ISO code or an actor name (GBR:AZE).", show_default=False)] = None,
    both_ways: Annotated[bool, typer.Option("--both-ways", help="With --dyad: also TARGET acting on SOURCE.")] = False,
    plover: Annotated[str | None, typer.Option("--type", help="PLOVER type (CONSULT, ACCUSE, ...).", show_default=False)] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root code, 01-20.", show_default=False)] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.", show_default=False)] = None,
    status: Annotated[str | None, typer.Option("--status", help="actual or intended.", show_default=False)] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: Annotated[str | None, typer.Option("--search", help="Text the evidence sentence contains (case-insensitive).", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many events, the latest first.")] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List stored events, the latest first, with their evidence.

    Example: letopis events --dyad GBR:AZE --since 2025-01 --type CONSULT
    """
    from .store import queries

    out = Output(as_json, as_csv)
    f = queries.EventFilter(actor, country, dyad, both_ways, plover, root, quad, status, _day(since), _day(until, end=True), search, limit)
    out.rows(_ask(db, lambda store: queries.events(store, f)), title="events")


@app.command()
def timeline(
    first: Annotated[str, typer.Argument(help="One side: an ISO code (GBR) or an actor name.", show_default=False)],
    second: Annotated[str, typer.Argument(help="The other side.", show_default=False)],
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")] = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the timeline into this PNG file.", show_default=False)] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Events between two sides (both directions) per period: counts per quad class, Goldstein mean and sum.

    Example: letopis timeline GBR AZE --by month --plot gbr-aze.png
    """
    from .store import queries

    out = Output(as_json, as_csv)
    rows = _ask(db, lambda store: queries.timeline(store, first, second, by, _day(since), _day(until, end=True)))
    out.rows(rows, title=f"{first} – {second} by {by}")
    if plot is not None:
        from .store.plot import draw_timeline

        try:
            draw_timeline(rows, f"{first} – {second}", plot)
        except OSError as error:
            _error(f"{plot}: cannot write the chart ({error.strerror or error})")
            raise typer.Exit(2) from None
        typer.echo(f"letopis: chart written to {plot}", err=True)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="An actor's name or alias (or an ISO code for a country).", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Counterparts, events and quotes shown.")] = 10,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV: the actor, then each section (posts, counterparts, events, quotes) as its own table after a '# section' line.")] = False,
) -> None:
    """An actor's profile: names, posts over time, counterparts ranked, recent events, quotes.

    Example: letopis actor "Закир Гасанов"
    """
    from .store import queries

    Output(as_json, as_csv)
    profile = _ask(db, lambda store: queries.actor_profile(store, name, limit))
    if as_csv:
        a = dict(profile["actor"], aliases="; ".join(profile["actor"]["aliases"]))
        typer.echo("# actor")
        Output(False, True).rows(queries.Rows(list(a), [a]))
        for key in ("roles", "counterparts", "events", "quotes"):
            typer.echo(f"# {key}")
            Output(False, True).rows(profile[key])
        return
    if as_json:
        typer.echo(_json({k: (v if isinstance(v, dict) else [{c: r.get(c) for c in v.columns} for r in v.rows]) for k, v in profile.items()}))
        return
    a = profile["actor"]
    typer.echo(f"{a['name']} — {a['type']}" + (f", {a['country']}" if a["country"] else "") + (f", code {a['code']}" if a["code"] else ""))
    if a["aliases"]:
        typer.echo("also: " + "; ".join(a["aliases"]))
    typer.echo(f"in {a['documents']} document(s)" + (f", {a['first_seen']} … {a['last_seen']}" if a["first_seen"] else ""))
    out = Output(False, False)
    for key, title in (("roles", "posts"), ("counterparts", "counterparts"), ("events", "recent events"), ("quotes", "quotes")):
        if profile[key].rows:
            out.rows(profile[key], title=title)


@app.command()
def dyads(
    by: Annotated[str, typer.Option("--by", help="Pairs of countries or of actors.")] = "country",
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many pairs.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """The most active pairs (source → target) in a period, with their quad classes.

    Example: letopis dyads --since 2025-01 --by actor
    """
    from .store import queries

    out = Output(as_json, as_csv)
    out.rows(_ask(db, lambda store: queries.dyads(store, by, _day(since), _day(until, end=True), limit)), title=f"most active pairs ({by})")


@app.command()
def stats(db: DbOption = None, as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """What the store holds: documents, near-duplicates, actors by type, events by type and quad class.

    Example: letopis stats --db chronicle.duckdb
    """
    from .store import queries

    Output(as_json, as_csv)
    figures = _ask(db, queries.stats)
    if as_json:
        typer.echo(_json(figures))
        return
    if as_csv:
        flat = [{"figure": k if not isinstance(v, dict) else f"{k}.{sub}", "value": v if not isinstance(v, dict) else subv}
                for k, v in figures.items() for sub, subv in (v.items() if isinstance(v, dict) else [(None, v)])]
        Output(False, True).rows(queries.Rows(["figure", "value"], flat))
        return
    for key, value in figures.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "—"
        typer.echo(f"{key.replace('_', ' ')}: {value}")


# ----- curation and exports -----
@app.command()
def curate(
    file: Annotated[Path, typer.Argument(help="A YAML file with rename, merge, aliases and split sections.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Apply a curation file to the store in one transaction (ingest --curation applies it to new documents).

    \b
    rename:  {"Ильхам Гейдар оглы Алиев": "Ильхам Алиев"}
    merge:   [["Закир Гасанов", "Гасанов Закир Наджаф оглы"]]
    aliases: {"Организация Договора о коллективной безопасности": ["ОДКБ"]}
    split:   [{actor: "Алиев", documents: ["3f2a9c0d1e2b4a5c"], into: "Эльчин Алиев"}]

    Example: letopis curate actors.yaml --db chronicle.duckdb
    """
    from .store.curate import apply

    rules = _curation(file)
    store = _open(db, read_only=False)
    try:
        with _store_errors(store.path):
            applied = apply(store, rules)
    finally:
        store.close()
    typer.echo(f"letopis: {applied.line()}", err=True)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    gdelt = "gdelt"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet or csv: every table as a file in --out; gdelt: the events as a GDELT 2.0 event table (TSV) in --out.")],
    out: Annotated[Path, typer.Option("--out", help="A folder (parquet, csv) or a file (gdelt).", show_default=False)],
    header: Annotated[bool, typer.Option("--header", help="gdelt: write a header row (GDELT's own files have none).")] = False,
    db: DbOption = None,
) -> None:
    """Export the store: Parquet or CSV tables, or a GDELT-compatible event table with provenance columns.

    Example: letopis export --format gdelt --out events.tsv
    """
    store = _open(db)
    try:
        with _store_errors(store.path):
            _export(store, fmt, out, header)
    except OSError as error:
        _error(f"{out}: cannot write the export ({error.strerror or error})")
        raise typer.Exit(2) from None
    finally:
        store.close()


def _export(store, fmt, out: Path, header: bool) -> None:
    from .store.export import export_gdelt, export_tables

    if fmt is ExportFormat.gdelt:
        if out.is_dir():
            _error(f"{out}: is a folder; --format gdelt writes one file")
            raise typer.Exit(2)
        rows = export_gdelt(store, out, header)
        typer.echo(f"letopis: {rows} events written to {out}", err=True)
        return
    if out.exists() and not out.is_dir():
        _error(f"{out}: is a file; --format {fmt.value} writes one file per table into a folder")
        raise typer.Exit(2)
    files = export_tables(store, out, fmt.value)
    typer.echo(f"letopis: {len(files)} tables written to {out}", err=True)


# ----- the service -----
@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default: the API is not on the network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option("--token", envvar="LETOPIS_API_TOKEN", help="The API token writes need (X-API-Token header); without one, writing is disabled.", show_default=False)] = None,
    private: Annotated[bool, typer.Option("--private", help="Reads need the token too.")] = False,
) -> None:
    """Serve the REST API over the store (OpenAPI schema at /docs and /openapi.json).

    Example: LETOPIS_API_TOKEN=secret letopis serve --db chronicle.duckdb --port 8000
    """
    import uvicorn

    from .service import create_app
    from .store import StoreError

    if private and not token:
        _error("--private needs a token (--token or LETOPIS_API_TOKEN)")
        raise typer.Exit(2)
    try:
        service = create_app(_db_path(db), token=token, private=private)
    except StoreError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    uvicorn.run(service, host=host, port=port, log_level="warning", access_log=False)  # a line per request would cost more than the answer


# ----- corpus runs on Dask -----
@app.command()
def run(
    corpus: Annotated[list[str], typer.Argument(help="Input files or directories (as for extract).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="The folder of the Parquet partitions and the manifest.", show_default=False)],
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="An existing Dask scheduler (tcp://host:8786); default: a local cluster.", show_default=False)] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")] = 2,
    partition_files: Annotated[int, typer.Option("--partition-files", min=1, help="Input files per partition (one Dask task each); "
                                                  "fewer than --batch-size leaves the models' batches part empty.")] = 32,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
    max_chars: MaxChars = SETTINGS["max_chars"].default,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a terminal).")] = None,
) -> None:
    """Extract a corpus on Dask workers into Parquet partitions and a manifest; a rerun does only what is missing.

    Documents that cannot be read or analysed are rows of the run's errors table (OUT/errors/);
    the run goes on and ends with exit code 1. See docs/cluster.md for a cluster of several machines.
    Example: letopis run ../corpus --out run/ --workers 2 ; letopis load run/ --db chronicle.duckdb
    """
    try:
        from .distributed.run import run_corpus
    except ImportError:
        _error("letopis run needs Dask: pip install -e '.[dask]'")
        raise typer.Exit(2) from None
    bar = _progress_bar(progress, label="extracting")

    def partition_done(result: dict) -> None:
        for problem in result["problems"]:
            if bar is not None:
                bar.write(f"letopis: error: {problem}", file=sys.stderr)
            else:
                _error(problem)
        if result["errors"] > len(result["problems"]):
            _error(f"{result['errors'] - len(result['problems'])} more in the errors table of partition {result['partition']}")
        if bar is not None:
            bar.update(result["documents"] + result["errors"])
            bar.set_postfix_str(f"{result['done']}/{result['todo']} partitions", refresh=False)

    try:
        report = run_corpus(corpus, out, scheduler, workers, partition_files, max_chars, batch_size, progress=partition_done)
    finally:
        if bar is not None:
            bar.close()
    typer.echo(f"letopis: {report.line()}", err=True)
    for worker, mb in sorted(report.worker_memory_mb.items()):
        typer.echo(f"letopis: worker {worker} peak memory {mb:,.0f} MB", err=True)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="The --out folder of `letopis run`.", show_default=False)],
    db: DbOption = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
) -> None:
    """Store the documents of a `letopis run` (the single writer): the same store `letopis ingest` of the same inputs makes.

    Example: letopis load run/ --db chronicle.duckdb
    """
    from itertools import islice

    from .distributed.run import records_in_order
    from .store import Ingest

    store = _open(db, read_only=False)
    stored = already = 0
    try:
        with _store_errors(store.path):
            ingest = Ingest(store)
            records = records_in_order(folder)
            while batch := list(islice(records, batch_size)):
                added = ingest.add(batch)
                stored, already = stored + added.documents, already + added.skipped
    except FileNotFoundError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"letopis: {stored} documents stored, {already} already in the store, from {folder}", err=True)
