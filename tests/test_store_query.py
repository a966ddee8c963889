"""The query contract (store/query.py) on both backends, over real article text."""

from __future__ import annotations

import sqlite3

import pytest

from dateline.store import ArticleFilter, EventFilter, QueryError, QuoteFilter
from dateline.store.sqlite import SQLiteStore
from tests import store_seed
from tests.store_seed import named, seed_gold, wikinews_rows

any_store = store_seed.any_store  # the fixture: SQLite and PostgreSQL

QUOTE_KEYS = {
    "article_id", "id", "kind", "content", "content_spans", "cue", "speaker_id", "speaker_name", "actor_id",
    "speaker_mention", "title", "source", "published", "url", "licence", "attribution",
}  # fmt: skip
EVENT_KEYS = {
    "article_id", "id", "type", "mode", "cameo", "goldstein", "quad_class", "source_names", "target_names",
    "source_codes", "target_codes", "source_actor_ids", "target_actor_ids", "when", "where_name", "where_country",
    "evidence", "quote_id", "title", "source", "published", "url", "licence",
}  # fmt: skip


@pytest.fixture
def filled(any_store):
    any_store.save(seed_gold())
    rows = wikinews_rows()
    for i in (0, 4, 11, 17, 22, 28, 35):
        any_store.save(named(rows[i], ["President Donald Trump", "Donald Trump"], quote_of="Donald Trump"))
    return any_store


def test_store_quotes_what_qalandari_said_about_nato(filled):
    rows = filled.quotes(QuoteFilter(speaker="Qalandari", about="NATO"))
    assert "q7" in [r["id"] for r in rows]
    assert all("NATO" in r["content"] and r["speaker_name"] == "Hamzeh Qalandari" for r in rows)
    row = next(r for r in rows if r["id"] == "q7")
    assert QUOTE_KEYS <= set(row)
    assert "NATO" in row["content"]
    assert row["content_spans"] == [[3073, 3286]]
    assert (row["speaker_name"], row["cue"], row["licence"]) == ("Hamzeh Qalandari", "concluded", "CC-BY-4.0")
    assert row["attribution"].startswith("Mehr News Agency")


def test_store_quotes_filter_by_date_outlet_and_page(filled):
    everything = filled.quotes(QuoteFilter(speaker="trump", limit=500))
    assert everything and all(r["speaker_name"] == "Donald Trump" for r in everything)
    published = [r["published"] for r in everything]
    assert published == sorted(published, reverse=True)  # newest first
    in_2019 = filled.quotes(QuoteFilter(speaker="trump", since="2019-09", until="2019-10-15", limit=500))
    assert in_2019 and all("2019-09-01" <= r["published"][:10] <= "2019-10-15" for r in in_2019)
    assert len(in_2019) < len(everything)
    assert filled.quotes(QuoteFilter(outlet="wikinews", speaker="Qalandari")) == []
    assert len(filled.quotes(QuoteFilter(outlet="mehr"))) == 14
    page = filled.quotes(QuoteFilter(speaker="trump", limit=2, offset=1))
    assert [r["id"] for r in page] == [r["id"] for r in everything[1:3]]


def test_store_events_by_code_prefix_name_type_and_target(filled):
    by_code = filled.events(EventFilter(actor="IRN"))
    assert by_code and EVENT_KEYS <= set(by_code[0])
    assert {r["type"] for r in by_code} >= {"CONCEDE", "REJECT", "ASSAULT", "CONSULT", "SUPPORT"}  # IRN and IRNMIL
    assault = filled.events(EventFilter(type="assault"))
    assert [(r["source_names"], r["target_names"], r["cameo"]) for r in assault] == [
        (["United States"], ["Qassem Soleimani"], "186")
    ]
    assert assault[0]["target_codes"] == ["IRNMIL"] and assault[0]["when"] == "2020-01"
    assert len(assault[0]["target_actor_ids"]) == 1
    at_nato = filled.events(EventFilter(target="nato"))
    assert [r["type"] for r in at_nato] == ["ACCUSE"]
    assert filled.events(EventFilter(actor="Qalandari", target="Soleimani"))[0]["type"] == "SUPPORT"
    consult = filled.events(EventFilter(type="CONSULT"))[0]
    assert (consult["where_name"], consult["where_country"]) == ("New Delhi", "IND")


def test_store_search_marks_matches_in_articles_and_quotes(filled):
    hits = filled.search("terrorism", limit=10)
    assert {h["kind"] for h in hits} == {"article", "quote"}
    assert all("[" in h["snippet"] and "]" in h["snippet"] for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert any(h["quote_id"] and h["article_id"] == "mehr-qalandari" for h in hits)
    assert filled.search("zzyzx-nothing", limit=5) == []


def test_store_search_syntax_errors_are_query_errors(filled):
    if isinstance(filled, SQLiteStore):
        with pytest.raises(QueryError, match="double quotes"):
            filled.search('weapons AND "unclosed', limit=5)
    else:  # websearch_to_tsquery reads any input; the same text must not fail
        assert isinstance(filled.search('weapons AND "unclosed', limit=5), list)
    assert filled.search("U.S. weapons", limit=5)  # punctuation in plain words is fine
    with pytest.raises(QueryError, match="empty"):
        filled.search("  ")
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        filled.quotes(QuoteFilter(since="last tuesday"))


def test_store_list_articles_and_stats(filled):
    articles = filled.list_articles(ArticleFilter(outlet="wikinews", since="2019-09-01", limit=100))
    assert articles and all(a["published"] >= "2019-09-01" for a in articles)
    assert {"id", "title", "source", "published", "url", "licence", "language", "n_quotes", "n_events"} <= set(
        articles[0]
    )
    seed = filled.list_articles(ArticleFilter(text="Qalandari"))
    assert [(a["id"], a["n_quotes"], a["n_events"]) for a in seed] == [("mehr-qalandari", 14, 8)]
    stats = filled.stats()
    assert stats["tables"]["articles"] == 8 and stats["tables"]["quotes"] == sum(o["quotes"] for o in stats["outlets"])
    assert {o["source"] for o in stats["outlets"]} == {"Mehr News Agency", "Wikinews (en.wikinews.org)"}
    months = {m["month"]: m["articles"] for m in stats["months"]}
    assert months["2019-09"] == 2 and months[None] == 1  # the seed has no date


def test_store_views_browse_quotes_and_events(filled):
    quotes = filled._rows("SELECT * FROM quotes_with_speakers WHERE actor_name = :n", {"n": "Hamzeh Qalandari"})
    assert len(quotes) == 13 and quotes[0]["actor_code"] == "IRNMIL"
    events = filled._rows("SELECT * FROM events_with_actors WHERE type = :t", {"t": "ASSAULT"})
    assert (events[0]["sources"], events[0]["targets"]) == ("United States", "Qassem Soleimani")


def test_store_migrates_a_foundation_database(tmp_path):
    """A file written by the foundation (0001 only) gains actors, sides and search on open."""
    from importlib.resources import files

    from dateline.store import sqlite
    from dateline.store.sqlbase import statements

    path = tmp_path / "old.db"
    seed = seed_gold()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT 'then')")
    for statement in statements(files("dateline.store").joinpath("schema.sql").read_text(encoding="utf-8")):
        db.execute(statement)
    db.execute("INSERT INTO migrations (name) VALUES ('0001_initial')")
    db.execute(
        "INSERT INTO articles (id, content_hash, text, source) VALUES (?, ?, ?, ?)",
        (seed.id, seed.article.content_hash, seed.article.text, "Mehr News Agency"),
    )
    db.executemany(
        "INSERT INTO entities (article_id, id, name, kind, actor_code) VALUES (?, ?, ?, ?, ?)",
        [(seed.id, e.id, e.name, e.kind, e.actor_code) for e in seed.entities],
    )
    db.commit()
    db.close()
    with SQLiteStore(path) as new:
        names = [r["name"] for r in new._rows("SELECT name FROM migrations ORDER BY name")]
        assert names == [name for name, _ in sqlite.MIGRATIONS]
        assert {a["name"] for a in new.actors(top=50)} >= {"Hamzeh Qalandari", "Iran", "NATO"}
        assert new.list_articles(ArticleFilter(text="Qalandari"))[0]["id"] == seed.id


def test_sqlite_quote_search_gives_the_same_quotes_whichever_side_leads(tmp_path, monkeypatch):
    # SQLite walks the speaker's quotes (or the newest quotes) when the search matches more,
    # else starts from the matches (store/sqlite.py): the plan may change, the answer may not.
    store = SQLiteStore(tmp_path / "plans.db")
    store.save(seed_gold())
    rows = wikinews_rows()
    for i in (0, 4, 11, 17, 22, 28, 35):
        store.save(named(rows[i], ["President Donald Trump", "Donald Trump"], quote_of="Donald Trump"))
    # Qalandari has 14 quotes, fewer than those with "the"; the seven Trump quotes outnumber "NATO".
    assert store._quotes_walk_instead({"speaker": "%Qalandari%", "about": "the"}, speaker=True, page_end=50)
    assert not store._quotes_walk_instead({"speaker": "%Trump%", "about": "NATO"}, speaker=True, page_end=50)
    assert not store._quotes_walk_instead({"about": "the"}, speaker=False, page_end=50)  # a small store
    found = 0
    cases = [
        ("Qalandari", "the"),
        ("Qalandari", "NATO"),
        ("trump", "the"),
        ("trump", "Iran"),
        (None, "the"),
        (None, "Iran"),
    ]
    for speaker, about in cases:
        filter_ = QuoteFilter(speaker=speaker, about=about, limit=500)
        answers = []
        for walk in (True, False):
            monkeypatch.setattr(store, "_quotes_walk_instead", lambda params, walk=walk, **_: walk)
            answers.append(store.quotes(filter_))
        assert answers[0] == answers[1]
        assert all((speaker or "").lower() in (r["speaker_name"] or "").lower() for r in answers[0])
        found += len(answers[0])
    assert found >= 10
    store.close()
