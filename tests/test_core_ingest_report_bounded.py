"""An ingest report holds counts, not one entry per article: a 20k-article run must not grow
the parent. Ids are listed only for callers that ask (web API, demo); rejections beyond
``KEPT_REJECTIONS`` are counted, not kept."""

from __future__ import annotations

from pathlib import Path

from dateline import core
from dateline.store import open_store

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def test_ids_are_kept_only_when_asked_for(tmp_path, nlp):
    source = tmp_path / "three.jsonl"
    source.write_text("\n".join(WIKINEWS.read_text(encoding="utf-8").splitlines()[:3]) + "\n", encoding="utf-8")
    with open_store(str(tmp_path / "a.db")) as store:
        plain = core.ingest([str(source)], store, nlp)
        listed = core.ingest([str(source)], store, nlp, keep_ids=True)  # a rerun: known, same ids
    assert (plain.stored, plain.ids) == (3, [])
    assert (listed.stored, listed.known, len(listed.ids)) == (0, 3, 3)
    assert all(store_id for store_id in listed.ids)


def test_rejections_beyond_the_kept_ones_are_counted(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(core, "KEPT_REJECTIONS", 2)
    source = tmp_path / "bad.jsonl"
    source.write_text("".join("{not json\n" for _ in range(5)), encoding="utf-8")
    with open_store(str(tmp_path / "b.db")) as store:
        report = core.ingest([str(source)], store, nlp)
    assert (report.n_rejected, len(report.rejected), report.seen, report.failed) == (5, 2, 5, True)
    assert str(report.rejected[0]).startswith(f"{source}:1")
