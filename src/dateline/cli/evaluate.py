"""``dateline eval …``: score the extractors on public gold data sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dateline.cli.app import app, console, console_err
from dateline.settings import shared_data_dir

eval_app = typer.Typer(help="Score Dateline's extractors on public gold data sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("extraction")
def extraction(
    data: Annotated[
        Path | None, typer.Option("--data", help="A NAEB-format folder (default: ../shared/data/extraction/naeb-dev).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N pages.")] = None,
) -> None:
    """Body F1 (NAEB 4-gram scorer), exact-day dates, titles and authors: ours vs plain trafilatura."""
    from dateline.evaluate.extraction import evaluate_extraction

    folder = data or shared_data_dir() / "extraction" / "naeb-dev"
    if not folder.is_dir():
        console_err.print(f"[red]error:[/red] {folder}: no such folder; pass --data", highlight=False)
        raise typer.Exit(2)
    scores = evaluate_extraction(folder, limit)
    if as_json:
        typer.echo(json.dumps([s.to_json() for s in scores], indent=2))
        return
    table = Table(title=f"Article extraction on {folder} ({scores[0].pages} pages)")
    for column in ("extractor", "P", "R", "F1", "empty", "date", "title", "author", "s"):
        table.add_column(column, justify="left" if column == "extractor" else "right", no_wrap=True)
    for s in scores:
        table.add_row(
            s.name,
            f"{s.precision:.4f}",
            f"{s.recall:.4f}",
            f"{s.f1:.4f}",
            str(s.empty),
            f"{s.dates_right}/{s.dates_gold}",
            f"{s.titles_right}/{s.titles_gold}",
            f"{s.authors_right}/{s.authors_gold}",
            f"{s.seconds:.1f}",
        )
    console.print(table)
    console.print("date = exact day, title and author = exact match (case and spacing folded)", highlight=False)
