"""Memory over a long ingest: the parent's and each worker's resident set after every chunk,
which must stay flat.

    nice -n 10 .venv/bin/python bench/memory_flat.py --n 2000 --workers 2
    nice -n 10 .venv/bin/python bench/memory_flat.py --n 2000 --workers 2 --trace   # what the parent keeps

Runs the real batch ingest (``core.ingest_items`` into a temporary SQLite file) on the first
``--n`` articles of the bench corpus, read as ``dateline ingest`` reads them (streamed), and prints parent and worker RSS at intervals, plus the growth per 1,000 articles from
the first quarter of the run to the end (the least-squares slope over those samples, so one
allocator step does not decide it). Flat means the growth is noise (a few MB), not
proportional to articles. ``--trace`` also runs ``tracemalloc`` in the parent and prints the
source lines whose live Python memory grew most over the same stretch (it slows the parent).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from dateline import core
from dateline.cli.bench import DEFAULT_CORPUS
from dateline.ingest import read_inputs
from dateline.parallel import current_rss_bytes, usable_cpus
from dateline.settings import shared_data_dir
from dateline.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=shared_data_dir() / DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=usable_cpus())
    parser.add_argument("--batch-size", type=int, default=core.DEFAULT_BATCH_SIZE)
    parser.add_argument("--trace", action="store_true", help="tracemalloc the parent: where it grows")
    args = parser.parse_args()

    # Streamed, not loaded into a list first: a held article grows by the time it is sent. CPython
    # caches a str's UTF-8 form on the str the first time pickle (or sqlite3) encodes it, so each
    # held non-ASCII text gains a UTF-8 copy (2.3 MB per 1,000 Tehran Times articles, at
    # ``multiprocessing/reduction.py:51``), and the pickled chunks freed between those copies
    # fragment the heap: a list of inputs made the parent grow with every article it held,
    # though the ingest itself keeps nothing of a written batch.
    articles = itertools.islice(read_inputs([str(args.corpus)]), args.n)
    samples: list[tuple[int, float, list[float]]] = []  # (articles done, parent MB, worker MB)
    snapshots: list[tracemalloc.Snapshot] = []
    if args.trace:
        tracemalloc.start()
    started = time.perf_counter()
    with (
        core.extraction_pool(args.workers, inline=False) as pool,
        tempfile.TemporaryDirectory() as folder,
        open_store(f"{folder}/mem.db") as store,
    ):

        def record(report: core.IngestReport) -> None:
            workers = [rss / 2**20 for _, rss in sorted(pool.stats.current_rss.items())]
            samples.append((report.seen, current_rss_bytes() / 2**20, workers))
            if args.trace and (len(snapshots) == 0 and report.seen >= args.n // 4):
                snapshots.append(tracemalloc.take_snapshot())

        report = core.ingest_items(articles, store, batch_size=args.batch_size, pool=pool, on_progress=record)
        peak = pool.stats.max_peak_rss / 2**20
        if args.trace:
            snapshots.append(tracemalloc.take_snapshot())
    seconds = time.perf_counter() - started
    step = max(1, len(samples) // 12)
    print(
        f"{report.stored} articles stored in {seconds:.0f} s on {args.workers} worker(s); peak RSS {peak:.0f} MB/worker"
    )
    print(f"{'articles':>9}  {'parent MB':>9}  worker MB")
    for done, parent, workers in samples[::step] + samples[-1:]:
        print(f"{done:>9}  {parent:>9.0f}  {' '.join(f'{w:.0f}' for w in workers)}")
    tail = [s for s in samples[len(samples) // 4 :] if len(s[2]) == len(samples[-1][2])]
    articles_done = [float(s[0]) for s in tail]
    parent = _slope(articles_done, [s[1] for s in tail])
    # A worker's RSS after a chunk swings by 200+ MB (what the allocator holds on to from the
    # batch it just parsed), so its retention shows in the floor: the least RSS of each part of
    # the run (eighths on a long run, each of at least 10 samples; on a short run the floors
    # are themselves swings, so run 2,000 articles or more).
    parts = max(2, min(8, len(tail) // 10))
    windows = [tail[i * len(tail) // parts : (i + 1) * len(tail) // parts] for i in range(parts)]
    windows = [w for w in windows if w]
    floors = [
        _slope([float(w[0][0]) for w in windows], [min(s[2][i] for s in w) for w in windows])
        for i in range(len(tail[-1][2]))
    ]
    print(
        f"growth per 1,000 articles from article {tail[0][0]} to {tail[-1][0]}: parent {parent:+.1f} MB;"
        f" workers (floor of each of {len(windows)} parts) " + ", ".join(f"{g:+.1f} MB" for g in floors)
    )
    # A slope can be one step (an allocator arena, a tracemalloc snapshot) rather than growth per article.
    # `jump`, not `step`: step is the table's int stride above.
    jump, at = max((b[1] - a[1], b[0]) for a, b in itertools.pairwise(tail)) if len(tail) > 1 else (0.0, 0)
    print(
        f"parent: largest step between two samples {jump:+.1f} MB (at article {at}), {tail[0][1]:.0f} → {tail[-1][1]:.0f} MB"
    )
    if len(snapshots) == 2:
        per_k = 1000 / max(1, samples[-1][0] - tail[0][0])
        print(f"parent Python memory that grew most (tracemalloc, per 1,000 articles, from article {tail[0][0]}):")
        grown = sorted(snapshots[1].compare_to(snapshots[0], "lineno"), key=lambda stat: -stat.size_diff)
        for stat in grown[:8]:
            frame = stat.traceback[0]
            print(
                f"  {stat.size_diff * per_k / 2**20:+7.2f} MB  {frame.filename.split('site-packages/')[-1]}:{frame.lineno}"
            )


def _slope(x: list[float], y: list[float]) -> float:
    """MB per 1,000 articles: the least-squares slope of RSS over articles done."""
    if len(x) < 2 or len(set(x)) < 2:
        return 0.0
    return statistics.linear_regression(x, y).slope * 1000


if __name__ == "__main__":
    main()
