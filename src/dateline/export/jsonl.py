"""JSON Lines export: whole extractions in the JSON contract (``--what articles``, which
``dateline ingest`` reads back without re-parsing) or flat rows of one record kind."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from dateline.export.rows import rows
from dateline.records import Extraction


def write_jsonl(extractions: Iterable[Extraction], path: Path, what: str = "articles") -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        records = (x.to_json() for x in extractions) if what == "articles" else rows(extractions, what)
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n
