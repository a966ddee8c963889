"""HTML pages: the main text and the metadata a page states, as an ``Article``.

The cascade, in order (each stage a plain function):
1. ``decode_html`` — bytes to text by the declared charset; a page whose bytes contradict its
   declaration (Windows-1256 or Latin-1 labelled UTF-8) is decoded by detection and logged.
2. ``check_complete`` — a document cut short (no closing ``</html>``) is refused, not half-read.
3. trafilatura extracts the body (``favor_precision``: +0.9 F1 points over its defaults on
   naeb-dev) and title, authors, site name and canonical URL; ``clean_title`` drops the
   outlet's name from the title.
4. ``find_published`` — htmldate's extensive search for the date (see its docstring).
5. The dateline ("RAFAH, Gaza Strip (AP) —") is cut from the body's head and recorded.
6. ``detect_page_licence`` — the content licence with its evidence.

Nothing here fetches URLs.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from dateline.errors import IngestError
from dateline.ingest.licence import LicenceFinding, detect_page_licence
from dateline.ingest.limits import MAX_ARTICLE_BYTES
from dateline.ingest.metadata import article_from_fields, dateline_length, find_dateline
from dateline.records import Article

log = logging.getLogger(__name__)

_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
_WORD = re.compile(r"\w+")
MIN_WORDS = 5  # fewer words than this is debris of broken markup, not an article
# An evergreen page ("best gifts of 2023") is rewritten under its old URL; when the last
# modification is this much later than the first publication, the text we hold is the rewrite.
REWRITE_GAP = dt.timedelta(days=90)


@dataclass(frozen=True)
class Page:
    """What one HTML page yields before it becomes an Article."""

    text: str  # the body without its dateline; paragraphs separated by a blank line
    dateline: str | None = None  # the place ("RAFAH")
    dateline_text: str = ""  # the exact prefix cut from the body ("RAFAH, Gaza Strip (AP) — ")
    title: str | None = None
    authors: tuple[str, ...] = ()
    sitename: str | None = None
    url: str | None = None  # canonical URL when the page states one
    published: str | None = None  # ISO date
    licence: LicenceFinding | None = None


def decode_html(data: bytes, name: str) -> str:
    """The page as text. The declared charset wins when the bytes agree with it."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared_match = _CHARSET.search(data[:4096])
    declared = declared_match.group(1).decode("ascii").lower() if declared_match else "utf-8"
    try:
        return data.decode(declared)
    except LookupError:
        declared = "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("utf-8") if declared != "utf-8" else data.decode(declared)
    except UnicodeDecodeError as err:
        bad_at = err.start
    import charset_normalizer  # lazily, as trafilatura in extract_page

    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.encoding in ("utf_8", "ascii"):
        raise IngestError(f"{name}: declared {declared} but byte {bad_at} is not {declared}, and no encoding fits")
    log.warning("%s: declared %s but the bytes are %s; decoded as %s", name, declared, guess.encoding, guess.encoding)
    return str(guess)


def check_complete(html: str, name: str) -> None:
    """A document that opens ``<html`` but ends with neither ``</body>`` nor ``</html>`` was cut short.

    HTML5 lets a page omit both closing tags, but saved and crawled news pages keep them
    (all 83 naeb-dev pages do); a page without either is far likelier a broken download.
    """
    tail = html[-65536:].lower()
    if "<html" in html[:2048].lower() and "</html>" not in tail and "</body>" not in tail:
        raise IngestError(
            f"{name}: truncated HTML (the page ends before </body> and </html>); save the whole page again"
        )


def find_published(html: str, url: str | None, original: str | None) -> str | None:
    """The publication day, ISO: ``original`` is trafilatura's (htmldate's extensive search for
    the original date), kept unless the page was last modified more than ``REWRITE_GAP`` later
    (an evergreen page republished): then the text is the rewrite and its date is the
    modification's. On naeb-dev this takes exact-day accuracy from 68/82 to 70/82.
    """
    from htmldate import find_date  # lazily, as trafilatura in extract_page

    try:
        modified = find_date(html, url=url, extensive_search=True, original_date=False)
    except Exception as err:  # htmldate parses again; broken markup must not sink the page
        log.info("date search failed: %s", err)
        return original
    if original and modified:
        try:
            if dt.date.fromisoformat(modified) - dt.date.fromisoformat(original) > REWRITE_GAP:
                return modified
        except ValueError:
            pass
    return original or modified


def extract_page(data: bytes, name: str, url: str | None = None) -> Page:
    """Body and metadata of one page; an IngestError naming the page when there is none."""
    if len(data) > MAX_ARTICLE_BYTES * 4:
        raise IngestError(f"{name}: {len(data):,} bytes of HTML is over the page size limit")
    if b"\x00" in data[:4096]:
        raise IngestError(f"{name}: binary data, not an HTML page")
    # Imported here, not at the top: trafilatura (with courlan and urllib3) is 0.2 s of import
    # that every process reading JSONL or text would pay — each Ray actor and read task, every
    # `dateline` command — though only HTML pages need it.
    import trafilatura

    html = decode_html(data, name)
    check_complete(html, name)
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise IngestError(f"{name}: cannot parse HTML ({err.__class__.__name__})") from None
    meta: dict[str, Any] = {}
    if document is not None:
        meta = document if isinstance(document, dict) else document.as_dict()
    title = clean_title(meta.get("title"), meta.get("sitename"), meta.get("url") or url)
    text = without_headline(paragraphs(meta.get("text") or ""), title)
    if len(_WORD.findall(text)) < MIN_WORDS:
        raise IngestError(f"{name}: no article text found in the HTML page")
    place = find_dateline(text)
    cut = dateline_length(text) if place else 0
    return Page(
        text=text[cut:],
        dateline=place,
        dateline_text=text[:cut],
        title=title,
        authors=clean_authors(meta.get("author"), html, meta.get("sitename"), meta.get("url") or url),
        sitename=meta.get("sitename"),
        url=meta.get("url") or url,
        published=find_published(html, url, meta.get("date")),
        licence=detect_page_licence(html, text),
    )


_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·]\s+")


def clean_title(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """The headline without the outlet's name that pages add to ``<title>`` ("… | CBC News", "PolitiFact - …").

    A part is dropped only when it names the site (its stated name, or the domain name).
    """
    if not title:
        return title
    names = {_squash(sitename)} if sitename else set()
    host = urlparse(url).hostname if url else None
    domain = _squash(host.removeprefix("www.").rsplit(".", 1)[0]) if host else ""

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return bool(squashed) and (
            squashed in names or (len(domain) >= 3 and (domain in squashed or squashed == domain))
        )

    parts = _TITLE_SEPARATOR.split(title)
    separators = _TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and names_site(parts[0]):
        parts.pop(0)
        separators.pop(0)
    return "".join(part + sep for part, sep in zip(parts, [*separators, ""], strict=True)).strip()


# Byline debris that trafilatura keeps with a name: WordPress's author link text, share buttons.
_BYLINE_PREFIX = re.compile(r"^(?:view all posts by|posts by|written by|posted by|by)\s+", re.I)
_BYLINE_SUFFIX = re.compile(r"\s+(?:link copied|sponsored)$", re.I)
_NOT_A_PERSON = {"sponsored", "staff", "admin"}
_COPYRIGHT = re.compile(
    r'<meta[^>]+name=["\']copyright["\'][^>]+content=["\']([^"\']+)|©\s*(?:\d{4}\s*)?([^<"]{3,60})', re.I
)
_PUBLISHER = re.compile(r'"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')


def clean_authors(authors: str | None, html: str, sitename: str | None, url: str | None) -> tuple[str, ...]:
    """Names from trafilatura's author field, without byline debris.

    When a byline names people and also the outlet, its publisher or the page's copyright
    holder ("Condé Nast, Laura Hawkins"), the organisation goes; alone, it stays (some
    outlets sign staff reports with their own name). trafilatura drops the dots of initials
    ("Thomas W Smith"); the spelling the page uses is put back.
    """
    if not authors:
        return ()
    head = html[:200_000]
    outlets = {_squash(sitename or "")} | {_squash(n) for n in _PUBLISHER.findall(head)}
    holders = " ".join(_squash("".join(groups)) for groups in _COPYRIGHT.findall(head))
    host = urlparse(url).hostname if url else None
    domain = _squash(host.removeprefix("www.").rsplit(".", 1)[0]) if host else ""

    def organisation(name: str) -> bool:
        squashed = _squash(name)
        return (
            squashed in outlets
            or (len(domain) >= 3 and domain in squashed)
            or (len(squashed) > 3 and squashed in holders)
        )

    names = []
    for raw in re.split(r";|,| and ", authors):
        name = _BYLINE_SUFFIX.sub("", _BYLINE_PREFIX.sub("", raw.strip())).strip()
        if _squash(name) and _squash(name) not in _NOT_A_PERSON:
            names.append(_as_written(name, html))
    people = [n for n in names if not organisation(n)]
    return tuple(dict.fromkeys(people or names))


def _as_written(name: str, html: str) -> str:
    """``Thomas W Smith`` → ``Thomas W. Smith`` when the page writes it so."""
    words = name.split()
    if len(words) < 2:
        return name
    pattern = r"\s+".join(re.escape(w) + r"\.?" for w in words)
    found = re.search(pattern, html)
    return " ".join(found.group(0).split()) if found else name


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def without_headline(text: str, title: str | None) -> str:
    """The body without the headline repeated as a paragraph (it is the title, not the story).

    A paragraph is a headline when it is the title, or opens the text, starts with the
    title and is no longer than a headline.
    """
    if not title or not text:
        return text
    wanted = _squash(title)
    kept = []
    for number, paragraph in enumerate(text.split("\n\n")):
        # Only paragraphs of a headline's length are compared (squashing every one is slow).
        short = len(paragraph) <= max(200, 2 * len(title))
        squashed = _squash(paragraph) if short else ""
        if short and (squashed == wanted or (number == 0 and squashed.startswith(wanted))):
            continue
        kept.append(paragraph)
    return "\n\n".join(kept)


def paragraphs(text: str) -> str:
    """trafilatura puts one block per line; a blank line between paragraphs keeps them apart in plain text."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def read_html(data: bytes, name: str, url: str | None = None) -> Article:
    return page_article(extract_page(data, name, url), name)


def page_article(page: Page, name: str) -> Article:
    fields: dict[str, object] = {
        "fetched_from": name,
        "title": page.title,
        "url": page.url,
        "source": page.sitename,
        "published": page.published,
        "authors": page.authors,
        "dateline": page.dateline,
        "licence": page.licence.id if page.licence else None,
        "licence_evidence": _licence_evidence(page.licence),
    }
    return article_from_fields(page.text, fields)


def _licence_evidence(found: LicenceFinding | None) -> str | None:
    """``SOURCE: evidence`` (``rel-license: https://creativecommons.org/…``) for a known licence."""
    if found is None or found.source == "none" or not found.evidence:
        return None
    return f"{found.source}: {found.evidence}"[:500]
