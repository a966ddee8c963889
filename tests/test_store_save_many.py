"""Bulk writes and lookups for batch ingest: one transaction per batch, all or nothing."""

from __future__ import annotations

import pytest

from dateline.errors import StoreError
from dateline.ingest.jsonl import read_jsonl
from dateline.records import Article, Extraction
from dateline.store import SaveResult, open_store
from tests.conftest import SAMPLES


def _articles(n: int) -> list[Article]:
    with (SAMPLES / "wikinews.jsonl").open("rb") as lines:
        return [a for a in read_jsonl(lines, "wikinews.jsonl") if isinstance(a, Article)][:n]


def test_save_many_stores_a_batch_and_known_many_finds_it(tmp_path):
    first, second, third = _articles(3)
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.known_many([first, second]) == {}
        outcomes = store.save_many([Extraction(article=first), Extraction(article=second), Extraction(article=first)])
        assert outcomes == [SaveResult.STORED, SaveResult.STORED, SaveResult.DUPLICATE]
        found = store.known_many([first, second, third])
        assert found == {first.content_hash: first.id, second.content_hash: second.id}


def test_save_many_is_all_or_nothing(tmp_path):
    first, second, third = _articles(3)
    clash = Article(id=first.id, text=third.text)  # a stored id with another text: refused
    with open_store(str(tmp_path / "s.db")) as store:
        store.save(Extraction(article=first))
        with pytest.raises(StoreError):
            store.save_many([Extraction(article=second), Extraction(article=clash)])
        assert store.known_many([second]) == {}  # the batch was rolled back whole
        assert store.counts()["articles"] == 1
