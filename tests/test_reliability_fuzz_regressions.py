"""Crashes found by ``make fuzz`` (tests/fuzz), kept as fast regression tests in the default suite."""

from __future__ import annotations

from dateline.errors import Rejection
from dateline.ingest import read_jsonl
from dateline.records import Article, Extraction
from dateline.store.sqlite import SQLiteStore


def _store_all(lines: list[bytes]) -> list[Article | Rejection]:
    items = list(read_jsonl(lines, "fuzz.jsonl"))
    with SQLiteStore(":memory:") as store:
        for item in items:
            if isinstance(item, Article):
                store.save(Extraction(article=item))
    return items


def test_jsonl_author_that_is_not_a_name_is_dropped_not_a_crash_in_the_store():
    # Found by test_fuzz_readers: {"author": false} reached the store and raised TypeError there.
    items = _store_all([b'{"id": "a", "author": false, "text": "Ministers met in Baghdad."}\n'])
    assert isinstance(items[0], Article) and items[0].authors == ()
    items = _store_all([b'{"id": "b", "authors": 7, "text": "Ministers met in Baghdad."}\n'])
    assert isinstance(items[0], Article) and items[0].authors == ()
