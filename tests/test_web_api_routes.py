"""The REST API in-process: every route on a real SQLite store, its filters, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dateline.store import open_store
from dateline.web import create_app
from tests.web_seed import direct_quote_texts


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(str(web_db)), raise_server_exceptions=False) as c:
        yield c


def test_articles_list_filters_and_pages(client):
    rows = client.get("/api/articles").json()
    assert {r["id"] for r in rows} >= {"mehr-qalandari"}
    assert len(rows) == 5
    seed = next(r for r in rows if r["id"] == "mehr-qalandari")
    assert seed["n_quotes"] == 14 and seed["n_events"] == 8
    mehr = client.get("/api/articles", params={"outlet": "mehr"}).json()
    assert [r["id"] for r in mehr] == ["mehr-qalandari"]
    page = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert [r["id"] for r in page] == [r["id"] for r in rows[1:3]]
    found = client.get("/api/articles", params={"q": "Qalandari"}).json()
    assert [r["id"] for r in found] == ["mehr-qalandari"]


def test_one_article_is_the_json_contract(client):
    body = client.get("/api/articles/mehr-qalandari").json()
    assert body["id"] == "mehr-qalandari"
    assert body["article"]["source"] == "Mehr News Agency"
    text = body["article"]["text"]
    direct = [text[slice(*q["content"][0])] for q in body["quotes"] if q["kind"] == "direct"]
    assert direct == direct_quote_texts()


def test_quotes_by_speaker_words_and_dates(client):
    rows = client.get("/api/quotes", params={"speaker": "qalandari", "limit": 100}).json()
    assert {r["speaker_name"] for r in rows} == {"Hamzeh Qalandari"}
    assert set(direct_quote_texts()) <= {r["content"] for r in rows}
    assert all(r["actor_id"] is not None for r in rows)
    about = client.get("/api/quotes", params={"about": "terrorism", "speaker": "Qalandari"}).json()
    assert about and all("terrorism" in r["content"].lower() for r in about)
    none = client.get("/api/quotes", params={"speaker": "Qalandari", "until": "2022-12-31"}).json()
    assert none == []


def test_events_by_actor_code_and_type(client):
    assault = client.get("/api/events", params={"type": "assault", "article": "mehr-qalandari"}).json()
    assert [(r["source_names"], r["target_names"]) for r in assault] == [(["United States"], ["Qassem Soleimani"])]
    iran = client.get("/api/events", params={"actor": "IRN", "article": "mehr-qalandari"}).json()
    assert iran and all("IRN" in " ".join(r["source_codes"] + r["target_codes"]) for r in iran)


def test_actors_and_one_actor_with_quotes_and_events(client):
    actors = client.get("/api/actors", params={"top": 5}).json()
    top = actors[0]
    assert top["name"] == "Hamzeh Qalandari" and top["n_quotes"] == 13
    one = client.get(f"/api/actors/{top['id']}").json()
    assert len(one["quotes"]) == 13
    assert {e["type"] for e in one["events"]} == {"ACCUSE", "SUPPORT"}
    assert client.get("/api/actors/999999").status_code == 404
    assert client.get("/api/actors/not-a-number").status_code == 400


def test_search_marks_matches(client):
    hits = client.get("/api/search", params={"q": "terrorism"}).json()
    assert hits and {h["kind"] for h in hits} <= {"article", "quote"}
    assert any("[" in h["snippet"] for h in hits)


def test_network_and_timeline(client):
    net = client.get("/api/network").json()
    names = {n["name"] for n in net["nodes"]}
    assert {"United States", "Qassem Soleimani"} <= names
    link = next(x for x in net["links"] if x["tone"] == "conflict")
    assert link["n"] >= 1
    ids = {n["id"] for n in net["nodes"]}
    assert all(x["source"] in ids and x["target"] in ids for x in net["links"])
    months = client.get("/api/timeline", params={"actor": "IRN"}).json()
    assert months and all(r["period"] == "2023-05" for r in months if r["type"] == "CONCEDE")
    weeks = client.get("/api/timeline", params={"by": "week"}).json()
    assert weeks and all("-W" in r["period"] for r in weeks)


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/api/articles/no-such-article", {}, 404),
        ("/api/quotes", {"about": '"unterminated'}, 400),
        ("/api/articles", {"q": "AND OR"}, 400),
        ("/api/search", {"q": "(("}, 400),
        ("/api/search", {}, 400),
        ("/api/quotes", {"since": "last tuesday"}, 400),
        ("/api/events", {"until": "2023-13-45"}, 400),
        ("/api/quotes", {"limit": 0}, 400),
        ("/api/quotes", {"limit": 100000}, 400),
        ("/api/events", {"offset": -1}, 400),
        ("/api/timeline", {"by": "decade"}, 400),
        ("/api/nowhere", {}, 404),
    ],
)
def test_errors_are_json_with_a_message(client, url, params, status):
    r = client.get(url, params=params)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    message = r.json()["error"]
    assert message and "Traceback" not in message and 'File "' not in message


FULL_TEXT = {("/api/articles", "q"), ("/api/quotes", "about"), ("/api/search", "q")}
INJECTIONS = ["' OR 1=1 --", '" OR ""="', "x'; DROP TABLE articles; --", "%' UNION SELECT id, text FROM articles --"]


@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize(
    ("url", "param"),
    [
        ("/api/articles", "outlet"),
        ("/api/articles", "q"),
        ("/api/quotes", "speaker"),
        ("/api/quotes", "about"),
        ("/api/quotes", "outlet"),
        ("/api/quotes", "article"),
        ("/api/events", "actor"),
        ("/api/events", "type"),
        ("/api/events", "target"),
        ("/api/actors", "kind"),
        ("/api/search", "q"),
        ("/api/network", "actor"),
        ("/api/timeline", "type"),
    ],
)
def test_sql_injection_is_400_or_nothing(client, url, param, payload):
    r = client.get(url, params={param: payload})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 200:
        body = r.json()
        rows = body["nodes"] if isinstance(body, dict) else body
        if (url, param) in FULL_TEXT:
            # The payload's words are searched for as words: a hit must really contain them,
            # and the search never turns into "everything".
            everything = client.get(url, params={param: "the", "limit": 100}).json()
            assert len(rows) < len(everything) or not rows
        else:
            assert rows == []
    assert client.get("/api/articles").status_code == 200  # the table is still there


def test_pages_answer_html_and_errors_as_html(client):
    for url in ("/", "/articles", "/articles/mehr-qalandari", "/quotes?speaker=Qalandari", "/actors", "/network"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
    r = client.get("/quotes", params={"about": '"broken'}, headers={"accept": "text/html"})
    assert r.status_code == 400 and "unterminated" in r.text
    assert client.get("/articles/nope", headers={"accept": "text/html"}).status_code == 404


def test_docs_page_lists_every_api_route(client):
    page = client.get("/docs").text
    spec = client.get("/api/openapi.json").json()
    for path in spec["paths"]:
        assert path in page
    assert "<script>" not in page


def test_readme_names_every_route(client):
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    spec = client.get("/api/openapi.json").json()
    for path in spec["paths"]:
        assert f"`{path.split('{')[0].rstrip('/')}" in readme, f"{path} is not in the README"
    for page in ("/articles/{id}", "/quotes", "/actors/{id}", "/network", "/timeline", "/search"):
        assert f"`{page}`" in readme, page


def test_pipeline_output_is_highlighted_record_by_record(tmp_path, seed_extraction):
    """Whatever the real pipeline finds in the seed article, every span of it is marked on the page."""
    db = tmp_path / "real.db"
    with open_store(str(db)) as store:
        store.save(seed_extraction)
    with TestClient(create_app(str(db))) as c:
        page = c.get(f"/articles/{seed_extraction.id}").text
    assert seed_extraction.entities, "the pipeline found no entity in the seed article"
    for e in seed_extraction.entities:
        assert page.count(f'data-entity="{e.id}"') >= len(e.mentions), e
    for q in seed_extraction.quotes:
        assert f'id="rec-{q.id}"' in page and f'href="#rec-{q.id}"' in page, q
    for v in seed_extraction.events:
        assert f'id="rec-{v.id}"' in page and f'href="#rec-{v.id}"' in page, v
