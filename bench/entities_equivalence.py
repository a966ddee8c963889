"""Guard for speed work on the entities side: ``doc._.dl_entities`` must not change.

    .venv/bin/python bench/entities_equivalence.py --dump /tmp/entities_before.json   # before
    .venv/bin/python bench/entities_equivalence.py --check /tmp/entities_before.json  # after

Parses the 40 bundled Wikinews articles and the seed article once, runs only the entities
component on the parsed docs (CPU time, best of ``--repeat``, string caches emptied each time),
and writes or compares the output.
The dump is scratch data: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from importlib import resources
from pathlib import Path

from dateline.nlp import actors, entities, load_pipeline
from dateline.nlp.entities import cluster_entities


def _texts() -> list[str]:
    samples = resources.files("dateline.samples")
    texts = [json.loads(line)["text"] for line in samples.joinpath("wikinews.jsonl").read_text("utf-8").splitlines()]
    return [*texts, samples.joinpath("mehr-qalandari.txt").read_text("utf-8")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="write the output here")
    parser.add_argument("--check", type=Path, help="compare the output with this dump")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = _texts()
    nlp = load_pipeline(components=())
    started = time.process_time()
    docs = list(nlp.pipe(texts))
    parse = time.process_time() - started
    out = [cluster_entities(doc) for doc in docs]  # warm: gazetteers load once per process
    best = float("inf")
    for _ in range(args.repeat):
        # Per-string caches emptied, as for articles never seen before.
        for cached in (actors.find_places, actors.find_titles, entities._name_tokens):
            cached.cache_clear()
        started = time.process_time()
        out = [cluster_entities(doc) for doc in docs]
        best = min(best, time.process_time() - started)
    n = len(docs)
    print(
        f"{n} docs: parse {1000 * parse / n:.1f} ms/article, entities {1000 * best / n:.2f} ms/article "
        f"({100 * best / parse:.1f} % of parse)"
    )
    if args.dump:
        args.dump.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.dump}")
    if args.check:
        before = json.loads(args.check.read_text(encoding="utf-8"))
        after = json.loads(json.dumps(out, ensure_ascii=False))
        bad = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
        if bad:
            print(f"DIFFERENT output for docs {bad}")
            sys.exit(1)
        print(f"identical to {args.check}")


if __name__ == "__main__":
    main()
