"""Every NLP component under fuzz: the full pipeline on hostile text, in batches.

Unicode of all kinds, quote marks, very long tokens, empty sentences, RTL text and control
characters go through ``core.extract_many`` (the path ingest uses) with every registered
Dateline component; every span must point inside the text and the JSON contract must
round-trip.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.core import extract_many
from dateline.nlp.registrations import COMPONENTS
from dateline.records import Article, Extraction, short_id
from tests.fuzz.strategies import COUNTS, hostile_text, news_text

pytestmark = pytest.mark.fuzz

DATES = st.one_of(st.none(), st.sampled_from(["2023-04-05", "2020", "not a date", "", "1999-12-31T23:59:59Z", "٢٠٢٣"]))


@given(texts=st.lists(st.one_of(news_text, hostile_text), min_size=1, max_size=8), published=DATES)
def test_pipeline_never_raises_and_spans_stay_inside_the_text(nlp, texts: list[str], published: str | None) -> None:
    assert set(COMPONENTS) <= set(nlp.pipe_names)
    articles = [Article(id=f"{i}-{short_id(t)}", text=t, published=published) for i, t in enumerate(texts)]
    COUNTS["nlp: texts through the pipeline"] += len(articles)
    extractions = list(extract_many(articles, nlp, batch_size=4))
    assert [x.id for x in extractions] == [a.id for a in articles]
    for x in extractions:
        n = len(x.article.text)
        for label, span in x.spans():
            assert 0 <= span.start <= span.end <= n, (label, span, n)
        for q in x.quotes:
            assert q.speaker is None or q.speaker in {e.id for e in x.entities}
        assert Extraction.from_json(json.loads(json.dumps(x.to_json()))) == x
