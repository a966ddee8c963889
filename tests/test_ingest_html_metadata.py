"""HTML metadata: dateline cut and recorded, licence with evidence, dates, language."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.ingest.html import extract_page, read_html
from dateline.ingest.language import identify_language
from dateline.ingest.licence import UNKNOWN, detect_page_licence

SAMPLES = Path(__file__).parents[1] / "src" / "dateline" / "samples"
MEHR = (SAMPLES / "mehr-qalandari.txt").read_text(encoding="utf-8")
WIKINEWS = [json.loads(line) for line in (SAMPLES / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()]


def _page(body: str, head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split(". ") if p)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Iranian weapons</title>{head}</head>'
        f"<body><nav>Home · Politics · Sport</nav><article>{paragraphs}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()


def test_dateline_is_cut_from_the_body_and_recorded() -> None:
    page = extract_page(_page(MEHR), "mehr.html")
    assert page.dateline == "TEHRAN"
    assert page.dateline_text == "TEHRAN- "
    assert page.text.startswith("The head of the Iranian Defense Ministry division")


def test_agency_dateline_with_a_region() -> None:
    story = "RAFAH, Gaza Strip (AP) — " + WIKINEWS[1]["text"]
    article = read_html(_page(story), "ap.html")
    assert article.dateline == "RAFAH, Gaza Strip"
    assert article.text.startswith(WIKINEWS[1]["text"][:30])


def test_licence_from_a_text_notice_in_the_body_with_its_evidence() -> None:
    found = detect_page_licence("<html><body></body></html>", MEHR)
    assert found.id == "CC-BY-4.0" and found.source == "notice"
    assert found.evidence.startswith("Creative Commons Attribution 4.0")


def test_licence_from_json_ld_and_rel_license() -> None:
    json_ld = '<script type="application/ld+json">{"@type": "NewsArticle", "license": "https://creativecommons.org/licenses/by-sa/4.0/"}</script>'
    assert detect_page_licence(json_ld).id == "CC-BY-SA-4.0"
    assert detect_page_licence(json_ld).source == "json-ld"
    rel = '<a rel="license" href="http://creativecommons.org/licenses/by-nc-nd/3.0/">CC</a>'
    assert (detect_page_licence(rel).id, detect_page_licence(rel).source) == ("CC-BY-NC-ND-3.0", "rel-license")


def test_unknown_licence_is_unknown_not_a_guess() -> None:
    article = read_html(_page(WIKINEWS[2]["text"]), "plain.html")
    assert article.licence == "unknown"
    assert detect_page_licence("<p>© 2023 Some Newspaper. All rights reserved.</p>") == UNKNOWN


def test_publication_date_from_page_metadata() -> None:
    head = '<meta property="article:published_time" content="2019-01-23T10:00:00Z">'
    assert read_html(_page(WIKINEWS[0]["text"], head), "dated.html").published == "2019-01-23"


def test_language_of_real_articles() -> None:
    assert identify_language(MEHR) == "en"
    assert all(identify_language(a["text"]) == "en" for a in WIKINEWS)
    assert identify_language("Breaking news") is None  # too short to tell
    from dateline.ingest.metadata import article_from_fields

    assert article_from_fields("Breaking news", {}).language is None  # not the string "None"


def test_outlet_name_is_dropped_from_the_title_but_not_headline_words() -> None:
    from dateline.ingest.html import clean_title

    cbc = "https://www.cbc.ca/news/politics/uk-cheese-import-changes-1.7065052"
    title = "Like British cheddar? Enjoy it while you can still find it"
    assert clean_title(f"{title} | CBC News", "CBC News", cbc) == title
    assert clean_title("PolitiFact - Video shows actors", None, "https://www.politifact.com/x") == "Video shows actors"
    assert clean_title("Iran - Iraq border talks resume", "Wikinews", "https://en.wikinews.org/x") == (
        "Iran - Iraq border talks resume"
    )


def test_byline_debris_and_the_publisher_are_dropped_from_authors() -> None:
    from dateline.ingest.html import clean_authors

    page = '<meta name="copyright" content="Copyright (c) Condé Nast 2023"><p>By Thomas W. Smith</p>'
    assert clean_authors("Condé Nast; Thomas W Smith", page, "Allure", "https://www.allure.com/x") == (
        "Thomas W. Smith",
    )
    assert clean_authors("View all posts by Aleksandar Stevanovic", "", None, None) == ("Aleksandar Stevanovic",)
    # An outlet signing alone stays: it is the only byline there is.
    assert clean_authors("The Citizen", "", "The Citizen", "https://thecitizen.com/x") == ("The Citizen",)
