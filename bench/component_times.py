"""Where the time goes: seconds per pipeline component (spaCy's and ours) and in ``to_records``.

    .venv/bin/python bench/component_times.py --n 100
    .venv/bin/python bench/component_times.py --n 100 --profile   # + pyinstrument of our code

Components run batched, one after another, over the same docs (``pipe`` of each component, as
``nlp.pipe`` does), so each figure is that component's own cost. Our components should be a
small share next to tok2vec/parser/ner; a hot spot shows up here first, then in the profile.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from dateline import core
from dateline.cli.bench import DEFAULT_CORPUS, load_articles
from dateline.nlp import load_pipeline, to_records
from dateline.settings import shared_data_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=shared_data_dir() / DEFAULT_CORPUS)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="pyinstrument our components and to_records")
    args = parser.parse_args()

    nlp = load_pipeline()
    articles = load_articles(args.corpus, args.n)
    docs = [core.make_doc(a, nlp) for a in articles]
    times: dict[str, float] = {}
    ours = [name for name, _ in nlp.pipeline if name.startswith("dateline_")]
    profiler = None
    for name, proc in nlp.pipeline:
        if args.profile and name == ours[0]:
            from pyinstrument import Profiler

            profiler = Profiler()
            profiler.start()
        started = time.perf_counter()
        docs = (
            list(proc.pipe(docs, batch_size=core.DEFAULT_BATCH_SIZE))
            if hasattr(proc, "pipe")
            else [proc(d) for d in docs]
        )
        times[name] = time.perf_counter() - started
    info = core.pipeline_info(nlp)
    started = time.perf_counter()
    for doc, article in zip(docs, articles, strict=True):
        to_records(doc, article, info)
    times["to_records"] = time.perf_counter() - started
    if profiler is not None:
        profiler.stop()
    total = sum(times.values())
    tokens = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {tokens:,} tokens, {total:.1f} s")
    for name, seconds in times.items():
        mark = "  (Dateline)" if name in ours or name == "to_records" else ""
        print(
            f"{name:<22} {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {1000 * seconds / len(docs):7.1f} ms/article{mark}"
        )
    share = sum(times[n] for n in [*ours, "to_records"]) / total
    print(f"Dateline's own share: {100 * share:.1f} %")
    if profiler is not None:
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
