"""Near-duplicate detection on the 20k Tehran Times bench corpus: groups found and cost per article.

MinHash + the store's band table, as ``core.ingest_items`` uses them, without spaCy: each batch
of 32 is looked up (in-memory index of the uncommitted batch + one indexed store query per
article), then stored as unparsed articles (``save_many``: the article row, its fingerprint and
band keys), then forgotten by the in-memory index. ``--memory`` runs the old all-in-memory index
instead, for comparison. Usage:
    .venv/bin/python bench/bench_dedup.py [--limit N] [--pairs 50] [--db PATH] [--memory]
Writes the sampled pairs to /tmp/dedup-pairs.txt for reading by eye.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dateline.ingest.dedup import NearDuplicates, shingles
from dateline.ingest.jsonl import article_from_record
from dateline.records import Extraction
from dateline.settings import shared_data_dir
from dateline.store.base import is_database_url
from dateline.store.sqlbase import SqlStore
from dateline.store.sqlite import SQLiteStore

BATCH = 32


class Clock:
    """Wall and CPU time spent inside the wrapped calls."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.wall += time.perf_counter() - wall
                self.cpu += time.process_time() - cpu

        return timed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--pairs", type=int, default=50)
    parser.add_argument(
        "--db", default=None, help="SQLite file or postgresql:// URL (a scratch schema); default: a temporary file"
    )
    parser.add_argument("--memory", action="store_true", help="the in-memory index only, nothing stored")
    args = parser.parse_args()
    path = shared_data_dir() / "bench" / "tehran-times-20k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    if args.limit:
        records = records[: args.limit]
    texts = {r["id"]: r["text"] for r in records}
    titles = {r["id"]: r.get("title", "") for r in records}

    with tempfile.TemporaryDirectory() as scratch:
        schema = f"bench_dedup_{uuid.uuid4().hex[:8]}"
        store: SqlStore
        if args.db and is_database_url(args.db):
            from dateline.store.postgres import PostgresStore

            store = PostgresStore(args.db, schema=schema)
        else:
            store = SQLiteStore(args.db or Path(scratch) / "dedup.db")
        lookup, indexing, saving, finding = Clock(), Clock(), Clock(), Clock()
        store._fingerprint = indexing.wrap(store._fingerprint)  # type: ignore[method-assign]
        index = NearDuplicates(None if args.memory else lookup.wrap(store.near_duplicate_candidates))
        original_of, look_up = finding.wrap(index.original_of), finding.wrap(index.look_up)
        copies: list[tuple[str, str]] = []
        started, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(records), BATCH):
            batch = [article_from_record(r, path.name) for r in records[i : i + BATCH]]
            fresh = []
            look_up([a.text for a in batch])
            for article in batch:
                original = original_of(article.id, article.text)
                if original is not None:
                    copies.append((original, article.id))
                else:
                    fresh.append(Extraction(article=article))
            if not args.memory:
                saving.wrap(store.save_many)(fresh)
                index.forget(a.id for a in batch)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        rows = store._rows("SELECT count(*) AS n FROM fingerprint_bands")[0]["n"]
        if isinstance(store, SQLiteStore):
            store.close()
        else:
            store.drop_schema(schema)
            store.close()

    n = len(records)
    print(f"articles {n:,} · {'in-memory index' if args.memory else f'store index ({type(store).__name__})'}")
    print(f"whole loop: wall {elapsed:.1f} s · CPU {cpu:.1f} s")
    # What dedup adds to ingest: finding the original (signature, in-memory + store lookup,
    # verification) and, inside save_many, fingerprinting the stored article and writing its rows.
    wall, dedup_cpu = finding.wall + indexing.wall, finding.cpu + indexing.cpu
    print(
        f"dedup per article: {1000 * wall / n:.2f} ms wall, {1000 * dedup_cpu / n:.2f} ms CPU"
        f" = finding the original {1000 * finding.wall / n:.2f} ms wall"
        f" (of which the store queries, one per batch of {BATCH}, {1000 * lookup.wall / n:.2f} ms)"
        f" + fingerprint and band rows on save {1000 * indexing.wall / n:.2f} ms wall"
    )
    if not args.memory:
        print(f"storing the articles (save_many, all tables): {1000 * saving.wall / n:.2f} ms wall per article")
        print(f"band rows {rows:,} · in-memory index at the end: {len(index.pending)} articles")

    groups: dict[str, list[str]] = defaultdict(list)
    for original, copy in copies:
        groups[original].append(copy)
    exact = sum(1 for a, b in copies if " ".join(texts[a].split()) == " ".join(texts[b].split()))
    print(f"near-duplicate copies {len(copies):,} (of which exact text {exact:,}) in {len(groups):,} groups")
    sizes = sorted((len(v) + 1 for v in groups.values()), reverse=True)
    print(f"largest groups: {sizes[:10]}")

    sample = random.Random(5).sample(copies, min(args.pairs, len(copies)))
    with open("/tmp/dedup-pairs.txt", "w", encoding="utf-8") as out:
        for k, (a, b) in enumerate(sample, 1):
            sa, sb = shingles(texts[a]), shingles(texts[b])
            jaccard = len(sa & sb) / max(1, len(sa | sb))
            out.write(f"=== {k} {a} / {b} · true 5-shingle Jaccard {jaccard:.2f}\n")
            out.write(f"A: {titles[a]}\n   {texts[a][:300]!r}\n   …{texts[a][-200:]!r}\n")
            out.write(f"B: {titles[b]}\n   {texts[b][:300]!r}\n   …{texts[b][-200:]!r}\n\n")


if __name__ == "__main__":
    main()
