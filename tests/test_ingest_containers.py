"""A feed, a WARC and a folder of saved pages holding the same Wikinews stories yield the same articles."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.ingest.sources import sniff
from dateline.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples" / "wikinews.jsonl"


def _articles(path: Path, skipped: Counter[str] | None = None) -> list[Article]:
    def on_skip(name: str, reason: str) -> None:
        if skipped is not None:
            skipped[reason] += 1

    items = list(read_inputs([str(path)], on_skip=on_skip))
    assert not [i for i in items if isinstance(i, Rejection)]
    return [i for i in items if isinstance(i, Article)]


def test_feed_warc_and_pages_yield_the_same_texts() -> None:
    pages = _articles(FIXTURES / "wikinews-pages")
    feed = _articles(FIXTURES / "wikinews-feed.xml")
    warc = _articles(FIXTURES / "wikinews.warc.gz")
    assert len(pages) == 5
    by_url = {a.url: a.text for a in pages}
    assert {a.url: a.text for a in feed} == by_url
    assert {a.url: a.text for a in warc} == by_url


def test_page_text_is_the_story_with_paragraph_breaks_and_no_boilerplate() -> None:
    original = json.loads(SAMPLES.read_text(encoding="utf-8").splitlines()[0])
    page = next(a for a in _articles(FIXTURES / "wikinews-pages") if a.url == original["url"])
    # trafilatura folds runs of spaces inside a paragraph; the paragraphs themselves are kept.
    paragraphs = [" ".join(p.split()) for p in original["text"].split("\n") if p.strip()]
    assert page.text == "\n\n".join(paragraphs)
    assert "Related news" not in page.text and "Main page" not in page.text
    assert page.title == original["title"]
    assert page.published == original["published"][:10]
    assert page.source == "Wikinews"
    assert page.licence == "CC-BY-2.5"
    assert page.language == "en"


def test_warc_skips_and_counts_non_html_and_non_200_records() -> None:
    skipped: Counter[str] = Counter()
    warc = _articles(FIXTURES / "wikinews.warc.gz", skipped)
    assert len(warc) == 5
    assert skipped == Counter({"not HTML (image/png)": 1, "HTTP status 404": 1})
    assert all(a.fetched_from and "#" in a.fetched_from for a in warc)


def test_feed_entry_with_only_a_summary_is_ingested_and_flagged(tmp_path: Path) -> None:
    feed = (FIXTURES / "wikinews-feed.xml").read_text(encoding="utf-8")
    start, end = feed.index("<content:encoded>"), feed.index("</content:encoded>") + len("</content:encoded>")
    (tmp_path / "summary.rss").write_text(feed[:start] + feed[end:], encoding="utf-8")
    articles = _articles(tmp_path / "summary.rss")
    first = articles[0]
    assert first.fetched_from is not None and first.fetched_from.endswith("(summary only)")
    assert first.text.startswith("Germany on Monday banned Iranian airline Mahan Air")
    assert not articles[1].fetched_from.endswith("(summary only)")  # type: ignore[union-attr]


def test_glob_and_gzip_are_read_by_content(tmp_path: Path) -> None:
    import gzip

    page = next((FIXTURES / "wikinews-pages").iterdir())
    (tmp_path / "saved.bin").write_bytes(gzip.compress(page.read_bytes()))  # name says nothing
    found = _articles(Path(str(tmp_path / "*.bin")))
    assert len(found) == 1 and found[0].title
    assert sniff((FIXTURES / "wikinews.warc").read_bytes()[:8192], "x") == "warc"
    assert sniff((FIXTURES / "wikinews-feed.xml").read_bytes()[:8192], "x") == "feed"
    assert sniff((FIXTURES / "wikinews.warc.gz").read_bytes()[:8192], "x") == "warc.gz"
