"""A streamed ingest keeps only the batches in flight: an article whose batch is written is
let go, so the parent's memory does not grow with the length of the input."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

from dateline import core
from dateline.records import Article
from dateline.store import open_store

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def test_written_articles_are_let_go(tmp_path: Path, nlp) -> None:
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:12]
    alive: weakref.WeakSet[Article] = weakref.WeakSet()
    most_alive: list[int] = []

    def stream() -> Iterator[Article]:
        for n, line in enumerate(lines):
            record = json.loads(line)
            article = Article(id=f"w{n}", text=record["text"], title=record.get("title"))
            alive.add(article)
            yield article

    def on_progress(report: core.IngestReport) -> None:
        gc.collect()
        most_alive.append(len(alive))

    with open_store(str(tmp_path / "s.db")) as store:
        report = core.ingest_items(stream(), store, nlp, batch_size=2, on_progress=on_progress)
    assert report.stored == 12
    # One worker: the chunk being written and the two queued behind it (2 per worker), of two
    # articles each; never the chunks written before.
    assert max(most_alive) <= (2 * report.workers + 1) * 2, most_alive
    gc.collect()
    assert len(alive) == 0
