"""Search snippets: the query's words marked in a window of the real seed text."""

from __future__ import annotations

from dateline.store.snippets import query_terms, snippet
from tests.store_seed import seed_gold


def test_store_snippet_marks_words_prefixes_and_phrases_without_operators():
    text = seed_gold().article.text
    terms = query_terms('embarg* AND "arms embargo" NOT Qalandari')
    assert ("and", False) not in terms and ("embarg", True) in terms
    marked = snippet(text, terms)
    assert "13-year UN [arms] [embargo] was lifted" in marked
    assert marked.startswith("…") and marked.endswith("…")


def test_store_snippet_ignores_case_and_falls_back_to_the_start():
    assert snippet("Café in TEHRAN", query_terms("tehran café")) == "[Café] in [TEHRAN]"
    assert snippet("Nothing here matches", query_terms("zzz")) == "Nothing here matches"
