"""The web UI in a real browser (Debian's chromium via Playwright) against a real ``dateline serve``.

Screenshots go to ``test-artifacts/`` so a person can look at what the tests saw.
"""

from __future__ import annotations

import re

import pytest

from tests.web_seed import ARTIFACTS, direct_quote_texts, running_server


@pytest.fixture(scope="module")
def server(web_db):
    with running_server(web_db) as url:
        yield url


@pytest.fixture()
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.errors = []  # type: ignore[attr-defined]
    p.on("pageerror", lambda err: p.errors.append(str(err)))  # type: ignore[attr-defined]
    p.on("console", lambda m: m.type == "error" and p.errors.append(m.text))  # type: ignore[attr-defined]
    yield p
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_seed_article_highlights_the_six_direct_quotes_of_qalandari(server, page):
    page.goto(f"{server}/articles/mehr-qalandari")
    direct = page.locator("#article-text mark.q-direct")
    ids = direct.evaluate_all("els => [...new Set(els.map(e => e.dataset.quote))]")
    assert len(ids) == 6
    texts = [
        "".join(page.locator(f'#article-text mark[data-quote="{i}"]').all_inner_texts()).replace("\n", " ") for i in ids
    ]
    assert texts == direct_quote_texts()
    for i in ids:
        record = page.locator(f'.panel a.record[data-quote="{i}"]')
        assert record.get_attribute("data-speaker") == "Hamzeh Qalandari"
        assert record.get_attribute("data-kind") == "direct"
        title = page.locator(f'#article-text mark[data-quote="{i}"]').first.get_attribute("title")
        assert title.startswith("Hamzeh Qalandari")
    # Quotes are coloured by speaker: all six share one colour class, Iranian officials get another.
    classes = {re.search(r"spk-\d", c).group() for c in direct.evaluate_all("els => els.map(e => e.className)")}
    assert len(classes) == 1
    assert page.locator(".speaker-group h3", has_text="Iranian officials").count() == 1
    assert page.errors == [], page.errors  # type: ignore[attr-defined]
    shot(page, "article")


def test_clicking_a_record_scrolls_to_and_marks_its_evidence(server, page):
    page.goto(f"{server}/articles/mehr-qalandari")
    record = page.locator('.panel a.record[data-event="v4"]')
    record.click()
    page.wait_for_url(re.compile(r"#rec-v4$"))
    evidence = page.locator("#rec-v4")
    assert "evidence" in evidence.get_attribute("class") and "active" in evidence.get_attribute("class")
    assert evidence.is_visible()
    box = evidence.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    # A speaker mention links to its quote.
    page.locator("#article-text a.speaker").first.click()
    assert re.search(r"#rec-q\d+$", page.url)


def test_keyboard_reaches_a_quote_record_and_follows_it(server, page):
    page.goto(f"{server}/articles/mehr-qalandari")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    page.locator('.panel a.record[data-quote="q3"]').focus()
    page.keyboard.press("Enter")
    # The fragment navigation lands after the key event returns: wait for it, don't race it.
    page.wait_for_url(re.compile(r"#rec-q3$"))
    assert "active" in page.locator("#rec-q3").get_attribute("class")


def test_quote_search_finds_qalandari_and_opens_the_actor(server, page):
    page.goto(f"{server}/quotes")
    page.fill('input[name="speaker"]', "Qalandari")
    page.fill('input[name="about"]', "terrorism")
    page.click("#quote-search button")
    page.wait_for_url(re.compile(r"speaker=Qalandari"))
    rows = page.locator("li.quote-row")
    assert rows.count() >= 2
    assert all("terrorism" in t.lower() for t in page.locator("li.quote-row blockquote").all_inner_texts())
    assert set(page.locator("li.quote-row .speaker-name").all_inner_texts()) == {"Hamzeh Qalandari"}
    shot(page, "quotes")
    page.locator("li.quote-row .speaker-name a").first.click()
    page.wait_for_url(re.compile(r"/actors/\d+$"))
    assert page.locator("h1").inner_text() == "Hamzeh Qalandari"
    assert page.locator("#h-said .count").inner_text().endswith("13")
    assert page.locator("svg.chart").count() == 1
    shot(page, "actor")


def test_network_draws_actors_and_timeline_draws_bars(server, page):
    page.goto(f"{server}/network")
    page.wait_for_function(
        "() => { const b = document.getElementById('network'); return b.dataset.ready || b.textContent; }"
    )
    box = page.locator("#network")
    assert box.get_attribute("data-ready"), (box.inner_text(), page.errors)  # type: ignore[attr-defined]
    names = page.locator("#network a.node title").all_text_contents()
    assert any(n.startswith("United States") for n in names)
    assert page.locator("#network line.conflict").count() >= 1
    assert page.errors == [], page.errors  # type: ignore[attr-defined]
    shot(page, "network")
    page.goto(f"{server}/timeline")
    assert page.locator("svg.chart rect").count() >= 1
    assert page.locator(".legend-list li").count() >= 3
    shot(page, "timeline")


def test_phone_width_has_no_sideways_scroll(server, chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    p = context.new_page()
    for path in ("/", "/articles/mehr-qalandari", "/quotes?speaker=Qalandari", "/network"):
        p.goto(server + path)
        overflow = p.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, path
    p.goto(f"{server}/articles/mehr-qalandari")
    shot(p, "article-phone")
    context.close()


def test_concurrent_requests_all_succeed(server):
    """Routes run in worker threads: each must use its own thread's SQLite connection."""
    import concurrent.futures

    import httpx2

    urls = ["/api/network", "/network", "/", "/timeline", "/api/quotes", "/articles/mehr-qalandari", "/search?q=Iran"]

    def fetch(i: int) -> int:
        return httpx2.get(server + urls[i % len(urls)], timeout=30).status_code

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(fetch, range(112)))
    assert statuses == [200] * len(statuses)
