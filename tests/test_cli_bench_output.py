"""`dateline bench` on a tiny corpus: every configuration is measured and reported (shape, not speed)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app

WIKINEWS = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def test_bench_reports_a_b_c_with_ratios_and_memory():
    result = CliRunner().invoke(
        app, ["bench", "--corpus", str(WIKINEWS), "--n", "4", "-w", "1", "--batch-size", "2", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["articles"] == 4
    rows = {(r["config"], r["workers"]): r for r in payload["results"]}
    assert set(rows) == {("a", 1), ("b", 1), ("c", 1)}
    tokens = rows[("a", 1)]["tokens"]
    assert tokens > 4 * 100  # four real news articles
    for row in rows.values():
        assert row["articles"] == 4 and row["tokens"] == tokens
        assert row["seconds"] > 0 and row["articles_per_s"] > 0
        assert row["articles_per_day"] == row["articles_per_s"] * 86_400
        assert 50 < row["peak_rss_mb"] < 4000  # a worker that holds a spaCy model
    assert set(payload["ratios"]["1"]) == {"b/a", "c/a"}


def test_bench_without_corpus_says_what_to_do(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path / "missing.jsonl")])
    assert result.exit_code != 0


def test_bench_counts_a_syndicated_copy_in_a_later_step_as_handled(tmp_path):
    # The same story republished under another outlet's headline: the near-duplicate index
    # (persistent in the store) records it on its original in the (c) step, which must not fail.
    rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()[:3]]
    copy = dict(rows[0], id="syndicated-copy", text="Republished from Wikinews.\n\n" + rows[0]["text"])
    corpus = tmp_path / "with-copy.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, copy]), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["bench", "--corpus", str(corpus), "--n", "4", "-w", "1", "--batch-size", "2", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 4
