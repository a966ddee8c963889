"""``--fetch``: feed links read politely through the Fetcher's one network seam (served from fixtures here)."""

from __future__ import annotations

import time
import urllib.request
from pathlib import Path

import pytest

from dateline.errors import IngestError
from dateline.ingest import read_inputs
from dateline.ingest.feed import USER_AGENT, Fetcher, read_feed
from dateline.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


class FixtureWeb:
    """Serves the saved Wikinews pages at their own URLs and remembers every request."""

    def __init__(self) -> None:
        self.pages = {}
        for article in read_inputs([str(FIXTURES / "wikinews-pages")]):
            assert isinstance(article, Article)
            self.pages[article.url] = Path(str(article.fetched_from)).read_bytes()
        self.requests: list[tuple[str, str | None, float]] = []

    def __call__(self, request: urllib.request.Request, timeout: float, max_bytes: int) -> bytes:
        self.requests.append((request.full_url, request.get_header("User-agent"), time.monotonic()))
        return self.pages[request.full_url][:max_bytes]


def test_fetched_entries_are_the_linked_pages_one_host_at_a_time() -> None:
    web = FixtureWeb()
    fetcher = Fetcher(delay=0.05, transport=web)
    feed = (FIXTURES / "wikinews-feed.xml").read_bytes()
    fetched = [a for a in read_feed(feed, "feed.xml", fetcher) if isinstance(a, Article)]
    from_pages = {a.url: a.text for a in read_inputs([str(FIXTURES / "wikinews-pages")]) if isinstance(a, Article)}
    assert {a.url: a.text for a in fetched} == from_pages
    assert all(agent == USER_AGENT for _, agent, _ in web.requests)
    times = [at for _, _, at in web.requests]
    assert len(times) == 5 and all(b - a >= 0.045 for a, b in zip(times, times[1:], strict=False))


def test_only_http_links_are_fetched() -> None:
    with pytest.raises(IngestError, match="only http and https"):
        Fetcher(transport=FixtureWeb()).get("file:///etc/passwd")
