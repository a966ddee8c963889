"""Record files: Parquet holding finished extractions (what ``dateline ingest --engine ray``
writes), read back as ready ``Extraction`` records so they are stored without parsing again.

The layout is one row per article: ``id``, ``record`` (the JSON contract of ``Extraction.to_json``,
as text) and ``rejection`` (why an input could not be read, else null), plus a few flat columns
for people looking at the file in DuckDB or pandas. A path is a record file when it ends in
``.parquet`` (a single file, or the directory of part files Ray writes) or starts with the
Parquet magic bytes. pyarrow is imported only when such a file is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError, Rejection
from dateline.records import Extraction

PARQUET_MAGIC = b"PAR1"


def is_record_file(path: str) -> bool:
    """Whether ``path`` is Parquet (a ``.parquet`` file or directory, or PAR1 bytes)."""
    candidate = Path(path)
    if path.endswith(".parquet") and candidate.exists():
        return True
    if candidate.is_file():
        try:
            with candidate.open("rb") as handle:
                return handle.read(4) == PARQUET_MAGIC
        except OSError:
            return False
    return False


def read_record_file(path: str, *, batch_rows: int = 1024) -> Iterator[Extraction | Rejection]:
    """Every extraction in a Parquet record file (or directory of part files), in file order."""
    try:
        import pyarrow.dataset as pads
    except ImportError:  # an optional extra: say how to get it
        raise ConfigError(f"{path}: reading Parquet needs pyarrow; pip install 'dateline[ray]'") from None
    try:
        dataset = pads.dataset(path, format="parquet")
        columns = [c for c in ("id", "record", "rejection") if c in dataset.schema.names]
        if "record" not in columns:
            yield Rejection(path, "Parquet file without a 'record' column; not Dateline record output")
            return
        for batch in dataset.to_batches(columns=columns, batch_size=batch_rows):
            for row in batch.to_pylist():
                yield _item(row, path)
    except (OSError, ValueError) as err:  # pyarrow.ArrowInvalid is a ValueError
        yield Rejection(path, f"cannot read as Parquet ({str(err)[:120]})")


def _item(row: dict[str, Any], path: str) -> Extraction | Rejection:
    if row.get("rejection"):
        return Rejection(path, str(row["rejection"]))
    try:
        return Extraction.from_json(json.loads(row["record"]))
    except (TypeError, KeyError, ValueError) as err:
        return Rejection(path, f"record {row.get('id')!r} does not match the JSON contract ({err})")
