"""The pool keeps nothing of a chunk once its result is out: over a 20k-article run the
parent holds the chunks in flight, never the ones already done.

The task and loader are trivial module-level functions (no model), because what is under
test is the pool's bookkeeping (executor work items, call queue, feeder thread, futures and
their callbacks), not the extraction; the workers are real forked processes.
"""

from __future__ import annotations

import gc
import weakref

from dateline.parallel import PipelinePool
from dateline.records import Article


def _no_model() -> object:
    return object()


def _lengths(nlp: object, chunk: list[Article]) -> int:
    return sum(len(article.text) for article in chunk)


def test_no_chunk_stays_referenced_after_map() -> None:
    # Non-ASCII text, as in real news (curly quotes, dashes): the kind of str that pickling changes.
    articles = [Article(id=f"a{i}", text=f"“Quote {i},” the minister said — {'word ' * i}") for i in range(40)]
    alive = weakref.WeakSet(articles)
    expected = [sum(len(a.text) for a in articles[i : i + 4]) for i in range(0, 40, 4)]
    chunks = iter([articles[i : i + 4] for i in range(0, 40, 4)])
    del articles
    with PipelinePool(_lengths, workers=2, loader=_no_model, inline=False) as pool:
        assert list(pool.map(chunks)) == expected
        gc.collect()
        assert len(alive) == 0, f"{len(alive)} articles of finished chunks are still referenced"
        assert len(pool.stats.peak_rss) >= 1  # the results did come from worker processes
