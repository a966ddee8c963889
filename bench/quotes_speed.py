"""What the quotes component adds to the cost of parsing, on the bundled samples.

Runs ``nlp.pipe`` over the 40 Wikinews samples and the seed article three ways on the same
texts — the bare spaCy model, model + entities, model + entities + quotes — and reports the
best of N rounds and the ratio ``quotes time / bare parse time``. Target: ≤ 10 %.

    .venv/bin/python bench/quotes_speed.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import time
from importlib import resources

from dateline.nlp import load_pipeline


def texts() -> list[str]:
    samples = resources.files("dateline.samples")
    rows = [
        json.loads(line) for line in samples.joinpath("wikinews.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    return [r["text"] for r in rows] + [samples.joinpath("mehr-qalandari.txt").read_text(encoding="utf-8")]


def best(nlp, docs: list[str], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=32):
            pass
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = texts()
    bare = load_pipeline(components=())
    entities = load_pipeline(components=("dateline_entities",))
    quotes = load_pipeline(components=("dateline_entities", "dateline_quotes"))
    best(bare, docs[:5], 1)  # warm up
    # Interleave the three so load from other processes hits them alike.
    t_bare = best(bare, docs, args.rounds)
    t_ent = best(entities, docs, args.rounds)
    t_quotes = best(quotes, docs, args.rounds)
    # The quotes component alone, timed directly on parsed docs (no noise from re-parsing).
    parsed = list(quotes.pipe(docs, disable=["dateline_quotes"]))
    finder = quotes.get_pipe("dateline_quotes")
    started = time.perf_counter()
    for _ in range(args.rounds):
        for doc in parsed:
            finder(doc)
    t_component = (time.perf_counter() - started) / args.rounds
    words = sum(len(d) for d in parsed)
    print(f"{len(docs)} texts, {words} tokens, best of {args.rounds}")
    print(f"bare spaCy           {t_bare:7.3f} s")
    print(f"+ entities           {t_ent:7.3f} s")
    print(f"+ entities + quotes  {t_quotes:7.3f} s")
    print(f"quotes component     {t_component:7.3f} s  = {t_component / t_bare:.1%} of bare parsing")


if __name__ == "__main__":
    main()
