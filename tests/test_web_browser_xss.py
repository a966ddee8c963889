"""Hostile article text in a real browser: script tags, onerror handlers and javascript: links stay inert.

The article is stored with records whose spans cover the payloads (so they pass through the
highlighter too), and hostile strings sit in every metadata field and in names. The page is
then opened, every link and highlighted record clicked, and the test checks that no payload
ran: no dialog, no flag set on ``window``, no request to the payloads' URLs.
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Entity, Event, Extraction, PipelineInfo, Quote, Span
from dateline.store import open_store
from tests.web_seed import ARTIFACTS, running_server

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    '<img src="/x-img" onerror="window.__pwned = \'img\'">',
    "<a href=\"javascript:window.__pwned = 'link'\">click me</a>",
    "<svg onload=\"window.__pwned = 'svg'\"></svg>",
    "\"><script>window.__pwned = 'attr'</script>",
    "<iframe src=\"javascript:parent.__pwned = 'iframe'\"></iframe>",
]
TEXT = (
    "LONDON- The minister said “"
    + PAYLOADS[0]
    + " is the plan” on Monday. "
    + PAYLOADS[1]
    + " Officials added that "
    + PAYLOADS[2]
    + " was a mistake. "
    + PAYLOADS[3]
    + " "
    + PAYLOADS[4]
    + " "
    + PAYLOADS[5]
)
HOSTILE_NAME = "<img src=/x-name onerror=\"window.__pwned='name'\">"


def hostile_extraction() -> Extraction:
    text = TEXT
    start = text.index("“") + 1
    end = text.index("”")
    minister = text.index("minister")
    link = text.index(PAYLOADS[2])
    article = Article(
        id="hostile",
        text=text,
        title="<script>window.__pwned='title'</script>Hostile",
        source="<img src=/x-source onerror=\"window.__pwned='source'\">",
        url="javascript:window.__pwned='url'",
        licence="\"><script>window.__pwned='licence'</script>",
        attribution="<a href=\"javascript:window.__pwned='attribution'\">credit</a>",
        published="2024-01-02",
    )
    entity = Entity(
        id="e1", name=HOSTILE_NAME, kind="person<script>", mentions=(Span(minister, minister + 8),), actor_code="X"
    )
    quote = Quote(
        id="q1",
        kind="direct",
        content=(Span(start, end),),
        cue=Span(minister + 9, minister + 13),
        speaker_mention=Span(minister, minister + 8),
        speaker="e1",
        speaker_name=HOSTILE_NAME,
    )
    event = Event(
        id="v1",
        type="ACCUSE<script>",
        evidence=Span(link, link + len(PAYLOADS[2])),
        cameo='11"><img src=/x-cameo onerror=alert(1)>',
        quad_class=3,
        source=("e1",),
        trigger=Span(link, link + 10),
    )
    return Extraction(
        article=article, entities=(entity,), quotes=(quote,), events=(event,), pipeline=PipelineInfo("<b>t</b>", "m")
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("xss") / "xss.db"
    with open_store(str(db)) as store:
        store.save(hostile_extraction())
    with running_server(db) as url:
        yield url


@pytest.mark.parametrize(
    "path", ["/articles/hostile", "/", "/articles", "/quotes?speaker=img", "/actors", "/search?q=minister", "/timeline"]
)
def test_payloads_never_run(server, chromium, path):
    context = chromium.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    # Click everything clickable in the article and the panel: links, marks, records.
    for selector in ("#article-text a", "#article-text mark", ".panel a.record", "main a[href^='javascript']"):
        for handle in page.query_selector_all(selector)[:20]:
            try:
                handle.click(timeout=1000)
            except Exception:  # noqa: BLE001, S112 (a covered or vanished element is not a failure)
                continue
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert not [u for u in requests if "/x-" in u], requests
    assert page.query_selector("main script, main img, main iframe, main svg[onload]") is None
    assert page.query_selector("a[href^='javascript']") is None
    if path == "/articles/hostile":
        # The payloads are shown as the words they are.
        shown = page.inner_text("#article-text")
        assert PAYLOADS[0] in shown and PAYLOADS[2] in shown
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "xss-article.png"))
    context.close()


def test_server_on_localhost_refuses_other_host_names(server):
    import httpx2

    assert httpx2.get(server + "/api/articles").status_code == 200
    rebound = httpx2.get(server + "/api/articles", headers={"host": "evil.example:80"})
    assert rebound.status_code == 400
