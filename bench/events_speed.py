"""What the events component adds to parsing cost, measured side by side in one process.

    .venv/bin/python bench/events_speed.py [--n 150] [--repeats 2]

Parses the same texts (the first N Tehran Times benchmark articles from ../shared/data/bench,
else the bundled Wikinews samples) with the bare spaCy model, with the entities component, and
with entities + events, alternating runs, and prints the best time of each and the ratios.
The events component's share is (entities+events - entities) / bare; it is also timed alone
on the parsed documents, which is the steadier figure when other work shares the CPU.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from importlib.resources import files

from spacy.language import Language

from dateline.nlp import load_pipeline
from dateline.settings import shared_data_dir


def texts(n: int) -> tuple[str, list[str]]:
    bench = shared_data_dir() / "bench" / "tehran-times-20k.jsonl.gz"
    if bench.is_file():
        out = []
        with gzip.open(bench, "rt", encoding="utf-8") as fh:
            for line in fh:
                out.append(json.loads(line)["text"])
                if len(out) >= n:
                    break
        return f"{len(out)} Tehran Times articles", out
    lines = files("dateline.samples").joinpath("wikinews.jsonl").read_text("utf-8").splitlines()
    sample = [json.loads(line)["text"] for line in lines if line.strip()][:n]
    return f"{len(sample)} Wikinews samples", sample


def run(nlp: Language, docs: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=32):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    label, docs = texts(args.n)
    configs = {
        "bare": load_pipeline(components=()),
        "entities": load_pipeline(components=("dateline_entities",)),
        "entities+events": load_pipeline(components=("dateline_entities", "dateline_events")),
    }
    best = {name: float("inf") for name in configs}
    run(configs["bare"], docs[:10])  # warm up
    for _ in range(args.repeats):
        for name, nlp in configs.items():
            best[name] = min(best[name], run(nlp, docs))
    words = sum(len(t.split()) for t in docs)
    print(f"{label}, {words} words, best of {args.repeats}")
    for name, seconds in best.items():
        print(f"  {name:16} {seconds:7.2f} s  {words / seconds:8.0f} words/s  x{seconds / best['bare']:.3f}")
    share = (best["entities+events"] - best["entities"]) / best["bare"]
    print(f"events component adds {share:.1%} of bare parsing time (end to end; noisy on a shared machine)")
    # The component alone on already parsed documents: the same cost without parser noise.
    parsed = list(configs["entities"].pipe(docs, batch_size=32))
    coder = configs["entities+events"].get_pipe("dateline_events")
    start = time.perf_counter()
    for doc in parsed:
        coder(doc)
    alone = time.perf_counter() - start
    print(f"events component alone: {alone:.2f} s = {alone / best['bare']:.1%} of bare parsing time")


if __name__ == "__main__":
    main()
