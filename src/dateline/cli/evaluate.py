"""``dateline eval …``: score the extractors on public gold data sets."""

from __future__ import annotations

import typer

from dateline.cli.app import app

eval_app = typer.Typer(help="Score Dateline's extractors on public gold data sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
