"""The cluster runner: ``dateline ingest --engine ray INPUT -o OUT.parquet``.

Maps ``core.extract_chunk`` (what the local workers run) over the input with Ray Data and
writes Parquet record files (the layout ``dateline.ingest.records`` reads back). It holds no
extraction logic of its own: reading is ``ingest.slices`` (``ingest.read_inputs`` underneath),
extraction is ``core.extract_chunk``, the row is ``Extraction.to_json``.

Plan: the driver cuts the input into slices without parsing it (line ranges of JSONL files,
found by a scan for newlines; any other file whole), one dataset row per slice → an actor
pool, one actor per worker CPU, each loading the spaCy pipeline once, reading its slice itself,
extracting it a batch at a time and writing the slice's Parquet part file itself → one small
count row per slice back to the driver. No read or write tasks, and no article text or record
goes through Ray's object store: on a two-core machine Ray's own processes and the driver's
scheduling loop took 0.08–0.10 of a core from two actors, and every task and object is some of
that. On a real cluster, start Ray (``ray start --head`` / ``ray up``), put the input and the
output folder on storage every node can read and write (NFS), and run with ``--address auto``.

Only the actors import spaCy and ``core`` (lazily, in ``_Extractor``): the driver stays light,
which matters when it shares a machine with the actors. ``bench/ray_scaling.py`` measures
where the time goes (start-up, first batch, steady state, tail).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError, Rejection
from dateline.ingest.slices import Part, line_index, read_part
from dateline.records import Article, Extraction
from dateline.settings import DEFAULT_BATCH_SIZE

# An actor parses on one core and nothing else in the plan needs a CPU (no read or write tasks).
ACTOR_CPUS = 1.0
# A slice is at most this many batches (about 10 s of parsing at 16 articles a batch): long
# enough that a task's round trip through the driver is noise, short enough to share the work.
MAX_SLICE_BATCHES = 8
# Slices shrink towards the end so both actors finish together: each is at most the articles
# left over this many slices per actor, down to one batch (the last slices are one batch each).
SLICES_PER_ACTOR_LEFT = 2
# Each actor holds the slice it parses and the next one, so it never waits for the driver
# between slices (one at a time: 1.25 s of waits per actor in a 300-article run, against 0.39 s);
# more would leave one actor a queue to finish while the other idles at the end.
TASKS_PER_ACTOR = 2
# Idle worker processes a local Ray keeps. Ray's default keeps idle workers only up to the CPUs
# nobody holds, and the actors hold them all: none, so any task after a second of idleness
# started a new Python worker (Ray and Ray Data imports, about 1.5 CPU s); with read and write
# tasks the last write waited 2.9-3.9 s for one (0.2-0.6 s with warm ones). The sliced plan has
# no task, and a local 2-actor run with this setting starts no idle worker (200 articles): it
# costs nothing now and matters again only if a task comes back into the plan.
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
    seconds: float  # from cutting the input to the last Parquet file, Ray already running
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


def slice_sizes(articles: int, actors: int, batch_size: int) -> list[int]:
    """How many articles (JSONL lines or whole files) each slice gets, in order.

    At most ``MAX_SLICE_BATCHES`` batches, and at most the articles left spread over
    ``SLICES_PER_ACTOR_LEFT`` slices per actor (whole batches, at least one): the slices shrink
    to one batch at the end, so the last actor to finish is never more than about a batch behind.
    An input of less than a batch per actor is shared out evenly instead.
    """
    actors = max(1, actors)
    smallest = min(batch_size, -(-articles // actors))
    sizes: list[int] = []
    left = articles
    while left > 0:
        share = left // (SLICES_PER_ACTOR_LEFT * actors) // batch_size * batch_size
        size = min(left, max(smallest, min(MAX_SLICE_BATCHES * batch_size, share)))
        sizes.append(size)
        left -= size
    return sizes


def plan_slices(files: list[str], actors: int, batch_size: int) -> list[list[Part]]:
    """The input cut into slices (lists of parts) of ``slice_sizes``, in input order.

    A JSONL line counts as one article, any other file as one (a feed or WARC with many
    articles is still one slice: it cannot be cut without reading it).
    """
    sources = [(path, line_index(path)) for path in files]
    units = [len(index) if index else 1 for _, index in sources]
    slices: list[list[Part]] = []
    source, line = 0, 0
    for size in slice_sizes(sum(units), actors, batch_size):
        parts: list[Part] = []
        while size > 0 and source < len(sources):
            path, index = sources[source]
            take = min(size, units[source] - line)
            parts.append(index.part(line, line + take) if index else Part(path))
            size -= take
            line += take
            if line == units[source]:
                source, line = source + 1, 0
        slices.append(parts)
    return slices


class _Extractor:
    """One per actor: the pipeline is loaded once, in the constructor; each call extracts the
    slices it is given and writes one Parquet part file per slice."""

    def __init__(self, model: str | None, any_language: bool, output: str, batch_size: int) -> None:
        from dateline.nlp import load_pipeline

        self.nlp = load_pipeline(model)
        self.any_language = any_language
        self.output = Path(output)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        counts = [
            self.extract_slice(int(number), [Part.from_json(p) for p in json.loads(parts)])
            for number, parts in zip(batch["slice"], batch["parts"], strict=True)
        ]
        return pa.Table.from_pylist(counts)

    def extract_slice(self, number: int, parts: list[Part]) -> dict[str, int]:
        """Read, extract and write slice ``number``; its counts of records, rejections and skipped."""
        rows: list[dict[str, Any]] = []
        pending: list[Article | Rejection] = []
        for part in parts:
            for item in read_part(part):
                # A JSON-contract line is extracted again from its article, as `dateline extract` does.
                pending.append(item.article if isinstance(item, Extraction) else item)
                if len(pending) >= self.batch_size:
                    rows += self.extract_batch(pending)
                    pending = []
        if pending:
            rows += self.extract_batch(pending)
        self.write_part(number, rows)
        rejected = sum(1 for r in rows if r["rejection"] is not None)
        skipped = sum(1 for r in rows if r.get("skipped") is not None)
        return {"slice": number, "records": len(rows) - rejected, "rejected": rejected, "skipped": skipped}

    def extract_batch(self, items: list[Article | Rejection]) -> list[dict[str, Any]]:
        """One batch: ``core.extract_chunk`` on its articles, a row per item in order."""
        from dateline import core

        # core.extract_chunk, as the local workers run it: a memory zone per batch keeps the
        # actor's vocab flat, and an article a component fails on becomes a rejection row
        # instead of failing the Ray task (which Ray would retry, then abort the whole run).
        # Not English (unless any_language): a record with ``skipped`` and no parse, as local ingest stores it.
        articles = [x for x in items if isinstance(x, Article)]
        parsed = iter(core.extract_chunk(self.nlp, articles, any_language=self.any_language))
        rows = []
        for item in items:
            if isinstance(item, Rejection):  # the reader's message, already naming file and line
                rows.append(_row(None, str(item)))
            elif isinstance(result := next(parsed), Rejection):
                rows.append(_row(None, str(result), item.id))
            else:
                rows.append(_row(result, None))
        return rows

    def write_part(self, number: int, rows: list[dict[str, Any]]) -> None:
        """The slice's part file, written under a hidden temporary name and renamed when complete:
        readers never see half a file (pyarrow skips names starting with a dot), and a Ray retry
        of the slice replaces the same file instead of adding a duplicate."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        final = self.output / part_name(number)
        temporary = self.output / f".{final.name}.{os.getpid()}.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), temporary)
        os.replace(temporary, final)


def part_name(number: int) -> str:
    """The part file of slice ``number``: names sort in input order."""
    return f"part-{number:05d}.parquet"


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
    started = time.perf_counter()
    slices = plan_slices(input_files(paths), actors, batch_size)
    output.mkdir(parents=True, exist_ok=True)
    counts: list[dict[str, Any]] = []
    if slices:
        rows = [{"slice": k, "parts": json.dumps([p.to_json() for p in s])} for k, s in enumerate(slices)]
        # One block per slice, so each slice is one task for one actor.
        ds: Any = ray.data.from_items(rows, override_num_blocks=len(rows))
        ds = ds.map_batches(
            _Extractor,
            fn_constructor_args=(model, any_language, str(output), batch_size),
            batch_size=1,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors, max_tasks_in_flight_per_actor=TASKS_PER_ACTOR),
            num_cpus=ACTOR_CPUS,
        )
        counts = ds.take_all()
    seconds = time.perf_counter() - started
    records, rejected, skipped = (sum(int(c[key]) for c in counts) for key in ("records", "rejected", "skipped"))
    return RaySummary(
        records=records, rejected=rejected, seconds=seconds, workers=actors, startup=startup, skipped=skipped
    )
