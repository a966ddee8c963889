"""Memory over a long ingest: each worker's resident set after every chunk, which must stay flat.

    .venv/bin/python bench/memory_flat.py --n 2000 --workers 2

Runs the real batch ingest (``core.ingest_items`` into a temporary SQLite file) on the bench
corpus and prints worker RSS at intervals, plus the growth between the first quarter and the
end, per 1,000 articles. Flat means the growth is noise (a few MB), not proportional to articles.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dateline import core
from dateline.cli.bench import DEFAULT_CORPUS, load_articles
from dateline.parallel import current_rss_bytes, usable_cpus
from dateline.settings import shared_data_dir
from dateline.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=shared_data_dir() / DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=usable_cpus())
    parser.add_argument("--batch-size", type=int, default=core.DEFAULT_BATCH_SIZE)
    args = parser.parse_args()

    articles = load_articles(args.corpus, args.n)
    samples: list[tuple[int, float, list[float]]] = []  # (articles done, parent MB, worker MB)
    started = time.perf_counter()
    with (
        core.extraction_pool(args.workers, inline=False) as pool,
        tempfile.TemporaryDirectory() as folder,
        open_store(f"{folder}/mem.db") as store,
    ):

        def record(report: core.IngestReport) -> None:
            workers = [rss / 2**20 for _, rss in sorted(pool.stats.current_rss.items())]
            samples.append((report.seen, current_rss_bytes() / 2**20, workers))

        report = core.ingest_items(articles, store, batch_size=args.batch_size, pool=pool, on_progress=record)
        peak = pool.stats.max_peak_rss / 2**20
    seconds = time.perf_counter() - started
    step = max(1, len(samples) // 12)
    print(
        f"{report.stored} articles stored in {seconds:.0f} s on {args.workers} worker(s); peak RSS {peak:.0f} MB/worker"
    )
    print(f"{'articles':>9}  {'parent MB':>9}  worker MB")
    for done, parent, workers in samples[::step] + samples[-1:]:
        print(f"{done:>9}  {parent:>9.0f}  {' '.join(f'{w:.0f}' for w in workers)}")
    quarter = samples[len(samples) // 4]
    last = samples[-1]
    per_k = 1000 / max(1, last[0] - quarter[0])
    growth = [(b - a) * per_k for a, b in zip(quarter[2], last[2], strict=False)]
    print(
        f"growth from article {quarter[0]} to {last[0]}: "
        + ", ".join(f"{g:+.1f} MB" for g in growth)
        + f" per 1,000 articles per worker; parent {(last[1] - quarter[1]) * per_k:+.1f} MB"
    )


if __name__ == "__main__":
    main()
