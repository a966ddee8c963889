"""An article that makes an NLP component raise is rejected by name; the batch goes on.

A real component that fails on one article is put behind the real pipeline (fault injection,
not a mock of predictions): before, one such article stopped the ingest, and every rerun met
it again, so the batch could never finish.
"""

from __future__ import annotations

import json

from spacy.language import Language

from dateline.core import ingest
from dateline.nlp import load_pipeline
from dateline.store.sqlite import SQLiteStore


@Language.component("reliability_poison_v1")
def _poison(doc):
    if "POISON" in doc.text:
        raise ValueError("component bug triggered by this text")
    return doc


def test_one_article_that_breaks_a_component_is_rejected_and_the_rest_stored(tmp_path):
    nlp = load_pipeline()
    nlp.add_pipe("reliability_poison_v1", last=True)
    path = tmp_path / "batch.jsonl"
    texts = ["Ministers met in Baghdad on Monday.", "The POISON article about Tehran.", "Rain fell in Cairo."]
    path.write_text("".join(json.dumps({"id": f"p{i}", "text": t}) + "\n" for i, t in enumerate(texts, 1)))
    with SQLiteStore(tmp_path / "p.db") as store:
        report = ingest([str(path)], store, nlp, batch_size=8)
        assert report.stored == 2
        assert [str(r).split(": ")[0] for r in report.rejected] == [f"{path}:2"]
        assert "ValueError" in report.rejected[0].reason
        assert store.get("p2") is None and store.get("p1") is not None and store.get("p3") is not None
