"""``dateline export``: stored records to JSONL, CSV, Parquet, GDELT or POLECAT-style files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dateline.cli.app import DEFAULT_DB, DbOption, app, console_err
from dateline.cli.query import open_existing
from dateline.export import DEFAULT_WHAT, FORMATS, export


@app.command("export")
def export_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    format: Annotated[str, typer.Option("--format", "-f", help=" | ".join(FORMATS))] = "jsonl",
    what: Annotated[
        str | None,
        typer.Option(
            help="quotes | events | entities | articles (default: articles for jsonl, quotes for csv/parquet)."
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export stored records; every row carries its source's licence, attribution and evidence."""
    if format not in FORMATS:
        raise typer.BadParameter(f"use one of {', '.join(FORMATS)}", param_hint="--format")
    with open_existing(db) as store:
        n = export(store.iter_extractions(), format, what, output)
    kind = what or DEFAULT_WHAT[format]
    extra = f" (+ {output}.sources.tsv)" if format == "gdelt" else ""
    console_err.print(f"Wrote {n} {kind} as {format} → {output}{extra}", highlight=False)
