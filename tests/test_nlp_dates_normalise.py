"""Date phrases normalised against the publication date: absolute, relative, unknown."""

from __future__ import annotations

import pytest

from dateline.nlp.dates import normalise

PUBLISHED = "2023-05-10"  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "value", "start", "end", "approximate"),
    [
        ("October 2020", "2020-10", "2020-10-01", "2020-10-31", False),
        ("in January 2020", "2020-01", "2020-01-01", "2020-01-31", False),
        ("May 8, 2023", "2023-05-08", "2023-05-08", "2023-05-08", False),
        ("15 October 1995", "1995-10-15", "1995-10-15", "1995-10-15", False),
        ("1961", "1961", "1961-01-01", "1961-12-31", False),
        ("the 1990s", "1990-01-01/1999-12-31", "1990-01-01", "1999-12-31", True),
    ],
)
def test_absolute_dates_need_no_anchor(phrase, value, start, end, approximate):
    for published in (PUBLISHED, None):
        got = normalise(phrase, published)
        assert got == {"value": value, "start": start, "end": end, "approximate": approximate}


@pytest.mark.parametrize(
    ("phrase", "value", "start", "end", "approximate"),
    [
        ("on Monday", "2023-05-08", "2023-05-08", "2023-05-08", False),
        ("Wednesday", "2023-05-10", "2023-05-10", "2023-05-10", False),
        ("last Friday", "2023-05-05", "2023-05-05", "2023-05-05", False),
        ("yesterday", "2023-05-09", "2023-05-09", "2023-05-09", False),
        ("today", "2023-05-10", "2023-05-10", "2023-05-10", False),
        ("late last month", "2023-04", "2023-04-21", "2023-04-30", True),
        ("early this month", "2023-05", "2023-05-01", "2023-05-10", True),
        ("last month", "2023-04", "2023-04-01", "2023-04-30", False),
        ("last year", "2022", "2022-01-01", "2022-12-31", False),
        ("this week", "2023-05-08/2023-05-14", "2023-05-08", "2023-05-14", False),
        ("September 29", "2022-09-29", "2022-09-29", "2022-09-29", False),
        ("June 30", "2023-06-30", "2023-06-30", "2023-06-30", False),
    ],
)
def test_relative_dates_resolve_against_publication(phrase, value, start, end, approximate):
    assert normalise(phrase, PUBLISHED) == {"value": value, "start": start, "end": end, "approximate": approximate}


@pytest.mark.parametrize("phrase", ["on Monday", "late last month", "last year", "yesterday", "September 29"])
def test_relative_dates_without_anchor_stay_unknown(phrase):
    assert normalise(phrase, None) is None


@pytest.mark.parametrize("phrase", ["the first time in a year", "recent years", "a 23-month", "nightly"])
def test_phrases_not_understood_stay_unknown(phrase):
    assert normalise(phrase, PUBLISHED) is None
