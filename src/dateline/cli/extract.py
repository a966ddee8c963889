"""Commands that read articles: ``extract``, ``ingest``, ``show``, ``demo``."""

from __future__ import annotations

import json
import time
from importlib.resources import as_file, files
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline import core
from dateline.cli.app import DEFAULT_DB, DbOption, ModelOption, app, console, console_err
from dateline.cli.render import render_extraction
from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.nlp import load_pipeline, model_name
from dateline.records import Extraction
from dateline.store import open_store
from dateline.version import __version__

Paths = Annotated[list[str], typer.Argument(help="Files, folders or - for stdin.", show_default=False)]


@app.command()
def extract(
    paths: Paths,
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: ModelOption = None,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch feed entries' linked pages (one host at a time, with timeouts).")
    ] = False,
) -> None:
    """Print the records found in articles; stores nothing."""
    if format not in ("json", "jsonl", "table"):
        raise typer.BadParameter("use json, jsonl or table", param_hint="--format")
    nlp = load_pipeline(model)
    rejected: list[Rejection] = []
    articles = []
    for item in read_inputs(paths, fetch=fetch):
        if isinstance(item, Rejection):
            console_err.print(f"[yellow]rejected[/yellow] {item}", highlight=False)
            rejected.append(item)
        else:
            articles.append(item)
    extractions = list(core.extract_many(articles, nlp))
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
    batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch.")] = core.DEFAULT_BATCH_SIZE,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch feed entries' linked pages (one host at a time, with timeouts).")
    ] = False,
) -> None:
    """Extract records from articles and store them (idempotent: known texts are skipped)."""
    report = _ingest_with_progress(paths, db, model, batch_size, fetch=fetch)
    _print_report(report, db)
    if report.failed:
        raise typer.Exit(1)


def _ingest_with_progress(
    paths: list[str], db: str, model: str | None, batch_size: int, *, fetch: bool = False
) -> core.IngestReport:
    nlp = load_pipeline(model)
    console_err.print(f"Dateline {__version__} · model {model_name(nlp)}", highlight=False)
    started = time.perf_counter()
    with (
        open_store(db) as store,
        Progress(
            TextColumn("Reading articles"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=console_err,
            transient=False,
        ) as progress,
    ):
        task = progress.add_task("ingest", total=None, rate="")

        def on_progress(report: core.IngestReport) -> None:
            done = report.stored + report.duplicates + len(report.rejected)
            rate = report.stored / max(1e-9, time.perf_counter() - started)
            progress.update(task, completed=done, rate=f"{rate:.1f} articles/s")

        report = core.ingest(paths, store, nlp, batch_size=batch_size, on_progress=on_progress, fetch=fetch)
        progress.update(task, total=report.stored + report.duplicates + len(report.rejected))
    return report


def _print_report(report: core.IngestReport, db: str) -> None:
    for rejection in report.rejected:
        console_err.print(f"[yellow]rejected[/yellow] {rejection}", highlight=False)
    console_err.print(
        f"Stored {report.stored} · duplicates {report.duplicates} · rejected {len(report.rejected)} → {db}",
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
        report = _ingest_with_progress(paths, db, model, core.DEFAULT_BATCH_SIZE)
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
