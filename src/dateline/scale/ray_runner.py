"""The cluster runner: ``dateline ingest --engine ray INPUT -o OUT.parquet``.

Maps the same ``core.extract_many`` over the input with Ray Data and writes Parquet record
files (the layout ``dateline.ingest.records`` reads back). It holds no extraction logic of its
own: reading is ``ingest.read_inputs``, extraction is ``core.extract_many``, the row is
``Extraction.to_json``.

Plan: one row per input file (the partitions) → read tasks turn each file into article rows,
cut into small blocks so every actor gets work even from one big JSONL → an actor pool, one
actor per worker CPU, each loading the spaCy pipeline once → ``write_parquet`` on the workers.
On a real cluster, start Ray (``ray start --head`` / ``ray up``), put the input on storage every
node can read (NFS, S3 via a path pyarrow understands) and run with ``--address auto``.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline import core
from dateline.errors import ConfigError, Rejection
from dateline.ingest import read_inputs
from dateline.nlp import load_pipeline
from dateline.records import Extraction

# Reading and writing are light next to parsing: give their tasks a sliver of a CPU so they
# never wait behind the actors that hold every core.
LIGHT_TASK_CPUS = 0.05
# An actor parses on one core but books slightly less, so that with one actor per CPU the
# light read/write tasks still fit in the cluster's CPU budget (at 1.0 they would wait forever).
ACTOR_CPUS = 0.9
ROWS_PER_FILE = 10_000  # Parquet part files of a useful size despite the small blocks
BYTES_PER_ARTICLE = 4096  # a typical news article with its metadata, as a JSON row


@dataclass(frozen=True)
class RaySummary:
    records: int
    rejected: int
    seconds: float
    workers: int


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("published", pa.string()),
            ("n_entities", pa.int32()),
            ("n_quotes", pa.int32()),
            ("n_events", pa.int32()),
            ("record", pa.string()),  # the JSON contract of the extraction
            ("rejection", pa.string()),  # why an input could not be read, else null
        ]
    )


def _read_partition(batch: dict[str, Any], block_articles: int) -> Iterator[dict[str, list[Any]]]:
    """Input files → rows of ``article`` (JSON of id + metadata + text) or ``rejection``.

    Yields blocks of ``block_articles`` rows, so one big input file still spreads over every actor.
    """
    rows: dict[str, list[Any]] = {"article": [], "rejection": []}
    for path in batch["path"]:
        for item in read_inputs([str(path)]):
            if isinstance(item, Rejection):
                rows["article"].append(None)
                rows["rejection"].append(str(item))
            else:  # a JSON-contract line is extracted again from its article, as `dateline extract` does
                article = item.article if isinstance(item, Extraction) else item
                rows["article"].append(
                    json.dumps({"id": article.id, "article": article.metadata()}, ensure_ascii=False)
                )
                rows["rejection"].append(None)
            if len(rows["article"]) >= block_articles:
                yield rows
                rows = {"article": [], "rejection": []}
    if rows["article"]:
        yield rows


class _Extractor:
    """One per actor: the pipeline is loaded once, in the constructor."""

    def __init__(self, model: str | None, batch_size: int) -> None:
        self.nlp = load_pipeline(model)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        items = [
            Rejection("ray input", str(rejection)) if article is None else _article(article)
            for article, rejection in zip(batch["article"], batch["rejection"], strict=True)
        ]
        parsed = iter(
            core.extract_many(
                (x.article for x in items if isinstance(x, Extraction)), self.nlp, batch_size=self.batch_size
            )
        )
        rows = []
        for item in items:
            if isinstance(item, Rejection):
                rows.append(_row(None, item.reason))
            else:
                rows.append(_row(next(parsed), None))
        return pa.Table.from_pylist(rows, schema=_schema())


def _article(article_json: str) -> Extraction:
    # An Extraction with no records yet is the JSON contract's way to carry an Article.
    return Extraction.from_json(json.loads(article_json))


def _row(x: Extraction | None, rejection: str | None) -> dict[str, Any]:
    if x is None:
        return {"id": None, "rejection": rejection}
    return {
        "id": x.id,
        "source": x.article.source,
        "published": x.article.published,
        "n_entities": len(x.entities),
        "n_quotes": len(x.quotes),
        "n_events": len(x.events),
        "record": json.dumps(x.to_json(), ensure_ascii=False),
        "rejection": None,
    }


def input_files(paths: list[str]) -> list[str]:
    """The partitions: every file named or found under a named folder, sorted."""
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(str(p) for p in path.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
        else:
            files.append(raw)  # as given (fetched_from names it); a missing path becomes a rejection row
    return files


def run_ray(
    paths: list[str],
    output: Path | str,
    *,
    address: str | None = None,
    workers: int | None = None,
    model: str | None = None,
    batch_size: int = core.DEFAULT_BATCH_SIZE,
) -> RaySummary:
    """Extract every article in ``paths`` on Ray with ``workers`` actors; Parquet parts into ``output``.

    Uses the running Ray when there is one (``ray.init`` already called), else connects to
    ``address`` (``auto`` = the cluster this machine belongs to) or starts a local Ray.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigError("--engine ray needs Ray; pip install 'dateline[ray]'") from None
    if "-" in paths:
        raise ConfigError("--engine ray reads files, not stdin; save the input to a file first")
    output = Path(output).resolve()
    if output.exists() and any(output.iterdir() if output.is_dir() else [output]):
        raise ConfigError(f"{output}: already exists; choose a new output path (Parquet parts are never overwritten)")
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=workers if address is None else None, log_to_driver=False)
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # Ray merges what one read task yields into blocks of up to 128 MiB: one big JSONL would be
    # one block for one actor. Blocks of about a batch of articles spread it over every actor.
    # (Ray's streaming repartition would need a whole CPU of its own, which the actors hold.)
    context = ray.data.DataContext.get_current()
    context.target_max_block_size = batch_size * BYTES_PER_ARTICLE
    started = time.perf_counter()
    files = input_files(paths)
    ds: Any = ray.data.from_items([{"path": f} for f in files], override_num_blocks=max(1, len(files)))
    ds = ds.map_batches(_read_partition, fn_args=(batch_size,), batch_size=1, num_cpus=LIGHT_TASK_CPUS)
    ds = ds.map_batches(
        _Extractor,
        fn_constructor_args=(model, batch_size),
        batch_size=batch_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=ACTOR_CPUS,
    )
    ds.write_parquet(str(output), min_rows_per_file=ROWS_PER_FILE, ray_remote_args={"num_cpus": LIGHT_TASK_CPUS})
    seconds = time.perf_counter() - started
    records, rejected = count_rows(output)
    return RaySummary(records=records, rejected=rejected, seconds=seconds, workers=actors)


def count_rows(output: Path | str) -> tuple[int, int]:
    """Records and rejections in a Parquet record output, reading one column only."""
    import pyarrow.compute as pc
    import pyarrow.dataset as pads

    if not os.path.exists(output):
        return 0, 0
    table = pads.dataset(str(output), format="parquet").to_table(columns=["rejection"])
    rejected = int(pc.sum(pc.is_valid(table["rejection"])).as_py() or 0)
    return table.num_rows - rejected, rejected
