"""Actors across articles: linked by the title-stripped name, never by a shared surname."""

from __future__ import annotations

from tests import store_seed
from tests.store_seed import named, seed_gold, wikinews_rows

any_store = store_seed.any_store  # the fixture: SQLite and PostgreSQL


def test_store_links_the_same_person_across_articles_despite_titles(any_store):
    rows = wikinews_rows()
    any_store.save(named(rows[0], ["President Donald Trump"], quote_of="President Donald Trump"))
    any_store.save(named(rows[4], ["Donald Trump"], quote_of="Donald Trump"))
    trump = [a for a in any_store.actors(top=50) if a["name"].endswith("Donald Trump")]
    assert len(trump) == 1
    actor = any_store.actor(trump[0]["id"])
    assert actor["n_articles"] == 2
    assert set(actor["aliases"]) == {"President Donald Trump", "Donald Trump"}
    assert (actor["first_seen"], actor["last_seen"]) == ("2019-01-23", "2019-03-31")
    assert actor["n_quotes"] == len(any_store.actor_quotes(actor["id"], limit=100)) > 0


def test_store_keeps_people_who_share_only_a_surname_apart(any_store):
    rows = wikinews_rows()
    any_store.save(named(rows[3], ["Thaksin Shinawatra", "Yingluck Shinawatra"]))
    any_store.save(named(rows[17], ["Joe Biden", "Hunter Biden"]))
    names = sorted(a["name"] for a in any_store.actors(top=50))
    assert names == ["Hunter Biden", "Joe Biden", "Thaksin Shinawatra", "Yingluck Shinawatra"]


def test_store_actor_counts_quotes_and_events_of_the_seed(any_store):
    seed = seed_gold()
    any_store.save(seed)
    top = any_store.actors(top=3)
    assert top[0]["name"] == "Hamzeh Qalandari"
    assert top[0]["actor_code"] == "IRNMIL"
    assert top[0]["n_quotes"] == sum(1 for q in seed.quotes if q.speaker_name == "Hamzeh Qalandari")
    assert top[0]["n_events"] == 2  # ACCUSE NATO, SUPPORT Soleimani
    places = any_store.actors(top=10, kind="place")
    assert {p["name"] for p in places} == {"Iran", "United States", "New Delhi"}
    iran = next(p for p in places if p["name"] == "Iran")
    assert {v["id"] for v in any_store.actor_events(iran["id"])} == {
        v.id for v in seed.events if "e4" in (*v.source, *v.target)
    }
