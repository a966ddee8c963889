"""The server's guards in-process: read-only by default, the token, body caps, headers, escaping."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from dateline.errors import ConfigError
from dateline.records import Article, Extraction, PipelineInfo
from dateline.store import open_store
from dateline.web import create_app
from tests.web_seed import SAMPLES

TOKEN = "a-long-random-test-token-0123456789"
SEED_TEXT = (SAMPLES / "mehr-qalandari.txt").read_text(encoding="utf-8")


@pytest.fixture()
def writable(tmp_path, nlp):
    db = tmp_path / "w.db"
    app = create_app(str(db), allow_ingest=True, token=TOKEN, max_body=200_000)
    app.state.nlp = nlp  # the session's pipeline, so the test does not load a second copy
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, db


def test_read_only_by_default_refuses_post(web_db):
    with TestClient(create_app(str(web_db))) as c:
        r = c.post("/api/articles", content=b"Some text.", headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_ingest_needs_a_token_to_start():
    with pytest.raises(ConfigError):
        create_app("unused.db", allow_ingest=True, token=None)


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"])
def test_wrong_or_missing_token_is_401(writable, header):
    client, db = writable
    headers = {"authorization": header} if header else {}
    r = client.post("/api/articles", content=SEED_TEXT.encode(), headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 0


def test_post_text_then_json_stores_once(writable):
    client, db = writable
    auth = {"authorization": f"Bearer {TOKEN}", "content-type": "text/plain"}
    first = client.post("/api/articles", content=SEED_TEXT.encode(), headers=auth)
    assert first.status_code == 201, first.text
    assert first.json()["stored"] == 1
    again = client.post(
        "/api/articles",
        content=json.dumps({"text": SEED_TEXT, "title": "Same text", "source": "Mehr"}),
        headers={**auth, "content-type": "application/json"},
    )
    assert again.status_code == 200 and again.json()["duplicates"] == 1
    assert client.get(f"/api/articles/{first.json()['ids'][0]}").status_code == 200


@pytest.mark.parametrize(
    ("body", "kind"),
    [(b"{not json", "application/json"), (b"[1, 2]", "application/json"), (b"   ", "text/plain")],
)
def test_bad_bodies_are_400(writable, body, kind):
    client, _ = writable
    r = client.post("/api/articles", content=body, headers={"authorization": f"Bearer {TOKEN}", "content-type": kind})
    assert r.status_code == 400 and r.json()["error"]


def test_body_over_the_cap_is_413_by_header_and_by_stream(writable):
    client, db = writable
    auth = {"authorization": f"Bearer {TOKEN}"}
    big = b"word " * 50_000  # 250 kB, over the 200 kB cap of this app
    assert client.post("/api/articles", content=big, headers=auth).status_code == 413

    def chunks():  # no Content-Length: the cap is enforced while reading
        for _ in range(50):
            yield b"word " * 1_000

    r = client.post("/api/articles", content=chunks(), headers=auth)
    assert r.status_code == 413 and "limit" in r.json()["error"]
    with open_store(str(db)) as store:
        assert store.counts()["articles"] == 0


def test_security_headers_on_pages_api_and_errors(web_db):
    with TestClient(create_app(str(web_db))) as c:
        for url in ("/", "/api/articles", "/api/articles/nope", "/static/dateline.css"):
            r = c.get(url, headers={"origin": "https://evil.example"})
            csp = r.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
            assert "frame-ancestors 'none'" in csp
            assert r.headers["x-content-type-options"] == "nosniff"
            assert r.headers["x-frame-options"] == "DENY"
            assert "access-control-allow-origin" not in r.headers  # CORS is off


def test_a_crash_is_a_json_500_without_internals(tmp_path):
    db = tmp_path / "gone.db"
    app = create_app(str(db))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert c.get("/api/articles").status_code == 200
        with open_store(str(db)) as store:
            store.db.execute("DROP TABLE quotes_fts")  # type: ignore[attr-defined]
        r = c.get("/api/quotes", params={"about": "anything"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error; the server log has the details"}
    assert r.headers["x-frame-options"] == "DENY"


HOSTILE = (
    'Breaking <script>window.__pwned = 1</script> news. <img src=x onerror="window.__pwned = 2"> '
    'Read <a href="javascript:window.__pwned = 3">this</a> and "quoted <b>bold</b>" words & more.'
)


def test_article_text_and_metadata_are_escaped(tmp_path):
    db = tmp_path / "x.db"
    article = Article(
        id="hostile",
        text=HOSTILE,
        title="<script>alert(1)</script> title",
        source="<img src=x onerror=alert(2)>",
        url="javascript:alert(3)",
        licence='"><svg onload=alert(4)>',
    )
    with open_store(str(db)) as store:
        store.save(Extraction(article=article, pipeline=PipelineInfo("test", "none")))
    with TestClient(create_app(str(db))) as c:
        for url in ("/articles/hostile", "/articles", "/", "/search?q=Breaking"):
            page = c.get(url).text
            assert "<script>window" not in page and "<script>alert" not in page, url
            assert "<img src=x" not in page and "<svg onload" not in page, url
            assert 'href="javascript:' not in page, url
        page = c.get("/articles/hostile").text
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page


def test_serve_refuses_ingest_without_a_token(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_TOKEN"}
    run = subprocess.run(
        [sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "s.db"), "--allow-ingest"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 2 and "DATELINE_TOKEN" in run.stderr


def test_serve_binds_to_localhost_by_default():
    from dateline.cli.serve import serve

    defaults = {p.name: p.default for p in inspect.signature(serve).parameters.values()}
    assert defaults["host"] == "127.0.0.1" and defaults["allow_ingest"] is False


def test_post_html_page_is_read_like_a_file(writable):
    client, _ = writable
    paragraphs = "".join(f"<p>{p}</p>" for p in SEED_TEXT.split("\n") if p.strip())
    page = f"<!doctype html><html><head><title>Game changer</title></head><body><article>{paragraphs}</article></body></html>"
    r = client.post(
        "/api/articles",
        content=page.encode(),
        headers={"authorization": f"Bearer {TOKEN}", "content-type": "text/html"},
    )
    assert r.status_code == 201, r.text
    stored = client.get(f"/api/articles/{r.json()['ids'][0]}").json()
    assert "Hamzeh Qalandari" in stored["article"]["text"]
    assert "<p>" not in stored["article"]["text"]
