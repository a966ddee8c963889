"""Bad input: each gives one clear line naming the input and the reason, and the batch goes on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dateline.errors import Rejection
from dateline.ingest import read_inputs
from dateline.records import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGES = sorted((FIXTURES / "wikinews-pages").iterdir())
GOOD_PAGE = PAGES[0]

# Written for these tests: a short Arabic news paragraph and a French one.
ARABIC = (
    "أعلنت وزارة الخارجية اليوم أن وفدا رسميا سيزور طهران الأسبوع المقبل لإجراء محادثات حول التعاون "
    "الاقتصادي والتجارة بين البلدين، وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار تعزيز العلاقات."
)
FRENCH = (
    "Le ministre des Affaires étrangères a annoncé mercredi que la délégation se rendrait à Genève "
    "la semaine prochaine pour des négociations sur le programme nucléaire, selon un communiqué publié à Paris."
)


def _run(tmp_path: Path, bad: Path) -> tuple[list[Article], list[Rejection]]:
    """The bad file sits between two good ones; both good ones must still come through."""
    good_copy = tmp_path / "z-good.html"
    good_copy.write_bytes(PAGES[1].read_bytes())
    items = list(read_inputs([str(GOOD_PAGE), str(bad), str(good_copy)]))
    articles = [i for i in items if isinstance(i, Article)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert len([a for a in articles if a.fetched_from in (str(GOOD_PAGE), str(good_copy))]) == 2
    return articles, rejected


def _one_rejection(rejected: list[Rejection], path: Path, words: str) -> None:
    assert len(rejected) == 1, rejected
    line = str(rejected[0])
    assert str(path) in line and words in line and "\n" not in line


def test_truncated_html_is_refused_not_half_read(tmp_path: Path) -> None:
    data = GOOD_PAGE.read_bytes()
    bad = tmp_path / "cut.html"
    bad.write_bytes(data[: len(data) // 2])
    articles, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "truncated HTML")
    assert len(articles) == 2


def test_broken_markup_with_no_article_text(tmp_path: Path) -> None:
    bad = tmp_path / "broken.html"
    bad.write_bytes(b"<html><body><div><span><<<>>></div></p></table></body></html>")
    _, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "no article text")


def test_warc_cut_mid_record_keeps_the_whole_records_before_it(tmp_path: Path) -> None:
    data = (FIXTURES / "wikinews.warc").read_bytes()
    third = data.index(b"WARC/1", data.index(b"WARC/1", 1) + 1)
    bad = tmp_path / "crawl.warc"
    bad.write_bytes(data[: third + 900])  # the third response record loses its end
    articles, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "cut mid-record")
    from_warc = [a for a in articles if a.fetched_from and a.fetched_from.startswith(str(bad))]
    assert len(from_warc) == 2  # records 1 and 2 whole, nothing from the cut one


def test_gzipped_warc_cut_mid_record(tmp_path: Path) -> None:
    data = (FIXTURES / "wikinews.warc.gz").read_bytes()
    bad = tmp_path / "crawl.warc.gz"
    bad.write_bytes(data[: len(data) // 2])
    _, rejected = _run(tmp_path, bad)
    assert len(rejected) == 1 and str(bad) in str(rejected[0])
    assert "WARC" in rejected[0].reason


def test_feed_that_is_not_xml(tmp_path: Path) -> None:
    bad = tmp_path / "news.rss"
    bad.write_text("Service unavailable. Please try again later.\n", encoding="utf-8")
    _, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "not a well-formed RSS/Atom feed")


def test_feed_cut_short_is_refused_whole(tmp_path: Path) -> None:
    feed = (FIXTURES / "wikinews-feed.xml").read_bytes()
    bad = tmp_path / "cut.xml"
    bad.write_bytes(feed[: len(feed) * 2 // 3])
    articles, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "not a well-formed RSS/Atom feed")
    assert not [a for a in articles if a.fetched_from and a.fetched_from.startswith(str(bad))]


def test_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    bad = tmp_path / "huge.html"
    with bad.open("wb") as handle:
        handle.write(b"<!DOCTYPE html><html><body><p>")
        handle.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    _, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "over the")


def test_binary_junk_renamed_html(tmp_path: Path) -> None:
    import random

    bad = tmp_path / "page.html"
    bad.write_bytes(random.Random(5).randbytes(50_000))
    _, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "binary")


def test_png_renamed_html(tmp_path: Path) -> None:
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    _, rejected = _run(tmp_path, bad)
    _one_rejection(rejected, bad, "PNG")


def _page(body: str, charset: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>t</title></head>'
        f"<body><article><p>{body}</p><p>{body}</p></article></body></html>"
    )


def test_windows_1256_declared_as_utf8_is_decoded_and_said(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "arabic.html"
    bad.write_bytes(_page(ARABIC, "utf-8").encode("windows-1256"))
    with caplog.at_level(logging.WARNING, logger="dateline.ingest.html"):
        articles, rejected = _run(tmp_path, bad)
    assert not rejected
    arabic = next(a for a in articles if a.fetched_from == str(bad))
    assert "وزارة الخارجية" in arabic.text
    assert arabic.language == "ar"
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and str(bad) in lines[0] and "declared utf-8" in lines[0]


def test_latin1_declared_wrongly(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    bad = tmp_path / "french.html"
    bad.write_bytes(_page(FRENCH, "utf-8").encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="dateline.ingest.html"):
        articles, rejected = _run(tmp_path, bad)
    assert not rejected
    french = next(a for a in articles if a.fetched_from == str(bad))
    assert "Affaires étrangères" in french.text and french.language == "fr"
    assert any(str(bad) in r.getMessage() for r in caplog.records)
