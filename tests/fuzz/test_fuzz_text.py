"""The text normaliser, licence and dateline detectors, and metadata mapping under fuzz."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import IngestError
from dateline.ingest.licence import detect_text_licence, normalise_licence
from dateline.ingest.metadata import article_from_fields, dateline_length, find_dateline
from dateline.records import content_hash, short_id
from tests.fuzz.strategies import COUNTS, hostile_text, news_text
from tests.fuzz.test_fuzz_readers import record

pytestmark = pytest.mark.fuzz

LICENCE_BITS = st.sampled_from(
    [
        "Creative Commons Attribution",
        "-NonCommercial",
        "-ShareAlike",
        " NoDerivs",
        " 4.0",
        " 2.5 ",
        "CC BY",
        "-SA",
        "creativecommons.org/licenses/by-nc-sa/3.0/",
        "public domain",
        "CC0",
        "licence",
        " International License",
        "ي",
    ]
)
licence_text = st.one_of(hostile_text, st.lists(st.one_of(LICENCE_BITS, news_text), max_size=8).map("".join))
dateline_text = st.tuples(
    st.sampled_from(["", "TEHRAN", "WASHINGTON, D.C.", "A", "THE", "NEW YORK (Reuters)", "ÉCOLE", "X" * 60, " "]),
    st.sampled_from(["-", " — ", ":", "–", " (AP) -", "--", ""]),
    hostile_text,
).map(lambda parts: "".join(parts))


@given(text=hostile_text)
def test_content_hash_ignores_newline_style_and_unicode_form(text: str) -> None:
    COUNTS["text: content_hash"] += 1
    assert content_hash(text) == content_hash(text.replace("\n", "\r\n"))
    assert content_hash(text) == content_hash(unicodedata.normalize("NFD", text))
    assert len(short_id(text)) == 16


@given(text=licence_text)
def test_licence_detection_never_raises(text: str) -> None:
    COUNTS["text: licence detect + normalise"] += 1
    found = detect_text_licence(text)
    assert found is None or found.startswith("CC-")
    assert isinstance(normalise_licence(text), str)


@given(text=dateline_text)
def test_dateline_is_a_prefix_of_the_text(text: str) -> None:
    COUNTS["text: dateline detect"] += 1
    place = find_dateline(text)
    length = dateline_length(text)
    assert 0 <= length <= len(text)
    if place is not None:
        assert place in text[:120] and length > 0
    else:
        assert length == 0


@given(text=hostile_text, fields=record)
def test_article_from_fields_gives_an_article_or_a_named_error(text: str, fields: dict[str, object]) -> None:
    COUNTS["text: article_from_fields"] += 1
    try:
        article = article_from_fields(text, fields)
    except IngestError as err:
        assert str(err)
        return
    assert article.text == text and article.id
