"""Commands that read the store: ``quotes``, ``events``, ``actors``, ``search``, ``stats``.

Each parses its options into a filter from ``dateline.store.query``, calls the store and
formats the rows: ``table`` for people, ``jsonl`` and ``csv`` for pipes. Bad user input
(search syntax, dates) arrives as ``QueryError`` and is printed as one line by ``cli.main``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from dateline.cli.app import DEFAULT_DB, DbOption, app, console
from dateline.errors import StoreError
from dateline.store import EventFilter, QuoteFilter, Store, open_store
from dateline.store.base import is_database_url

FormatOption = Annotated[str, typer.Option("--format", "-f", help="table | jsonl | csv")]
Since = Annotated[str | None, typer.Option("--since", help="Published on or after (YYYY, YYYY-MM, YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="Published on or before (YYYY, YYYY-MM, YYYY-MM-DD).")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many rows.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows (paging).")]
ArticleOption = Annotated[str | None, typer.Option("--article", help="Only this article id.")]


def open_existing(db: str) -> Store:
    """The store at ``db``; a missing SQLite file is an error here, not a new empty database."""
    if not is_database_url(db) and not Path(db).exists():
        raise StoreError(f"no database at {db}; run `dateline ingest FILES --db {db}` first or pass --db")
    return open_store(db)


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: list[tuple[str, str]], title: str) -> None:
    """Rows as a Rich table (``columns`` = key, header), JSON lines or CSV on stdout."""
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        if not rows:
            return
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()}
            )
    else:
        table = Table(title=title, expand=True, show_lines=False)
        for _, header in columns:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*(escape(_cell(row.get(key))) for key, _ in columns))
        console.print(table)
        if not rows:
            console.print("[dim]nothing found[/dim]")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name or part of it.")] = None,
    about: Annotated[str | None, typer.Option(help="Full-text search in what was said.")] = None,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[str | None, typer.Option(help="Source outlet (part of its name).")] = None,
    article: ArticleOption = None,
    limit: Limit = 50,
    offset: Offset = 0,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = "table",
) -> None:
    """Who said what: stored quotes, newest first."""
    _check_format(format)
    f = QuoteFilter(speaker, about, since, until, outlet, article, limit=limit, offset=offset)
    with open_existing(db) as store:
        rows = store.quotes(f)
    columns = [("published", "published"), ("speaker_name", "speaker"), ("cue", "cue"), ("content", "quote")]
    emit(rows, format, columns + [("source", "outlet")], "Quotes")


@app.command()
def events(
    actor: Annotated[str | None, typer.Option(help="Actor code (IRN matches IRNMIL) or name, either side.")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (ASSAULT, CONSULT, …).")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code or name.")] = None,
    since: Since = None,
    until: Until = None,
    article: ArticleOption = None,
    limit: Limit = 100,
    offset: Offset = 0,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = "table",
) -> None:
    """Who did what to whom: stored events, newest first."""
    _check_format(format)
    f = EventFilter(actor, type, target, since, until, article, limit=limit, offset=offset)
    with open_existing(db) as store:
        rows = store.events(f)
    columns = [
        ("published", "published"),
        ("when", "when"),
        ("source_names", "source"),
        ("type", "type"),
        ("cameo", "cameo"),
        ("target_names", "target"),
        ("where_name", "where"),
        ("evidence", "evidence"),
    ]
    emit(rows, format, columns, "Events")


@app.command()
def actors(
    top: Annotated[int, typer.Option("--top", "-n", min=0, help="How many actors.")] = 20,
    kind: Annotated[str | None, typer.Option(help="person | org | place | group")] = None,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = "table",
) -> None:
    """Who is quoted most, across articles, with counts and first/last seen."""
    _check_format(format)
    with open_existing(db) as store:
        rows = store.actors(top, kind)
    columns = [
        ("id", "id"),
        ("name", "name"),
        ("kind", "kind"),
        ("actor_code", "code"),
        ("n_quotes", "quotes"),
        ("n_events", "events"),
        ("n_articles", "articles"),
        ("first_seen", "first seen"),
        ("last_seen", "last seen"),
    ]
    emit(rows, format, columns, "Actors")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help='Words, "a phrase", AND/OR/NOT, prefix*.')],
    limit: Limit = 20,
    db: DbOption = DEFAULT_DB,
    format: FormatOption = "table",
) -> None:
    """Full-text search over article text and quotes; matched words are [marked]."""
    _check_format(format)
    with open_existing(db) as store:
        rows = store.search(text, limit)
    columns = [("kind", "in"), ("published", "published"), ("title", "title"), ("snippet", "snippet")]
    emit(rows, format, columns, f"Search: {text}")


@app.command()
def stats(db: DbOption = DEFAULT_DB, format: FormatOption = "table") -> None:
    """Counts per table, per outlet and per month."""
    _check_format(format)
    with open_existing(db) as store:
        found = store.stats()
    if format == "jsonl":
        typer.echo(json.dumps(found, ensure_ascii=False))
        return
    tables = [{"table": k, "rows": v} for k, v in found["tables"].items()]
    if format == "csv":  # one flat table: what is counted, its name, and the counts
        flat = [{"group": "table", "name": t["table"], "rows": t["rows"]} for t in tables]
        for group, key in (("outlet", "source"), ("month", "month")):
            for row in found[f"{group}s"]:
                flat.append({"group": group, "name": row[key], "rows": row["articles"]})
        emit(flat, "csv", [], "")
        return
    emit(tables, "table", [("table", "table"), ("rows", "rows")], "Tables")
    counts = [("articles", "articles"), ("quotes", "quotes"), ("events", "events")]
    emit(found["outlets"], "table", [("source", "outlet"), *counts], "Per outlet")
    emit(found["months"], "table", [("month", "month"), *counts], "Per month")
