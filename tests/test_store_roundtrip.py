"""Both backends store an article whole, once, and give back exactly what was saved."""

from __future__ import annotations

import dataclasses

import pytest

from dateline.errors import StoreError
from dateline.records import Entity, Span
from dateline.store import SaveResult
from tests import store_seed
from tests.store_seed import named, seed_gold, wikinews_rows

any_store = store_seed.any_store  # the fixture: SQLite and PostgreSQL


def test_store_round_trips_the_hand_annotated_seed(any_store):
    seed = seed_gold()
    assert any_store.save(seed) is SaveResult.STORED
    assert any_store.get(seed.id) == seed


def test_store_round_trips_a_real_pipeline_extraction(any_store, seed_extraction):
    assert any_store.save(seed_extraction) is SaveResult.STORED
    assert any_store.get(seed_extraction.id) == seed_extraction
    assert any_store.get(seed_extraction.id[:8]) == seed_extraction  # a unique prefix


def test_store_save_is_idempotent_on_the_text_and_keeps_the_second_id_as_alias(any_store):
    seed = seed_gold()
    any_store.save(seed)
    before = any_store.counts()
    copy = dataclasses.replace(
        seed, article=dataclasses.replace(seed.article, id="mirror-copy", url="https://example.org/x")
    )
    assert any_store.save(copy) is SaveResult.DUPLICATE
    after = any_store.counts()
    assert {k: v for k, v in after.items() if k != "seen_at"} == {k: v for k, v in before.items() if k != "seen_at"}
    assert after["seen_at"] == before["seen_at"] + 1
    assert any_store.get("mirror-copy") == seed


def test_store_writes_an_article_whole_or_not_at_all(any_store):
    seed = seed_gold()
    twin = Entity("e1", "Hamzeh Qalandari", "person", (Span(0, 6),))  # a second "e1": a primary-key clash
    broken = dataclasses.replace(seed, entities=(*seed.entities, twin))
    with pytest.raises(StoreError, match="nothing stored"):
        any_store.save(broken)
    assert any_store.get(seed.id) is None
    assert all(n == 0 for n in any_store.counts().values())
    assert any_store.save(seed) is SaveResult.STORED


def test_store_refuses_a_known_id_with_a_different_text(any_store):
    row = wikinews_rows()[0]
    any_store.save(named(row, ["Donald Trump"]))
    other = named({**wikinews_rows()[4], "id": row["id"]}, ["Donald Trump"])
    with pytest.raises(StoreError, match="already stored with a different text"):
        any_store.save(other)


def test_store_iterates_every_extraction(any_store):
    rows = wikinews_rows()[:3]
    saved = [named(row, ["Donald Trump", "Mike Pompeo"], quote_of="Mike Pompeo") for row in rows]
    for x in saved:
        any_store.save(x)
    assert sorted(x.id for x in any_store.iter_extractions()) == sorted(x.id for x in saved)


def test_store_records_a_near_duplicate_copy_on_its_original(any_store):
    seed = seed_gold()
    any_store.save(seed)
    copy = dataclasses.replace(
        seed.article, id="syndicated", url="https://example.org/copy", text=seed.article.text[:-5]
    )
    any_store.add_copy(seed.id, copy)
    assert any_store.get("syndicated") == seed
    assert any_store.counts()["seen_at"] == 2 and any_store.counts()["articles"] == 1
