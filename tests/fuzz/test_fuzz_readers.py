"""Readers under fuzz: any bytes, any name → Articles or Rejections, never an exception.

Every Article that comes out must also be storable (real SQLite in memory), since a reader
that lets through text the store cannot encode would stop a batch one stage later.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import IngestError, Rejection, StoreError
from dateline.ingest import read_html, read_jsonl, read_text
from dateline.ingest.limits import MAX_ARTICLE_CHARS
from dateline.ingest.sources import read_stream, sniff
from dateline.records import Article, Extraction
from dateline.store.sqlite import SQLiteStore
from tests.fuzz.strategies import COUNTS, html_page, raw_bytes

pytestmark = pytest.mark.fuzz

NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.htm", "a.jsonl", "a.json", "a.rss", "a.xml", "a.jsonl.gz", "a", "<stdin>", "a.warc"]
)


def _check_items(items: list[object]) -> None:
    store = SQLiteStore(":memory:")
    try:
        for item in items:
            assert isinstance(item, (Article, Rejection)), item
            if isinstance(item, Rejection):
                assert str(item) and item.reason
                continue
            assert item.id and item.text.strip() and len(item.text) <= MAX_ARTICLE_CHARS
            try:
                store.save(Extraction(article=item))
            except StoreError:
                pass  # the same id with another text in one stream: a named, handled error
    finally:
        store.close()


@given(data=raw_bytes, name=NAMES)
def test_read_stream_never_raises(data: bytes, name: str) -> None:
    COUNTS["readers: read_stream (sniff + all)"] += 1
    assert isinstance(sniff(data[:8192], name), str)
    _check_items(list(read_stream(data, name)))


@given(data=raw_bytes)
def test_read_text_raises_only_ingest_errors(data: bytes) -> None:
    COUNTS["readers: read_text"] += 1
    try:
        article = read_text(data, "fuzz.txt")
    except IngestError:
        return
    _check_items([article])


@given(page=html_page(), encoding=st.sampled_from(["utf-8", "cp1256", "latin-1", "utf-16"]))
def test_read_html_raises_only_ingest_errors(page: str, encoding: str) -> None:
    COUNTS["readers: read_html"] += 1
    try:
        article = read_html(page.encode(encoding, errors="replace"), "fuzz.html")
    except IngestError:
        return
    _check_items([article])


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)
FIELDS = [
    "id",
    "text",
    "html",
    "title",
    "url",
    "source",
    "published",
    "date",
    "licence",
    "license",
    "author",
    "authors",
    "language",
    "dateline",
    "fetched_from",
    "attribution",
]
record = st.dictionaries(st.sampled_from(FIELDS), json_value, max_size=8)
# A lone UTF-16 surrogate is valid JSON (\ud800) but not encodable text: readers must refuse it.
surrogate = st.sampled_from(["\\ud800", "\\udfff", "\\ud83d", "\\u0000"])


@st.composite
def jsonl_line(draw: st.DrawFn) -> bytes:
    obj = draw(record)
    if draw(st.booleans()):
        obj["text"] = draw(st.text(min_size=1, max_size=200))
    line = json.dumps(obj, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()) and '"' in line:
        at = draw(st.integers(0, len(line) - 1))
        quote = line.find('"', at)
        if quote != -1:
            line = line[: quote + 1] + draw(surrogate) + line[quote + 1 :]
    if draw(st.integers(0, 9)) == 0:
        line = line[: draw(st.integers(0, len(line)))]  # cut off mid-object
    return line.encode("utf-8", "surrogatepass")


@given(lines=st.lists(jsonl_line(), max_size=12))
def test_read_jsonl_never_raises(lines: list[bytes]) -> None:
    COUNTS["readers: read_jsonl lines"] += len(lines)
    _check_items(list(read_jsonl([line + b"\n" for line in lines], "fuzz.jsonl")))
