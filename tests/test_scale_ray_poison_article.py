"""The Ray actor runs ``core.extract_chunk``: an article a component fails on becomes a rejection
row naming it, and the rest of its batch is extracted. Before, the exception failed the Ray task,
Ray retried it and then aborted the whole run. The actor class is called here in-process (no
Ray start-up); the pipeline is the real one with a failing component behind it (fault injection)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from spacy.language import Language

from dateline.nlp import load_pipeline

pq = pytest.importorskip("pyarrow.parquet")


@Language.component("scale_poison_v1")
def _poison(doc):
    if "POISON" in doc.text:
        raise ValueError("component bug triggered by this text")
    return doc


def test_the_actor_turns_a_failing_article_into_a_rejection_row_and_extracts_the_rest(tmp_path):
    from dateline.ingest.slices import line_index
    from dateline.scale.ray_runner import _Extractor, part_name

    source = tmp_path / "in.jsonl"
    texts = ["Ministers met in Baghdad on Monday.", "The POISON article about Tehran.", "Rain fell in Cairo."]
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(texts, 1)]
    source.write_text("\n".join([*lines, "{not json"]) + "\n", encoding="utf-8")
    index = line_index(str(source))
    assert index is not None
    parts = [index.part(0, 2).to_json(), index.part(2, len(index)).to_json()]  # two parts, as the driver cuts them
    actor = _Extractor.__new__(_Extractor)  # its __init__ loads the pipeline: load ours
    actor.nlp = load_pipeline()
    actor.any_language = False  # the runner's default
    actor.output, actor.batch_size = tmp_path, 8
    actor.nlp.add_pipe("scale_poison_v1", last=True)

    counts = actor({"slice": np.array([3]), "parts": np.array([json.dumps(parts)], dtype=object)}).to_pylist()

    assert counts == [{"slice": 3, "records": 2, "rejected": 2, "skipped": 0}]
    rows = pq.read_table(tmp_path / part_name(3)).to_pylist()  # the part file the actor wrote

    assert [r["id"] for r in rows] == ["p1", "p2", "p3", None]
    assert [r["rejection"] is None for r in rows] == [True, False, True, False]
    assert rows[1]["rejection"].startswith(f"{source}:2: extraction failed (ValueError")
    assert rows[3]["rejection"].startswith(f"{source}:4")
    assert json.loads(rows[0]["record"])["id"] == "p1"
    assert rows[2]["n_entities"] >= 1  # Cairo: extracted as usual


def test_the_runner_module_does_not_import_spacy():
    # The driver and the read and write tasks import this module; only actors need spaCy.
    code = "import sys, dateline.scale.ray_runner; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
