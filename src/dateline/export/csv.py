"""CSV export: one flat row per record (``export/rows.py``), lists as JSON text in a cell."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path

from dateline.export.rows import COLUMNS, rows
from dateline.records import Extraction


def write_csv(extractions: Iterable[Extraction], path: Path, what: str) -> int:
    n = 0
    names = [name for name, _ in COLUMNS[what]]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=names)
        writer.writeheader()
        for row in rows(extractions, what):
            writer.writerow(
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()}
            )
            n += 1
    return n
