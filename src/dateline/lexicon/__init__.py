"""Reviewable data files: gazetteers, titles, lexicons (TSV with a header row).

``rows(filename)`` reads one: comment lines (``#``) and blank lines skipped, cells as written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources


def rows(filename: str) -> Iterator[dict[str, str]]:
    """The data rows of ``filename`` in this package, keyed by its header row."""
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
