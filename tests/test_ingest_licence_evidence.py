"""The licence is recorded with where it was read, and the store keeps that evidence."""

from __future__ import annotations

import json

from dateline.ingest.html import read_html
from dateline.ingest.licence import find_text_licence
from dateline.ingest.text import read_text_file
from dateline.records import Extraction
from dateline.store.sqlite import SQLiteStore
from tests.conftest import FIXTURES, SAMPLES


def test_ingest_licence_notice_evidence_is_the_sentence_that_states_it():
    article = read_text_file(SAMPLES / "mehr-qalandari.txt")
    expected = json.loads((FIXTURES / "mehr-qalandari.expected.json").read_text(encoding="utf-8"))
    start, end = expected["license_evidence"]
    assert article.licence == "CC-BY-4.0"
    assert article.licence_evidence == f"notice [{start}, {end}]"


def test_ingest_licence_evidence_needs_a_notice_naming_the_same_licence():
    text = (
        "Ministers met in Geneva. This text is available under the Creative Commons Attribution-ShareAlike 3.0 licence."
    )
    licence, evidence = find_text_licence(text)
    assert licence == "CC-BY-SA-3.0"
    start, end = (int(n) for n in evidence.removeprefix("notice [").removesuffix("]").split(", "))
    assert text[start:end] == "This text is available under the Creative Commons Attribution-ShareAlike 3.0 licence."
    assert find_text_licence("Ministers met in Geneva on Monday.") is None


def test_ingest_licence_evidence_from_page_markup():
    body = " ".join(["The foreign ministers met in Geneva on Monday to discuss the ceasefire."] * 6)
    html = (
        "<html><head><title>Talks in Geneva</title>"
        '<link rel="license" href="https://creativecommons.org/licenses/by/2.5/"></head>'
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )
    article = read_html(html.encode(), "page.html")
    assert article.licence == "CC-BY-2.5"
    assert article.licence_evidence == "rel-license: https://creativecommons.org/licenses/by/2.5/"


def test_store_keeps_licence_evidence(tmp_path):
    article = read_text_file(SAMPLES / "mehr-qalandari.txt")
    with SQLiteStore(tmp_path / "l.db") as store:
        store.save(Extraction(article=article))
        stored = store.get(article.id)
    assert stored is not None and stored.article.licence_evidence == article.licence_evidence
