"""Parquet export via pyarrow (readable by pandas, polars, DuckDB): typed columns from
``export/rows.py``, lists as Arrow lists, written in row groups so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dateline.export.rows import COLUMNS, rows
from dateline.records import Extraction

TYPES: dict[str, Any] = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "strs": pa.list_(pa.string()),
    "spans": pa.list_(pa.list_(pa.int64())),
}
BATCH = 50_000


def schema(what: str) -> pa.Schema:
    return pa.schema([(name, TYPES[kind]) for name, kind in COLUMNS[what]])


def write_parquet(extractions: Iterable[Extraction], path: Path, what: str) -> int:
    n = 0
    shape = schema(what)
    found = rows(extractions, what)
    with pq.ParquetWriter(path, shape) as writer:
        while batch := list(islice(found, BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=shape))
            n += len(batch)
    return n
