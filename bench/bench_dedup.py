"""Near-duplicate detection on the 20k Tehran Times bench corpus: groups found and cost per article.

MinHash only (no spaCy). Usage:
    .venv/bin/python bench/bench_dedup.py [--limit N] [--pairs 50] [--show]
Writes the sampled pairs to /tmp/dedup-pairs.txt for reading by eye.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import defaultdict

from dateline.ingest.dedup import NearDuplicates, shingles
from dateline.settings import shared_data_dir


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--pairs", type=int, default=50)
    args = parser.parse_args()
    path = shared_data_dir() / "bench" / "tehran-times-20k.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    if args.limit:
        records = records[: args.limit]
    texts = {r["id"]: r["text"] for r in records}
    titles = {r["id"]: r.get("title", "") for r in records}

    index = NearDuplicates()
    copies: list[tuple[str, str]] = []
    started, cpu = time.perf_counter(), time.process_time()
    for record in records:
        original = index.original_of(record["id"], record["text"])
        if original is not None:
            copies.append((original, record["id"]))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu

    groups: dict[str, list[str]] = defaultdict(list)
    for original, copy in copies:
        groups[original].append(copy)
    exact = sum(1 for a, b in copies if " ".join(texts[a].split()) == " ".join(texts[b].split()))
    print(
        f"articles {len(records):,} · wall {elapsed:.1f} s · CPU {cpu:.1f} s"
        f" · {1000 * cpu / len(records):.2f} ms CPU per article"
    )
    print(f"near-duplicate copies {len(copies):,} (of which exact text {exact:,}) in {len(groups):,} groups")
    sizes = sorted((len(v) + 1 for v in groups.values()), reverse=True)
    print(f"largest groups: {sizes[:10]}")

    sample = random.Random(5).sample(copies, min(args.pairs, len(copies)))
    with open("/tmp/dedup-pairs.txt", "w", encoding="utf-8") as out:
        for n, (a, b) in enumerate(sample, 1):
            sa, sb = shingles(texts[a]), shingles(texts[b])
            jaccard = len(sa & sb) / max(1, len(sa | sb))
            out.write(f"=== {n} {a} / {b} · true 5-shingle Jaccard {jaccard:.2f}\n")
            out.write(f"A: {titles[a]}\n   {texts[a][:300]!r}\n   …{texts[a][-200:]!r}\n")
            out.write(f"B: {titles[b]}\n   {texts[b][:300]!r}\n   …{texts[b][-200:]!r}\n\n")


if __name__ == "__main__":
    main()
