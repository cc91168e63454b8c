"""The `letopis` command: a thin layer over the library (parse options, call, print)."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import InputError, Problem
from .settings import SETTINGS

app = typer.Typer(
    name="letopis",
    help="letopis — the chronicle of politics from Russian news: entities, roles, events and quotes, "
    "each traceable to the sentence that states it.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score the pipeline against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

BatchSize = Annotated[int, typer.Option("--batch-size", min=1, help=SETTINGS["batch_size"].help)]
MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help=SETTINGS["max_chars"].help)]


def _error(message: str) -> None:
    typer.echo(f"letopis: error: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"letopis {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    pass


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Input files or directories (searched recursively), or '-' for standard input. "
            "Formats: dated text (' date YYYY-MM-DD ' header), .txt, .jsonl, .csv, .html; UTF-8, cp1251 or koi8-r.",
            show_default=False,
        ),
    ],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the JSON Lines here instead of standard output.")] = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
    max_chars: MaxChars = SETTINGS["max_chars"].default,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a terminal).")] = None,
    with_tokens: Annotated[bool, typer.Option("--tokens", help="Also write tokens and sentences (morphology, syntax) in each record.")] = False,
) -> None:
    """Extract entities, roles, events and quotes from news texts, one JSON record per document.

    Example: letopis extract examples/ -o chronicle.jsonl

    Inputs that cannot be read are reported on standard error, one line each; the run goes on and
    ends with exit code 1 and a summary.
    """
    from .pipeline import Pipeline
    from .readers import read
    from .runner import Summary, extract_stream

    if output is not None and (problem := _output_problem(output, paths)):
        _error(str(InputError(str(output), Problem.OUTPUT, problem)))
        raise typer.Exit(2)
    summary = Summary()
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    bar = _progress_bar(progress)
    try:
        pipeline = Pipeline.load(batch_size=batch_size)
        items = read(paths, max_chars=max_chars, exclude=[output] if output else [])
        for doc in extract_stream(items, pipeline, summary, lambda e: _error(str(e))):
            out.write(doc.to_json(with_tokens=with_tokens) + "\n")
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        if output:
            out.close()
        else:
            out.flush()
    typer.echo(f"letopis: {summary.line()}", err=True)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def show(
    path: Annotated[Path, typer.Argument(help="A JSON Lines file written by `letopis extract`.", show_default=False)],
) -> None:
    """Print the documents of an extract file as readable text: entities by type, with countries.

    Example: letopis show out/examples.jsonl
    """
    from .document import Document
    from .report import describe

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        _error(f"{path}: {error.strerror}")
        raise typer.Exit(2) from None
    for number, line in enumerate(lines, 1):
        try:
            doc = Document.from_json(line)
        except (ValueError, KeyError, TypeError) as error:
            _error(f"{path}:line {number}: not a letopis record ({error})")
            raise typer.Exit(2) from None
        typer.echo(describe(doc))


def _output_problem(output: Path, inputs: list[str]) -> str | None:
    if not output.parent.is_dir():
        return f"the folder {output.parent} does not exist"
    if output.is_dir():
        return "it is a folder"
    target = output.resolve()
    if any(p != "-" and Path(p).resolve() == target for p in inputs):
        return "it is also an input, which writing would destroy"
    return None


def _progress_bar(enabled: bool | None, label: str = "extracting"):
    """A bar on standard error: asked for (`--progress`), from the start; shown because standard
    error is a terminal, only for runs long enough to want one (after 2 seconds)."""
    asked = enabled is not None
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, desc=label, dynamic_ncols=True, delay=0 if asked else 2)


class Baseline(str, Enum):
    natasha = "natasha"
    natasha_geo = "natasha-geo"


@eval_app.command("factru")
def eval_factru(
    directory: Annotated[Path, typer.Argument(help="A factRuEval-2016 collection (book_N.txt with .tokens, .spans, .objects …).", show_default=False)],
    export: Annotated[Path | None, typer.Option("--export", help="Write the track-1 submission files book_N.task1 into this folder.")] = None,
    baseline: Annotated[
        Baseline | None,
        typer.Option(
            "--baseline",
            help="Score a baseline instead of letopis: 'natasha' (PER→per, ORG→org, LOC→loc) or 'natasha-geo' "
            "(the same, with LOC spans that are known countries or cities as locorg).",
        ),
    ] = None,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit with code 3 when the overall track-1 F1 is below this, or nothing could be scored (a CI gate).")] = None,
    min_occupation_f1: Annotated[float | None, typer.Option("--min-occupation-f1", help="Exit with code 3 when the track-3 Occupation F1 is below this (a CI gate).")] = None,
    min_meeting_f1: Annotated[float | None, typer.Option("--min-meeting-f1", help="Exit with code 3 when the track-3 Meeting F1 is below this (a CI gate).")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a terminal).")] = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
) -> None:
    """Score entity mentions (track 1) and Occupation and Meeting facts (track 3) on factRuEval-2016
    with the competition's metrics; --export writes book_N.task1 and book_N.task3.

    Example: letopis eval factru ../shared/data/factrueval-2016/devset --export out/factru
    """
    from .eval import factru
    from .eval.metrics import table

    if not directory.is_dir():
        _error(f"{directory}: E001 no such folder" if not directory.exists() else f"{directory}: not a folder")
        raise typer.Exit(2)
    predict = _baseline_predictions(baseline) if baseline else _letopis_predictions(batch_size)
    bar = _progress_bar(progress, "scoring")
    report = factru.evaluate(directory, predict, export=export, progress=bar.update if bar is not None else None)
    if bar is not None:
        bar.close()
    if report.scored == 0:
        typer.echo(f"{report.documents} documents; no gold annotation (.tokens/.objects) to score against.")
        if min_f1 is not None:
            _error(f"{directory}: nothing to score, so the --min-f1 gate cannot pass")
            raise typer.Exit(3)
        return
    rows = dict(report.scores) | {"overall": report.overall}
    name = baseline.value if baseline else "letopis"
    typer.echo(f"factRuEval-2016 track 1 ({name}), {report.scored} documents")
    typer.echo(table("type", rows))
    if report.scored_facts and not baseline:
        typer.echo(f"\nfactRuEval-2016 track 3 ({name}), {report.scored_facts} documents")
        typer.echo(table("fact", {"occupation": report.facts["occupation"], "meeting": report.facts["meeting"]}))
    if min_f1 is not None and report.overall.f1 < min_f1:
        _error(f"overall F1 {report.overall.f1:.4f} is below the threshold {min_f1:.4f}")
        raise typer.Exit(3)
    occupation = report.facts["occupation"].f1
    if min_occupation_f1 is not None and (not report.scored_facts or occupation < min_occupation_f1):
        _error(f"Occupation F1 {occupation:.4f} is below the threshold {min_occupation_f1:.4f}")
        raise typer.Exit(3)
    meeting = report.facts["meeting"].f1
    if min_meeting_f1 is not None and (not report.scored_facts or meeting < min_meeting_f1):
        _error(f"Meeting F1 {meeting:.4f} is below the threshold {min_meeting_f1:.4f}")
        raise typer.Exit(3)


def _letopis_predictions(batch_size: int):
    def predict(docs):
        from .eval.factru import letopis_predictions
        from .pipeline import Pipeline

        yield from letopis_predictions(Pipeline.load(batch_size=batch_size), lambda e: _error(str(e)))(docs)

    return predict


def _baseline_predictions(baseline: Baseline):
    def predict(docs):
        from .baseline import factru_predictions

        geo = None
        if baseline is Baseline.natasha_geo:
            from .lang.base import get_language

            lang = get_language("ru")
            geo = lambda text: _known_country_or_city(lang, text)  # noqa: E731
        yield from factru_predictions(docs, geo)

    return predict


def _known_country_or_city(lang, text: str) -> bool:
    words = text.split()
    match = lang.lexicon.places.match(words, 0)
    if match and match[0] == len(words) and match[1].type == "COUNTRY":
        return True
    return any(lang.cities.lookup(form) for form in [text, *lang.lemmas(text)])


@eval_app.command("nerel")
def eval_nerel(
    directory: Annotated[Path, typer.Argument(help="A NEREL folder of brat files (N.txt with N.ann), e.g. nerel-v1.1/dev.", show_default=False)],
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit with code 3 when the overlap F1 of all mentions and relations is below this (a CI gate).")] = None,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Show a progress bar on standard error (default: when it is a terminal).")] = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
) -> None:
    """Score PERSON, PROFESSION, ORGANIZATION, COUNTRY, CITY mentions and the WORKS_AS and
    WORKPLACE relations against NEREL, with exact and with overlapping offsets.

    Example: letopis eval nerel ../shared/data/nerel-v1.1/dev
    """
    from .eval import nerel
    from .eval.metrics import Score, table
    from .pipeline import Pipeline
    from .runner import Summary, extract_stream

    if not directory.is_dir():
        _error(f"{directory}: E001 no such folder" if not directory.exists() else f"{directory}: not a folder")
        raise typer.Exit(2)
    golds = nerel.load(directory)
    if not golds:
        _error(f"{directory}: no brat documents (N.txt with N.ann) to score")
        raise typer.Exit(3 if min_f1 is not None else 2)

    def predict(docs):
        pipeline = Pipeline.load(batch_size=batch_size)
        docs = list(docs)
        done = {d.doc_id: d for d in extract_stream(docs, pipeline, Summary(), lambda e: _error(str(e)))}
        for doc in docs:
            yield done.get(doc.doc_id, doc)  # a document that failed counts as finding nothing

    bar = _progress_bar(progress, "scoring")
    report = nerel.evaluate(golds, predict, progress=bar.update if bar is not None else None)
    if bar is not None:
        bar.close()
    overall = Score()
    for score in report.overlap.values():
        overall.add(score)
    typer.echo(f"NEREL, {report.documents} documents — overlapping offsets")
    typer.echo(table("type", report.overlap | {"overall": overall}))
    typer.echo(f"\nNEREL, {report.documents} documents — exact offsets")
    typer.echo(table("type", report.exact))
    if min_f1 is not None and overall.f1 < min_f1:
        _error(f"overall overlap F1 {overall.f1:.4f} is below the threshold {min_f1:.4f}")
        raise typer.Exit(3)


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(help="A gold file in the 'Event gold' format of FORMATS.md (JSON Lines).", show_default=False)],
    data: Annotated[Path, typer.Option("--data", help="The folder the gold's `doc` paths are relative to.")] = Path("../shared/data"),
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit with code 3 when the overall relaxed F1 is below this (a CI gate).")] = None,
    min_strict_f1: Annotated[float | None, typer.Option("--min-strict-f1", help="Exit with code 3 when the overall strict F1 is below this.")] = None,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write every unmatched event (missed and spurious, without dates) to this JSON Lines file, with its sentence, for reading the errors.", show_default=False)] = None,
    annotation: Annotated[Path | None, typer.Option("--annotation", help="Score this second annotation (same format) instead of letopis: the agreement of two annotators, on the documents both cover.", show_default=False)] = None,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
) -> None:
    """Score events per PLOVER type against a gold file: strict (dates must agree at the gold's
    precision) and relaxed (without dates).

    Example: letopis eval events gold/events-dev.jsonl --data ../shared/data
    """
    from .eval import events
    from .eval.metrics import Score, table
    from .pipeline import Pipeline
    from .runner import Summary, extract_stream

    try:
        golds = events.load_gold(gold, data)
    except (OSError, ValueError, KeyError) as error:
        _error(f"{gold}: cannot read the gold file ({error})")
        raise typer.Exit(2) from None
    others = None
    if annotation is not None:
        try:
            others = events.load_gold(annotation, data)
        except (OSError, ValueError, KeyError) as error:
            _error(f"{annotation}: cannot read the annotation ({error})")
            raise typer.Exit(2) from None
        if not {o.path for o in others} & {g.path for g in golds}:
            _error(f"{annotation}: annotates none of the gold's documents")
            raise typer.Exit(2)

    def predict(docs):
        pipeline = Pipeline.load(batch_size=batch_size)
        done = {d.doc_id: d for d in extract_stream(docs, pipeline, Summary(), lambda e: _error(str(e)))}
        for doc in docs:
            yield done.get(doc.doc_id, doc)

    error_file = None
    if errors is not None:
        try:
            error_file = errors.open("w", encoding="utf-8")
        except OSError as error:
            _error(f"{errors}: cannot write the errors ({error.strerror or error})")
            raise typer.Exit(2) from None
    write_error = (lambda record: error_file.write(json.dumps(record, ensure_ascii=False) + "\n")) if error_file else None
    try:
        report = events.agreement(golds, others, write_error) if others is not None else events.evaluate(golds, predict, write_error)
    finally:
        if error_file:
            error_file.close()
    totals = {}
    for name, scores in (("strict", report.strict), ("relaxed", report.relaxed)):
        overall = Score()
        for score in scores.values():
            overall.add(score)
        totals[name] = overall
        typer.echo(f"events, {report.documents} documents — {name}{' (dates must agree)' if name == 'strict' else ' (without dates)'}")
        typer.echo(table("PLOVER", scores | {"overall": overall}) + "\n")
    if min_f1 is not None and totals["relaxed"].f1 < min_f1:
        _error(f"overall relaxed F1 {totals['relaxed'].f1:.4f} is below the threshold {min_f1:.4f}")
        raise typer.Exit(3)
    if min_strict_f1 is not None and totals["strict"].f1 < min_strict_f1:
        _error(f"overall strict F1 {totals['strict'].f1:.4f} is below the threshold {min_strict_f1:.4f}")
        raise typer.Exit(3)


@app.command()
def bench(
    directory: Annotated[Path | None, typer.Argument(help="A folder of texts (any input format extract reads); with --store, optional: the texts timed with and without storing.", show_default=False)] = None,
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also time natasha's own segment+morph+syntax+NER pass on the same texts.")] = True,
    threads: Annotated[int, typer.Option("--threads", min=1, help="Threads the numeric libraries may use (1 = one core).")] = 1,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Runs per measurement, each in a fresh process; the best is reported.")] = 3,
    batch_size: BatchSize = SETTINGS["batch_size"].default,
    max_chars: MaxChars = SETTINGS["max_chars"].default,
    store: Annotated[bool, typer.Option("--store", help="Time the store instead: its questions on a large store (generated into --db when missing), and, given a folder, the cost of storing over plain extraction.")] = False,
    db: Annotated[Path, typer.Option("--db", help="With --store: the store to time; generated with --events synthetic events when it does not exist.")] = Path("bench-store.duckdb"),
    events: Annotated[int, typer.Option("--events", min=1000, help="With --store: events of the generated store.")] = 1_000_000,
    service: Annotated[str | None, typer.Option("--service", help="Put a bounded load on a running `letopis serve` at this URL instead (latency percentiles per endpoint).", show_default=False)] = None,
    clients: Annotated[int, typer.Option("--clients", min=1, help="With --service: concurrent clients, each asking without pause.")] = 50,
    seconds: Annotated[float, typer.Option("--seconds", min=1, help="With --service: how long.")] = 30.0,
) -> None:
    """Print documents/s, characters/s and peak memory of the full extraction pipeline.

    Model loading is timed apart; each figure is the best of --repeat runs in fresh processes.
    With --store: the latency of the store's questions (best and median of 5) on a store of
    --events synthetic events, and the overhead of `ingest` over `extract` on the folder's texts.
    Example: letopis bench ../shared/data/factrueval-2016/devset
    Example: letopis bench --store ../shared/data/factrueval-2016/devset
    Example: letopis bench --service http://127.0.0.1:8000 --clients 50 --seconds 30
    """
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(threads)
    from . import bench as benchmark
    from .readers import read

    if service:
        from .service.load import run

        try:
            import aiohttp  # noqa: F401
        except ImportError:
            _error("--service needs aiohttp: pip install -e '.[bench]' (make install does)")
            raise typer.Exit(2) from None

        typer.echo(f"{clients} clients for {seconds:g} s against {service}")
        for name, tally in run(service, clients, seconds).items():
            typer.echo(tally.line(name))
        return
    if directory is None and not store:
        _error("a folder of texts is needed (or --store)")
        raise typer.Exit(2)
    texts = [item.text for item in read([str(directory)], max_chars=max_chars) if hasattr(item, "text")] if directory else []
    if directory and not texts:
        _error(f"{directory}: no readable documents")
        raise typer.Exit(2)
    if store:
        _bench_store(db, events, texts, repeat, batch_size)
        return
    typer.echo(f"{len(texts)} documents, {sum(map(len, texts)):,} characters, {threads} thread(s)")
    typer.echo(benchmark.measure(benchmark.bench_pipeline, texts, batch_size, repeat=repeat).line())
    if baseline:
        typer.echo(benchmark.measure(benchmark.bench_natasha, texts, repeat=repeat).line())


def _bench_store(path: Path, events: int, texts: list[str], repeat: int, batch_size: int) -> None:
    import resource
    import time

    from .store import Database, StoreError
    from .store import bench as store_bench

    try:
        if not path.exists():
            start = time.perf_counter()
            with Database(path) as made:
                from .store.generate import generate

                counts = generate(made, events)
            typer.echo(f"generated {counts.get('events', events):,} synthetic events into {path} in {time.perf_counter() - start:.1f} s "
                       f"({path.stat().st_size / 2**20:,.0f} MB)")
        with Database(path, read_only=True) as existing:
            stored = existing.scalar("SELECT count(*) FROM events")
        typer.echo(f"store {path}: {stored:,} events; each question asked 5 times on one read-only connection")
        for line in store_bench.lines(store_bench.time_queries(path)):
            typer.echo(line)
    except StoreError as error:
        _error(str(error))
        raise typer.Exit(2) from None
    if texts:
        typer.echo(f"{len(texts)} documents, {sum(map(len, texts)):,} characters: extract vs extract + ingest, batches of {batch_size}, best of {repeat}")
        typer.echo(f"(each storing run into a fresh copy of {path})")
        for line in store_bench.lines(store_bench.ingest_overhead(texts, repeat, batch_size, base=path)):
            typer.echo(line)
    typer.echo(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


from . import cli_store  # noqa: E402,F401 - registers the store's commands on `app`


def main() -> None:
    """Entry point: a failure is one line on standard error; LETOPIS_DEBUG=1 shows the traceback."""
    # One thread for the numeric libraries unless the caller says otherwise: a multi-threaded BLAS
    # sums in another order, and now and then a model's choice between two near-equal labels
    # flips, so the same text would not always give the same record (nor the record a Dask
    # worker, which runs single-threaded, gives). The cost: 6 % on 962 documents on two cores.
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    try:
        app()
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last guard: one line, not a traceback
        if os.environ.get("LETOPIS_DEBUG"):
            raise
        _error(f"internal error: {type(error).__name__}: {error} (set LETOPIS_DEBUG=1 for the traceback)")
        sys.exit(70)


if __name__ == "__main__":
    main()
