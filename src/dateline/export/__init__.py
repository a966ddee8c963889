"""Export: stored extractions to the files researchers already use.

``export(extractions, format, what, path)`` writes ``jsonl`` (the JSON contract, or flat rows),
``csv``, ``parquet``, ``gdelt`` (GDELT 2.0's 61-column event table) or ``plover``
(POLECAT-style JSON). Every format carries each record's source licence, attribution and an
evidence snippet (GDELT in a ``.sources.tsv`` sidecar). Reads records only; knows no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.errors import DatelineError
from dateline.export.csv import write_csv
from dateline.export.gdelt import GDELT_COLUMNS, write_gdelt
from dateline.export.jsonl import write_jsonl
from dateline.export.plover import write_plover
from dateline.export.rows import WHATS
from dateline.records import Extraction

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
# What each format writes when --what is not given.
DEFAULT_WHAT = {"jsonl": "articles", "csv": "quotes", "parquet": "quotes", "gdelt": "events", "plover": "events"}


class ExportError(DatelineError):
    """An export that cannot be written as asked (unknown format, events-only format)."""


def export(extractions: Iterable[Extraction], format: str, what: str | None, path: Path) -> int:
    """Write the records; returns how many rows (or articles, for JSONL extractions) were written."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    kind = what or DEFAULT_WHAT[format]
    if kind not in WHATS:
        raise ExportError(f"cannot export {kind!r}; use one of {', '.join(WHATS)}")
    if format in ("gdelt", "plover") and kind != "events":
        raise ExportError(f"the {format} format holds events only; drop --what or use --what events")
    if format == "jsonl":
        return write_jsonl(extractions, path, kind)
    if format == "csv":
        return write_csv(extractions, path, kind)
    if format == "parquet":
        # Imported here: pyarrow takes 0.12 s to import, which every query command (`dateline
        # quotes`, which imports this package through the CLI) would pay otherwise.
        from dateline.export.parquet import write_parquet

        return write_parquet(extractions, path, kind)
    if format == "gdelt":
        return write_gdelt(extractions, path)
    return write_plover(extractions, path)


__all__ = ["DEFAULT_WHAT", "FORMATS", "GDELT_COLUMNS", "ExportError", "export"]
