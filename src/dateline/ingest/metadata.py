"""Turning loose metadata (JSONL fields, sidecars, HTML meta) into an ``Article``.

Owns field-name aliases (``license``/``licence``, ``date``/``published``), the dateline
("TEHRAN-", "WASHINGTON (Reuters) —") found at the head of a story, and the article id rule:
the input's own id when it has one, else a short hash of the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dateline.errors import IngestError
from dateline.ingest.language import identify_language
from dateline.ingest.licence import normalise_licence
from dateline.ingest.limits import MAX_ARTICLE_CHARS
from dateline.records import Article, short_id

# A dateline is an all-caps place (optionally ", Country" and "(Agency)") followed by a dash
# or colon at the very start of the body.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\-]{1,40}?(?:,\s*[A-Z][A-Za-z .]{1,30})?)"
    r"\s*(?:\((?P<agency>[A-Za-z .]{2,30})\))?\s*[-–—:]+\s+(?=\S)"
)


def find_dateline(text: str) -> str | None:
    """The place in a leading dateline, e.g. ``TEHRAN`` from ``"TEHRAN- The head of ..."``."""
    match = _DATELINE.match(text[:120])
    if not match:
        return None
    place = match.group("place").strip(" -")
    # "THE" or "A" alone are sentence starts in shouting headlines, not places.
    if len(place) < 3 or place in {"THE", "AND", "BUT"}:
        return None
    return place


def dateline_length(text: str) -> int:
    """How many leading characters the dateline takes (0 when there is none)."""
    match = _DATELINE.match(text[:120])
    return match.end() if match and find_dateline(text) else 0


_ALIASES = {
    "license": "licence",
    "date": "published",
    "publish_date": "published",
    "author": "authors",
    "outlet": "source",
    "publisher": "source",
    "link": "url",
    "lang": "language",
}
_FIELDS = set(Article.__dataclass_fields__) - {"id", "text"}


def article_from_fields(text: str, fields: Mapping[str, object]) -> Article:
    """Build an Article from a text and loosely named metadata, ignoring unknown keys."""
    if len(text) > MAX_ARTICLE_CHARS:
        origin = fields.get("fetched_from") or fields.get("id") or "article"
        raise IngestError(
            f"{origin}: {len(text):,} characters is over the {MAX_ARTICLE_CHARS:,}-character article limit"
        )
    clean: dict[str, object] = {}
    for key, value in fields.items():
        key = _ALIASES.get(key, key)
        if key in _FIELDS and value not in (None, ""):
            clean[key] = value
    authors = clean.get("authors")
    if isinstance(authors, str):
        clean["authors"] = tuple(a.strip() for a in re.split(r",| and |;", authors) if a.strip())
    elif isinstance(authors, (list, tuple)):
        clean["authors"] = tuple(str(a) for a in authors)
    else:  # false, 0, {} in a JSONL line: not names; dropped rather than stored as junk
        clean.pop("authors", None)
    if "language" not in clean and (found := identify_language(text)) is not None:
        clean["language"] = found
    if "licence" in clean:
        clean["licence"] = normalise_licence(str(clean["licence"]))
    for key in (
        "title",
        "url",
        "source",
        "published",
        "dateline",
        "language",
        "licence",
        "attribution",
        "fetched_from",
    ):
        if key in clean:
            clean[key] = str(clean[key])
    raw_id = fields.get("id")
    article_id = str(raw_id) if raw_id not in (None, "") else short_id(text)
    return Article(id=article_id, text=text, **clean)  # type: ignore[arg-type]
