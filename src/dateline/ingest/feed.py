"""RSS and Atom feeds via feedparser: each entry becomes an article.

An entry's full content (``content:encoded``, Atom ``content``) is its text; an entry with only
a summary is ingested as such and flagged in ``fetched_from`` ("… (summary only)"). Links are
fetched only when the caller passes a ``Fetcher`` (``--fetch``), politely: one request at a
time, a pause per host, a timeout and a user agent.
"""

from __future__ import annotations

import logging
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import feedparser

from dateline.errors import IngestError, Rejection
from dateline.ingest.html import extract_page
from dateline.ingest.licence import normalise_licence
from dateline.ingest.metadata import article_from_fields
from dateline.records import Article
from dateline.version import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"Dateline/{__version__} (news research; offline-first)"


def _urlopen(request: urllib.request.Request, timeout: float, max_bytes: int) -> bytes:
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked by Fetcher)
        return bytes(response.read(max_bytes))


@dataclass
class Fetcher:
    """Sequential, polite HTTP GET: one host at a time, ``delay`` seconds between calls to a host.

    ``transport`` is the one seam that touches the network, so tests swap it for a function
    that serves fixture files.
    """

    timeout: float = 20.0
    delay: float = 1.0
    max_bytes: int = 8 * 1024 * 1024
    transport: Callable[[urllib.request.Request, float, int], bytes] = _urlopen
    last_call: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> bytes:
        parts = urlparse(url)
        if parts.scheme not in ("http", "https"):
            # A feed must not make us read local files (file://) or other schemes.
            raise IngestError(f"{url}: only http and https links are fetched")
        wait = self.last_call.get(parts.netloc, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            return self.transport(request, self.timeout, self.max_bytes)
        except OSError as err:
            raise IngestError(f"{url}: cannot fetch ({err})") from None
        finally:
            self.last_call[parts.netloc] = time.monotonic()


def read_feed(data: bytes, name: str, fetcher: Fetcher | None = None) -> Iterator[Article | Rejection]:
    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if parsed.get("bozo") and not isinstance(problem, feedparser.CharacterEncodingOverride):
        # A feed that is not well-formed XML is refused whole: half a feed would be stored silently.
        yield Rejection(name, f"not a well-formed RSS/Atom feed ({_describe(problem)})")
        return
    if not parsed.get("version"):
        yield Rejection(name, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
        return
    feed_licence = parsed.feed.get("rights") or parsed.feed.get("license")
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{name}#{number}"
        try:
            yield _entry_article(entry, origin, feed_licence, parsed.feed.get("title"), fetcher)
        except IngestError as err:
            yield Rejection(name, str(err).removeprefix(f"{origin}: "), number)


def _entry_article(
    entry: feedparser.FeedParserDict,
    origin: str,
    feed_licence: str | None,
    feed_title: str | None,
    fetcher: Fetcher | None,
) -> Article:
    link = entry.get("link")
    content = entry.get("content")
    body = content[0].get("value") if content else None
    flag = ""
    if fetcher is not None and link:
        page = extract_page(fetcher.get(link), link, url=link)
    else:
        if not body:
            body = entry.get("summary")
            flag = " (summary only)"
        if not body:
            raise IngestError(f"{origin}: entry has neither content nor summary")
        # The fragment goes through the same extractor as a saved page, so a feed and the
        # page it summarises yield the same text.
        wrapped = f"<html><body><article>{body}</article></body></html>".encode()
        page = extract_page(wrapped, origin, url=link)
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    licence = entry.get("rights") or entry.get("license") or feed_licence
    fields: dict[str, object] = {
        "title": entry.get("title") or page.title,
        "url": link or page.url,
        "source": feed_title or page.sitename,
        "published": time.strftime("%Y-%m-%d", published) if published else page.published,
        "authors": tuple(a["name"] for a in entry.get("authors", []) if a.get("name")) or page.authors,
        "dateline": page.dateline,
        "licence": normalise_licence(licence) if licence else (page.licence.id if page.licence else None),
        "fetched_from": origin + flag,
    }
    return article_from_fields(page.text, fields)


def _describe(problem: object) -> str:
    message = str(problem) or problem.__class__.__name__
    return message.splitlines()[0][:120]
