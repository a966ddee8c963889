"""The Ray runner on a local two-CPU Ray (started as `dateline ingest --engine ray` starts it):
Parquet records equal to local extraction, a text not in English stored unparsed as local
ingest stores it, and loading them into the store parses nothing. Ray is heavy to start, so one
short module run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import core
from dateline.ingest import read_inputs
from dateline.records import Article
from dateline.store import open_store
from tests.test_cli_extract_ingest import run
from tests.test_cli_extract_language import FRENCH

ray = pytest.importorskip("ray")
pytest.importorskip("pyarrow")

pytestmark = pytest.mark.ray

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


@pytest.fixture(scope="module")
def local_ray():
    from dateline.scale.ray_runner import start_ray

    start_ray(None, 2)  # the runner's own options, its system settings for a local Ray included
    yield
    ray.shutdown()


def test_ray_runner_writes_the_local_records_and_the_store_loads_them_unparsed(tmp_path, nlp, local_ray):
    from dateline.scale.ray_runner import run_ray

    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:5]
    source = tmp_path / "five.jsonl"
    french = json.dumps({"id": "fr-1", "text": FRENCH})
    source.write_text("\n".join([*lines[:3], "{not json", french, *lines[3:]]) + "\n", encoding="utf-8")
    output = tmp_path / "out.parquet"

    summary = run_ray([str(source)], output, workers=2, batch_size=2)
    assert (summary.records, summary.skipped, summary.rejected, summary.workers) == (6, 1, 1, 2)

    with open_store(str(tmp_path / "ray.db")) as store:
        report = core.ingest([str(output)], store, nlp, keep_ids=True)
        assert (report.loaded, report.parsed, report.stored, len(report.rejected)) == (6, 0, 5, 1)
        assert report.skipped == {"not English (fr)": 1}
        french_stored = store.get("fr-1")
        assert french_stored is not None and french_stored.skipped == "not English (fr)"
        assert (french_stored.entities, french_stored.quotes, french_stored.events) == ((), (), ())
        assert "line 4" in str(report.rejected[0]) or "not valid JSON" in str(report.rejected[0])
        stored = {i: store.get(i) for i in report.ids}
    # The command line loads no model for record files: nothing in them is parsed.
    loaded = run("ingest", str(output), "--db", str(tmp_path / "cli.db"), "--workers", "1")
    assert loaded.returncode == 1, loaded.stderr  # the bad JSON line is reported as a rejection
    assert "model none (stored records, not parsed)" in loaded.stderr and "Stored 5" in loaded.stderr
    # The runner holds no extraction logic: its records are what local extraction gives.
    articles = [a for a in read_inputs([str(source)]) if isinstance(a, Article)]
    expected = {x.id: x for x in core.extract_many(articles, nlp, any_language=False)}
    assert set(stored) == set(expected)
    for article_id, x in expected.items():
        assert stored[article_id] is not None
        assert stored[article_id].to_json() == x.to_json()  # type: ignore[union-attr]
