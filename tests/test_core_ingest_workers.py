"""Batch ingest on worker processes stores exactly what the single-process path stores."""

from __future__ import annotations

from pathlib import Path

from dateline import core
from dateline.parallel import usable_cpus
from dateline.store import open_store

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def test_two_workers_store_the_same_records_as_one(tmp_path, nlp):
    source = tmp_path / "six.jsonl"
    source.write_text("\n".join(WIKINEWS.read_text(encoding="utf-8").splitlines()[:6]) + "\n", encoding="utf-8")
    results = {}
    for workers in (1, 2):
        with open_store(str(tmp_path / f"w{workers}.db")) as store:
            report = core.ingest([str(source)], store, nlp, workers=workers, batch_size=2, keep_ids=True)
            assert (report.stored, report.parsed, report.workers) == (6, 6, workers)
            assert report.peak_rss > 0
            results[workers] = (report.ids, [store.get(i).to_json() for i in report.ids])  # type: ignore[union-attr]
    assert results[1] == results[2]


def test_usable_cpus_follows_affinity():
    import os

    assert usable_cpus() == len(os.sched_getaffinity(0))
