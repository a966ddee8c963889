"""Throughput of the entities component against bare spaCy, in one run on the same texts.

    .venv/bin/python bench/bench_entities.py [--repeat 3]

Parses the 40 bundled Wikinews articles once (``nlp.pipe``) and then times only our
component on the parsed docs, so the ratio is parse / (parse + entities) without the noise of
parsing twice on a shared machine. Prints both and the ratio (issue 8 wants >= 0.90 for the
whole Dateline pipeline).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dateline.nlp import load_pipeline
from dateline.nlp.entities import EntityClusterer

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in SAMPLES.open(encoding="utf-8")]
    nlp = load_pipeline(components=())
    component = EntityClusterer(nlp.vocab)
    list(nlp.pipe(texts[:2]))  # warm up
    component(nlp(texts[0]))  # loads the gazetteers once, as a real run does at start
    parse = ours = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t1 = time.perf_counter()
        for doc in docs:
            component(doc)
        t2 = time.perf_counter()
        parse, ours = min(parse, t1 - t0), min(ours, t2 - t1)
    # The same measured end to end: nlp.pipe with the component in the pipeline, interleaved
    # with bare runs so both see the same machine load.
    full = load_pipeline(components=("dateline_entities",))
    bare_pipe = with_pipe = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        list(nlp.pipe(texts))
        t1 = time.perf_counter()
        list(full.pipe(texts))
        t2 = time.perf_counter()
        bare_pipe, with_pipe = min(bare_pipe, t1 - t0), min(with_pipe, t2 - t1)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} texts, {words} words")
    print(f"bare spaCy nlp.pipe : {parse:.3f} s ({words / parse:,.0f} words/s)")
    print(f"entities component  : {ours:.3f} s")
    print(f"ratio bare / (bare + entities) = {parse / (parse + ours):.3f}")
    print(
        f"end to end: bare nlp.pipe {bare_pipe:.3f} s, with entities {with_pipe:.3f} s, ratio {bare_pipe / with_pipe:.3f}"
    )


if __name__ == "__main__":
    main()
