"""Query latency on a store: ``quotes --speaker X``, ``search TEXT`` and friends, p50/p95/max.

Times the library calls the CLI, REST API and web pages make (``Store.quotes``,
``Store.search``, …) in one process, so figures are query cost, not Python start-up.
Speakers are drawn from the store's own actors (frequent, middling and rare ones);
search terms are words and phrases of mixed frequency from the corpus' domain.

    .venv/bin/python bench/query_latency.py --db /tmp/bench-20k.db
    .venv/bin/python bench/query_latency.py --db /tmp/bench-1m.db --runs 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from dateline.store import ArticleFilter, EventFilter, QuoteFilter, open_store

SEARCHES = [
    "Iran", "nuclear", "sanctions", "Zarif", "missile", "JCPOA", "oil exports", "Rouhani", "Raisi", "Vienna talks",
    "\"nuclear deal\"", "sanction*", "terrorism", "Saudi Arabia", "drone", "Hezbollah", "Afghanistan", "IAEA",
    "Trump", "coronavirus", "tourism", "football", "inflation", "embargo", "enrichment", "Strait of Hormuz",
    "Soleimani", "Pompeo", "\"maximum pressure\"", "wrestling",
]  # fmt: skip


def timed(fn: Callable[[], Any], runs: int) -> dict[str, float]:
    """Wall-clock and CPU milliseconds per call. CPU time is what the query costs; wall time
    adds waiting for a core, which on a shared machine can be most of it."""
    fn()  # one warm-up call: the figures are for a store that is in use
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    cpu.sort()
    return {
        "p50_ms": round(statistics.median(wall), 2),
        "p95_ms": round(wall[max(0, int(len(wall) * 0.95) - 1)], 2),
        "max_ms": round(wall[-1], 2),
        "cpu_p50_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(cpu[max(0, int(len(cpu) * 0.95) - 1)], 2),
    }


def cycle(items: list[Any], call: Callable[[Any], Any]) -> Callable[[], Any]:
    state = {"i": 0}

    def run() -> Any:
        item = items[state["i"] % len(items)]
        state["i"] += 1
        return call(item)

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open_store(args.db) as store:
        counts = store.counts()
        top = store.actors(top=2000, kind="person")
        quoted = [a for a in top if a["n_quotes"] > 0]
        # Frequent, middling and rare speakers, by surname (a part of the name, as users type it).
        pool = quoted[:20] + rng.sample(quoted[20:], min(40, max(0, len(quoted) - 20)))
        speakers = [a["name"].split()[-1] for a in pool] or ["Zarif"]
        rng.shuffle(speakers)
        results = {
            "store": counts,
            "quotes --speaker X": timed(cycle(speakers, lambda s: store.quotes(QuoteFilter(speaker=s))), args.runs),
            "quotes --speaker X --about Y": timed(
                cycle(
                    [(s, rng.choice(SEARCHES[:10])) for s in speakers],
                    lambda p: store.quotes(QuoteFilter(speaker=p[0], about=p[1])),
                ),
                args.runs,
            ),
            "search TEXT": timed(cycle(SEARCHES, lambda t: store.search(t, 20)), args.runs),
            "quotes --about TEXT": timed(cycle(SEARCHES, lambda t: store.quotes(QuoteFilter(about=t))), args.runs),
            "events --actor IRN": timed(
                cycle(["IRN", "USA", "Zarif"], lambda a: store.events(EventFilter(actor=a))), args.runs
            ),
            "actors --top 20": timed(lambda: store.actors(20), args.runs),
            "articles --since": timed(
                cycle(["2019-01", "2021-06", "2023-01"], lambda d: store.list_articles(ArticleFilter(since=d))),
                args.runs,
            ),
        }
    results["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
