"""The cluster runner: ``dateline ingest --engine ray INPUT -o OUT.parquet``.

Maps ``core.extract_chunk`` (what the local workers run) over the input with Ray Data and
writes Parquet record files (the layout ``dateline.ingest.records`` reads back). It holds no
extraction logic of its own: reading is ``ingest.read_inputs``, extraction is
``core.extract_chunk``, the row is ``Extraction.to_json``.

Plan: one row per input file (the partitions) → read tasks turn each file into article rows,
cut into small blocks so every actor gets work even from one big JSONL → an actor pool, one
actor per worker CPU, each loading the spaCy pipeline once → ``write_parquet`` on the workers.
On a real cluster, start Ray (``ray start --head`` / ``ray up``), put the input on storage every
node can read (NFS, S3 via a path pyarrow understands) and run with ``--address auto``.

Only the actors import spaCy and ``core`` (lazily, in ``_Extractor``): the driver and the
read and write tasks stay light, which matters when they share a machine with the actors.
``bench/ray_scaling.py`` measures where the time goes (start-up, first batch, steady state).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError, Rejection
from dateline.ingest import read_inputs
from dateline.records import Article, Extraction
from dateline.settings import DEFAULT_BATCH_SIZE

# Reading and writing are light next to parsing: give their tasks a sliver of a CPU so they
# never wait behind the actors that hold every core.
LIGHT_TASK_CPUS = 0.05
# An actor parses on one core but books slightly less, so that with one actor per CPU the
# light read/write tasks still fit in the cluster's CPU budget (at 1.0 they would wait forever).
ACTOR_CPUS = 0.9
ROWS_PER_FILE = 1_000  # Parquet part files of about 7 MB, written while the actors parse
# Block bytes per article of a batch: a Tehran Times article is about 2.6 KB as a JSON row, so
# blocks come out at about two thirds of a batch and an actor's task (blocks bundled up to a
# batch) at one to one and a half batches, a few seconds of parsing. At 4 KB per article a task
# was two batches and, on 300 articles, the last one kept one actor busy 8 s after the other
# had finished; much smaller blocks cost a round trip through the object store per few rows.
BLOCK_BYTES_PER_ARTICLE = 2048
# Each actor holds the task it parses and the next one, so it never waits for the driver
# between tasks; more would leave one actor a queue to finish while the other idles at the end.
TASKS_PER_ACTOR = 2
# Idle worker processes a local Ray keeps for the read and Parquet-write tasks. Ray's default
# keeps idle workers only up to the CPUs nobody holds, and the actors hold nearly all of them:
# none, so each of those tasks after a second of idleness started a new Python worker (Ray and
# Ray Data imports, about 1.5 CPU s) and the last write after the last batch waited for one:
# 2.9-3.9 s between the last batch and the end of the run against 0.2-0.6 s with warm workers
# (100 articles, machine at load 7-10).
IDLE_WORKERS = 2
# Ray's system settings for a local Ray the runner starts itself. Never for ``--address``:
# a cluster's system settings belong to whoever started it (and Ray refuses them on connect).
# Ray's switches for work we do not use (task events to the GCS, event stats, metrics, the
# memory monitor, debug dumps; Ray Data's progress bars, USS polling, dataset ids from the
# stats actor) were measured in CPU seconds per process on 300-article runs and changed
# nothing beyond run-to-run noise (README, Ray section): none is set here.
LOCAL_SYSTEM_CONFIG: dict[str, Any] = {"num_workers_soft_limit": IDLE_WORKERS}


@dataclass(frozen=True)
class RaySummary:
    records: int  # Parquet rows with a record (parsed, or skipped: not English)
    rejected: int
    seconds: float  # from the first read to the last Parquet file, Ray already running
    workers: int
    startup: float = 0.0  # seconds to start or join Ray (ray.init), before ``seconds``
    skipped: int = 0  # records of articles not parsed (not English), among ``records``


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
            ("skipped", pa.string()),  # why the article was not parsed (not English), else null
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

    def __init__(self, model: str | None, any_language: bool = False) -> None:
        from dateline.nlp import load_pipeline

        self.nlp = load_pipeline(model)
        self.any_language = any_language

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        from dateline import core

        items = [
            Rejection("ray input", str(rejection)) if article is None else _article(article)
            for article, rejection in zip(batch["article"], batch["rejection"], strict=True)
        ]
        # core.extract_chunk, as the local workers run it: a memory zone per batch keeps the
        # actor's vocab flat, and an article a component fails on becomes a rejection row
        # instead of failing the Ray task (which Ray would retry, then abort the whole run).
        # Not English (unless any_language): a record with ``skipped`` and no parse, as local ingest stores it.
        articles = [x for x in items if isinstance(x, Article)]
        parsed = iter(core.extract_chunk(self.nlp, articles, any_language=self.any_language))
        rows = []
        for item in items:
            if isinstance(item, Rejection):  # the read task's message, already naming file and line
                rows.append(_row(None, item.reason))
            elif isinstance(result := next(parsed), Rejection):
                rows.append(_row(None, str(result), item.id))
            else:
                rows.append(_row(result, None))
        return pa.Table.from_pylist(rows, schema=_schema())


def _article(article_json: str) -> Article:
    # An Extraction with no records yet is the JSON contract's way to carry an Article.
    return Extraction.from_json(json.loads(article_json)).article


def _row(x: Extraction | None, rejection: str | None, article_id: str | None = None) -> dict[str, Any]:
    if x is None:
        return {"id": article_id, "rejection": rejection}
    return {
        "id": x.id,
        "source": x.article.source,
        "published": x.article.published,
        "n_entities": len(x.entities),
        "n_quotes": len(x.quotes),
        "n_events": len(x.events),
        "record": json.dumps(x.to_json(), ensure_ascii=False),
        "rejection": None,
        "skipped": x.skipped,
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


def start_ray(address: str | None = None, workers: int | None = None) -> float:
    """Start a local Ray with ``workers`` CPUs, or join the one at ``address``; the seconds it took.

    Does nothing when this process is already connected to a Ray (``ray.init`` called before).
    """
    import ray

    started = time.perf_counter()
    if not ray.is_initialized():
        # No dashboard: nothing here uses it, and where ray[default] is installed its web
        # server and agents would take CPU from the actors.
        ray.init(
            address=address,
            num_cpus=workers if address is None else None,
            log_to_driver=False,
            include_dashboard=False,
            # System settings belong to whoever starts the cluster: only for a local Ray.
            _system_config=dict(LOCAL_SYSTEM_CONFIG) if address is None else None,
        )
    return time.perf_counter() - started


def run_ray(
    paths: list[str],
    output: Path | str,
    *,
    address: str | None = None,
    workers: int | None = None,
    model: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    any_language: bool = False,
) -> RaySummary:
    """Extract every article in ``paths`` on Ray with ``workers`` actors; Parquet parts into ``output``.

    Articles not in English are not parsed (unless ``any_language``): their rows carry the
    article with ``skipped`` set, as ``dateline ingest`` stores them.

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
    startup = start_ray(address, workers)
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # Ray merges what one read task yields into blocks of up to 128 MiB: one big JSONL would be
    # one block for one actor. Blocks of under a batch of articles spread it over every actor.
    # (Ray's streaming repartition would need a whole CPU of its own, which the actors hold.)
    context = ray.data.DataContext.get_current()
    context.target_max_block_size = batch_size * BLOCK_BYTES_PER_ARTICLE
    started = time.perf_counter()
    files = input_files(paths)
    ds: Any = ray.data.from_items([{"path": f} for f in files], override_num_blocks=max(1, len(files)))
    ds = ds.map_batches(_read_partition, fn_args=(batch_size,), batch_size=1, num_cpus=LIGHT_TASK_CPUS)
    ds = ds.map_batches(
        _Extractor,
        fn_constructor_args=(model, any_language),
        batch_size=batch_size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=TASKS_PER_ACTOR),
        num_cpus=ACTOR_CPUS,
    )
    # Part files of ROWS_PER_FILE rows are written as the records come, so after the last batch
    # only the last file is left to write, on a worker that has written before. With 10,000 rows
    # per file, a run under that size wrote everything in one task after the last batch, on a
    # worker started only then: 2.4 s with nothing else running (200 articles, 2 actors, loaded
    # machine), against 0.06 s when earlier part files had been written.
    ds.write_parquet(str(output), min_rows_per_file=ROWS_PER_FILE, ray_remote_args={"num_cpus": LIGHT_TASK_CPUS})
    seconds = time.perf_counter() - started
    records, rejected, skipped = count_rows(output)
    return RaySummary(
        records=records, rejected=rejected, seconds=seconds, workers=actors, startup=startup, skipped=skipped
    )


def count_rows(output: Path | str) -> tuple[int, int, int]:
    """Records, rejections and skipped records in a Parquet record output, reading two columns only."""
    import pyarrow.compute as pc
    import pyarrow.dataset as pads

    if not os.path.exists(output):
        return 0, 0, 0
    dataset = pads.dataset(str(output), format="parquet")
    # Outputs written before the "skipped" column existed have none.
    columns = [c for c in ("rejection", "skipped") if c in dataset.schema.names]
    table = dataset.to_table(columns=columns)

    def filled(column: str) -> int:
        return int(pc.sum(pc.is_valid(table[column])).as_py() or 0) if column in columns else 0

    rejected = filled("rejection")
    return table.num_rows - rejected, rejected, filled("skipped")
