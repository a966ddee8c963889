"""JSONL: one article per line (``text`` or ``html``, optional ``id``, ``title``, ``published``,
``url``, ``source``, ``licence``). The input's ``id`` is kept; a broken line is a Rejection
naming its line number and the rest of the file goes on.

A line in the JSON contract (an object with ``"article"`` and ``"entities"``, as written by
``dateline extract`` and ``dateline export --format jsonl``) is read back as the whole
``Extraction``, spans checked against its text, so stored records can be restored without
parsing the article again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from dateline.errors import IngestError, Rejection
from dateline.ingest.html import read_html
from dateline.ingest.limits import MAX_ARTICLE_BYTES, MAX_ARTICLES_PER_FILE
from dateline.ingest.metadata import article_from_fields
from dateline.ingest.text import decode_text
from dateline.records import Article, Extraction


def read_jsonl(lines: Iterable[bytes], name: str, first: int = 1) -> Iterator[Article | Extraction | Rejection]:
    """Every line of ``name`` as an article; ``first`` is the number of the first line given (a
    slice of a file, ``ingest.slices``, keeps the whole file's line numbers in its messages)."""
    for number, raw in enumerate(lines, start=first):
        if number > MAX_ARTICLES_PER_FILE:
            yield Rejection(name, f"more than {MAX_ARTICLES_PER_FILE:,} articles in one file; split it", number)
            return
        if not raw.strip():
            continue
        if len(raw) > MAX_ARTICLE_BYTES * 2:
            yield Rejection(name, f"line of {len(raw):,} bytes is over the article size limit", number)
            continue
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as err:
            yield Rejection(name, f"not valid JSON ({err.__class__.__name__}: {str(err)[:80]})", number)
            continue
        if not isinstance(record, dict):
            yield Rejection(name, "a JSON object per line is expected", number)
            continue
        if "article" in record and "entities" in record:
            yield extraction_from_record(record, name, number)
            continue
        try:
            yield article_from_record(record, f"{name}:{number}")
        except IngestError as err:
            yield Rejection(name, str(err).removeprefix(f"{name}:{number}: "), number)


def article_from_record(record: dict[str, object], origin: str) -> Article:
    """One JSON object (``text`` or ``html`` plus metadata) as an Article."""
    fields = {k: v for k, v in record.items() if k not in ("text", "html")}
    fields.setdefault("fetched_from", origin)
    text = record.get("text")
    if isinstance(text, str):
        # Run the same checks a .txt file gets (size, binary junk, emptiness).
        decode_text(text.encode("utf-8", "surrogatepass"), origin)
        return article_from_fields(text, fields)
    html = record.get("html")
    if isinstance(html, str):
        article = read_html(html.encode("utf-8", "surrogatepass"), origin, url=_str(record.get("url")))
        merged = {k: v for k, v in article.metadata().items() if v not in (None, (), "")}
        merged.update({k: v for k, v in fields.items() if v not in (None, "")})
        return article_from_fields(article.text, merged)
    raise IngestError(f"{origin}: no 'text' or 'html' field")


def extraction_from_record(record: dict[str, object], name: str, number: int) -> Extraction | Rejection:
    """A JSON-contract object as an Extraction, or a Rejection saying what is wrong with it."""
    try:
        extraction = Extraction.from_json(record)
    except (KeyError, TypeError, ValueError) as err:
        return Rejection(name, f"not a Dateline extraction ({err.__class__.__name__}: {str(err)[:80]})", number)
    size = len(extraction.article.text)
    for label, span in extraction.spans():
        if not 0 <= span.start <= span.end <= size:
            return Rejection(name, f"{label} span {list(span)} is outside the {size}-character text", number)
    return extraction


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
