"""Commands that read articles: ``extract``, ``ingest``, ``show``, ``demo``."""

from __future__ import annotations

import gzip
import io
import json
import time
from collections import Counter
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from dateline.cli.app import DEFAULT_DB, DbOption, ModelOption, app, console, console_err
from dateline.cli.render import render_extraction
from dateline.errors import Rejection
from dateline.records import Extraction
from dateline.settings import DEFAULT_BATCH_SIZE
from dateline.store import open_store
from dateline.version import __version__

# spaCy, trafilatura and the pipeline are imported inside the commands that need them, so
# `dateline --help` and the query commands start without loading them.
if TYPE_CHECKING:
    from dateline.core import IngestReport
    from dateline.scale.ray_runner import RaySummary

Paths = Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.", show_default=False)]
AnyLanguageOption = Annotated[
    bool,
    typer.Option("--any-language", help="Parse articles in other languages than English too (default: skip them)."),
]


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: ModelOption = None,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch feed entries' linked pages (one host at a time, with timeouts).")
    ] = False,
    any_language: AnyLanguageOption = False,
) -> None:
    """Print the records found in articles; stores nothing.

    An article in another language than English is printed with its language, no records and
    the reason under "skipped" (the English pipeline would invent them); --any-language parses it anyway.
    """
    from dateline import core
    from dateline.ingest import read_inputs
    from dateline.nlp import load_pipeline

    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("use json, jsonl or table", param_hint="--format")
    nlp = load_pipeline(model)
    rejected: list[Rejection] = []
    articles = []
    for item in read_inputs(paths, fetch=fetch):
        if isinstance(item, Rejection):
            console_err.print(f"[yellow]rejected[/yellow] {item}", highlight=False)
            rejected.append(item)
        else:  # a JSON-contract line is extracted again from its article
            articles.append(item.article if isinstance(item, Extraction) else item)
    extractions = list(core.extract_many(articles, nlp, any_language=any_language))
    skipped = Counter(x.skipped for x in extractions if x.skipped)
    out = output.open("w", encoding="utf-8") if output else None
    try:
        if format == "table":
            for x in extractions:
                render_extraction(console, x)
        elif format == "json":
            payload = [x.to_json() for x in extractions]
            _write(json.dumps(payload, ensure_ascii=False, indent=2), out)
        else:
            for x in extractions:
                _write(json.dumps(x.to_json(), ensure_ascii=False), out)
    finally:
        if out:
            out.close()
    for reason, count in sorted(skipped.items()):
        console_err.print(f"skipped {count} · {reason} · not parsed (--any-language parses it)", highlight=False)
    if rejected:
        raise typer.Exit(1)


def _write(line: str, out: object) -> None:
    if out is None:
        typer.echo(line)
    else:
        out.write(line + "\n")  # type: ignore[attr-defined]


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = DEFAULT_DB,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch and per transaction.")] = (
        DEFAULT_BATCH_SIZE
    ),
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Worker processes (default: every usable core).", min=1)
    ] = None,
    engine: Annotated[
        str, typer.Option(help="local (worker processes) | ray (a Ray cluster, writes Parquet)")
    ] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address for --engine ray (e.g. auto); default: a local Ray.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="--engine ray: the Parquet record output (a directory).")
    ] = None,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch feed entries' linked pages (one host at a time, with timeouts).")
    ] = False,
    any_language: AnyLanguageOption = False,
) -> None:
    """Extract records from articles and store them (idempotent and resumable: stored texts are skipped).

    Parquet record files written by --engine ray are stored as they are, without parsing.
    """
    from dateline.parallel import usable_cpus

    if engine not in ("local", "ray"):
        raise typer.BadParameter("use local or ray", param_hint="--engine")
    if engine == "ray":
        if output is None:
            raise typer.BadParameter("--engine ray writes Parquet records; give -o OUT.parquet", param_hint="-o")
        from dateline.scale.ray_runner import run_ray

        summary = run_ray(
            paths,
            output,
            address=address,
            workers=workers,
            model=model,
            batch_size=batch_size,
            any_language=any_language,
        )
        _print_ray_summary(summary, output)
        return
    report = _ingest_with_progress(
        paths, db, model, batch_size, workers or usable_cpus(), fetch=fetch, any_language=any_language
    )
    _print_report(report, db)
    if report.failed:
        raise typer.Exit(1)


def _print_ray_summary(summary: RaySummary, output: Path) -> None:
    skipped = f" (skipped {summary.skipped}: not English, not parsed)" if summary.skipped else ""
    console_err.print(
        f"Extracted {summary.records}{skipped} · rejected {summary.rejected} · {summary.seconds:.1f} s"
        f" ({summary.records / max(summary.seconds, 1e-9):.1f} articles/s; Ray start-up {summary.startup:.1f} s"
        f" before that) → {output}\n"
        f"Load into a store with: dateline ingest {output} --db DB",
        highlight=False,
    )
    if summary.rejected:
        raise typer.Exit(1)


def _ingest_with_progress(
    paths: list[str],
    db: str,
    model: str | None,
    batch_size: int,
    workers: int = 1,
    *,
    fetch: bool = False,
    any_language: bool = False,
    keep_ids: bool = False,
) -> IngestReport:
    from dateline import core
    from dateline.nlp import load_pipeline, model_name

    total = _estimate_total(paths)
    if total is not None:  # no more workers than batches: each one costs a model load
        workers = max(1, min(workers, -(-total // batch_size)))
    from dateline.ingest.records import is_record_file

    # With several workers the parent only reads and writes: the workers load the model.
    # Record files (Ray's Parquet output) are stored as they are: no model at all.
    records_only = all(is_record_file(p) for p in paths)
    nlp = load_pipeline(model) if workers == 1 and not records_only else None
    if records_only:
        name = "none (stored records, not parsed)"
    else:
        name = model_name(nlp) if nlp is not None else (model or "default English model")
    console_err.print(f"Dateline {__version__} · model {name} · {workers} worker(s)", highlight=False)
    started = time.perf_counter()
    with (
        open_store(db) as store,
        Progress(
            TextColumn("Ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console_err,
            transient=False,
        ) as progress,
    ):
        task = progress.add_task("ingest", total=total, rate="")

        def on_progress(report: IngestReport) -> None:
            rate = report.seen / max(1e-9, time.perf_counter() - started)
            progress.update(task, completed=report.seen, rate=f"{rate:.1f} articles/s")

        report = core.ingest(
            paths,
            store,
            nlp,
            batch_size=batch_size,
            workers=workers,
            model=model,
            on_progress=on_progress,
            fetch=fetch,
            any_language=any_language,
            keep_ids=keep_ids,
        )
        progress.update(task, completed=report.seen, total=report.seen)
    return report


def _count_lines(stream: io.BufferedIOBase) -> int:
    return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))


def _estimate_total(paths: list[str]) -> int | None:
    """Roughly how many articles the inputs hold (JSONL lines, files in folders), for the ETA.

    Counting lines costs a fast pass over the bytes, far less than parsing; None when unknown.
    """
    from dateline.ingest.records import is_record_file
    from dateline.ingest.sources import sniff

    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or is_record_file(raw):
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.name.endswith(".meta.json"):
                continue
            try:
                with file.open("rb") as handle:
                    head = handle.read(8192)
                    kind = sniff(head, file.name)
                    if kind in ("jsonl", "jsonl.gz"):
                        handle.seek(0)
                        total += _count_lines(gzip.open(handle) if kind == "jsonl.gz" else handle)
                    else:
                        total += 1
            except (OSError, EOFError):
                total += 1
    return total or None


def _print_report(report: IngestReport, db: str) -> None:
    for rejection in report.rejected:
        console_err.print(f"[yellow]rejected[/yellow] {rejection}", highlight=False)
    if report.n_rejected > len(report.rejected):
        console_err.print(
            f"[yellow]rejected[/yellow] … and {report.n_rejected - len(report.rejected)} more (dateline -v ingest logs each)",
            highlight=False,
        )
    console_err.print(
        f"Stored {report.stored} · duplicates {report.duplicates} · rejected {report.n_rejected} → {db}\n"
        f"parsed {report.parsed} on {report.workers} worker(s) · skipped before parsing {report.known}"
        f" · loaded from records {report.loaded}"
        + (f" · peak RSS {report.peak_rss / 2**20:.0f} MB per worker" if report.parsed else ""),
        highlight=False,
    )
    if report.near_duplicates:
        console_err.print(
            f"near-duplicates {report.near_duplicates} · recorded as copies (seen_at) of stored articles",
            highlight=False,
        )
    for reason, count in sorted(report.skipped.items()):
        console_err.print(f"skipped {count} · {reason}", highlight=False)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of it).")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Show one stored article with its records."""
    with open_store(db) as store:
        found = store.get(article_id)
    if found is None:
        console_err.print(f"[red]error:[/red] no article {article_id!r} in {db}", highlight=False)
        raise typer.Exit(1)
    if format == "json":
        typer.echo(json.dumps(found.to_json(), ensure_ascii=False, indent=2))
    else:
        render_extraction(console, found, max_quotes=100)


SAMPLE_FILES = ("mehr-qalandari.txt", "wikinews.jsonl")


@app.command()
def demo(db: DbOption = DEFAULT_DB, model: ModelOption = None) -> None:
    """Run Dateline on its bundled sample articles and summarise what it found."""
    samples = files("dateline.samples")
    with as_file(samples) as folder:
        paths = [str(Path(folder) / name) for name in SAMPLE_FILES]
        report = _ingest_with_progress(paths, db, model, DEFAULT_BATCH_SIZE, keep_ids=True)
    _print_report(report, db)
    with open_store(db) as store:
        extractions = [x for i in report.ids if (x := store.get(i)) is not None]
    if not extractions:
        return
    console.print()
    render_extraction(console, extractions[0], max_quotes=3)
    console.print()
    _summary_table(extractions[1:])
    console.print(
        "\nNext: [bold]dateline show ID[/bold] · [bold]dateline extract FILE --format table[/bold] · "
        "[bold]dateline --help[/bold]",
        highlight=False,
    )


def _summary_table(extractions: list[Extraction]) -> None:
    table = Table(title=f"{len(extractions)} more sample articles", show_lines=False, expand=True)
    table.add_column("published", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("entities", justify="right")
    table.add_column("quotes", justify="right")
    table.add_column("events", justify="right")
    table.add_column("top speaker", ratio=1)
    for x in extractions:
        speakers = [q.speaker_name for q in x.quotes if q.speaker_name]
        top = max(set(speakers), key=speakers.count) if speakers else ""
        table.add_row(
            x.article.published or "",
            x.article.title or x.id,
            str(len(x.entities)),
            str(len(x.quotes)),
            str(len(x.events)),
            top,
        )
    console.print(table)
