"""The ``dateline`` command: a thin shell over ``dateline.core`` and the store.

Each submodule adds its commands to ``app``; this is the only place errors become exit codes.
"""

from __future__ import annotations

import sys

from dateline.cli import bench as _bench  # noqa: F401
from dateline.cli import evaluate as _evaluate  # noqa: F401  (registers commands)
from dateline.cli import export as _export  # noqa: F401
from dateline.cli import extract as _extract  # noqa: F401
from dateline.cli import query as _query  # noqa: F401
from dateline.cli import serve as _serve  # noqa: F401
from dateline.cli.app import app, console_err
from dateline.errors import DatelineError

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except DatelineError as err:
        console_err.print(f"[red]error:[/red] {err}", highlight=False)
        sys.exit(2)
