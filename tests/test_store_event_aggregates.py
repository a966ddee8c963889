"""``event_links`` and ``event_counts`` (the network and timeline queries) on both backends."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline.store import EventFilter, QueryError
from tests import store_seed
from tests.web_seed import annotated_seed

any_store = store_seed.any_store  # the fixture: SQLite and PostgreSQL


@pytest.fixture
def filled(any_store):
    seed = annotated_seed()
    any_store.save(seed)
    # The same article a year earlier (its text marked so it hashes apart), to give the timeline two periods.
    earlier = replace(seed.article, id="mehr-earlier", text=seed.article.text + " (2022 copy)", published="2022-05-02")
    any_store.save(replace(seed, article=earlier))
    return any_store


def test_event_links_join_actors_with_cooperation_and_conflict(filled):
    links = filled.event_links(EventFilter())
    pairs = {(x["source_name"], x["target_name"]): x for x in links}
    assault = pairs[("United States", "Qassem Soleimani")]
    assert assault["n"] == 2 and assault["conflict"] == 2 and assault["cooperation"] == 0
    support = pairs[("Hamzeh Qalandari", "Qassem Soleimani")]
    assert support["cooperation"] == 2 and support["source_kind"] == "person"
    assert [x["n"] for x in links] == sorted((x["n"] for x in links), reverse=True)
    one = filled.event_links(EventFilter(type="ASSAULT"), top=5)
    assert [(x["source_name"], x["target_name"]) for x in one] == [("United States", "Qassem Soleimani")]
    assert filled.event_links(EventFilter(since="2023-01-01"), top=1)[0]["n"] == 1


def test_event_counts_per_month_and_week(filled):
    months = filled.event_counts(EventFilter())
    assert {r["period"] for r in months} == {"2022-05", "2023-05"}
    assert sum(r["n"] for r in months) == 16
    assault = filled.event_counts(EventFilter(type="assault", until="2022-12-31"))
    assert assault == [{"period": "2022-05", "type": "ASSAULT", "n": 1}]
    weeks = filled.event_counts(EventFilter(actor="IRN"), by="week")
    assert weeks and all(r["period"][:4] in ("2022", "2023") and "-W" in r["period"] for r in weeks)
    with pytest.raises(QueryError):
        filled.event_counts(EventFilter(), by="decade")


def test_sqlite_store_refreshes_planner_statistics_after_writing(tmp_path):
    import sqlite3

    from dateline.store.sqlite import SQLiteStore

    db = tmp_path / "stats.db"
    store = SQLiteStore(db)
    store.save(annotated_seed())
    store.close()
    with sqlite3.connect(db) as check:
        tables = {row[0] for row in check.execute("SELECT tbl FROM sqlite_stat1")}
    assert {"quotes", "events", "event_actors"} <= tables
