"""Time expressions normalised against the article's publication date.

Owns turning a date phrase ("October 2020", "on Monday", "late last month", "last year",
"yesterday") into a ``When``-shaped dict: ``{"value", "start", "end", "approximate"}`` where
``value`` is an ISO day (``2023-05-08``), month (``2023-04``), year (``2020``) or interval
(``2023-05-01/2023-05-07``) and ``start``/``end`` are the first and last day it covers.
A relative phrase without a publication date to anchor it, or a phrase not understood, gives
None: unknown stays unknown.

Hand-written rather than ``dateparser``: spaCy's DATE entities already give the spans, and
what events need is the *granularity* ("last month" is a month, not the 1st of it) and an
interval, which dateparser's single datetime does not carry; it is also far slower per call.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1, "an": 1, "several": 3}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?:(?P<part>early|mid|late|end of|beginning of|the end of|the beginning of|the middle of)[\s-]+)?"


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string, else None."""
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def normalise(text: str, published: str | date | None = None) -> dict[str, Any] | None:
    """A ``When``-shaped dict (without ``span``) for a date phrase, or None."""
    anchor = published if isinstance(published, date) else parse_published(published)
    phrase = re.sub(r"\s+", " ", text.strip().lower())
    phrase = re.sub(r"^(?:on|in|since|during|by|from|until|at|of|this past|the past)\s+", "", phrase)
    phrase = re.sub(r"^(?:on|in)\s+", "", phrase)
    for parse in (_absolute, _relative):
        found = parse(phrase, anchor)
        if found:
            return found
    return None


def _day(d: date, approximate: bool = False) -> dict[str, Any]:
    iso = d.isoformat()
    return {"value": iso, "start": iso, "end": iso, "approximate": approximate}


def _month(year: int, month: int, part: str | None = None) -> dict[str, Any]:
    last = calendar.monthrange(year, month)[1]
    start, end = 1, last
    if part:
        if part in ("early", "beginning of", "the beginning of"):
            end = 10
        elif part in ("mid", "the middle of"):
            start, end = 11, 20
        else:  # late, end of
            start = 21
    return {
        "value": f"{year:04d}-{month:02d}",
        "start": date(year, month, start).isoformat(),
        "end": date(year, month, end).isoformat(),
        "approximate": part is not None,
    }


def _year(year: int, approximate: bool = False) -> dict[str, Any]:
    return {
        "value": f"{year:04d}",
        "start": f"{year:04d}-01-01",
        "end": f"{year:04d}-12-31",
        "approximate": approximate,
    }


def _interval(start: date, end: date, approximate: bool = False) -> dict[str, Any]:
    return {
        "value": f"{start.isoformat()}/{end.isoformat()}",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "approximate": approximate,
    }


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(phrase: str, anchor: date | None) -> dict[str, Any] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", phrase)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _day(d) if d else None
    m = re.fullmatch(_MONTH + r" " + _DAY + r",? " + _YEAR, phrase) or re.fullmatch(
        _DAY + r" (?:of )?" + _MONTH + r",? " + _YEAR, phrase
    )
    if m:
        d = _safe_date(int(m.group("year")), MONTHS[m.group("month")], int(m.group("day")))
        return _day(d) if d else None
    m = re.fullmatch(_PART + _MONTH + r",? (?:of )?" + _YEAR, phrase)
    if m:
        return _month(int(m.group("year")), MONTHS[m.group("month")], m.group("part"))
    m = re.fullmatch(_PART + _YEAR, phrase)
    if m:
        return _year(int(m.group("year")), approximate=m.group("part") is not None)
    m = re.fullmatch(r"(?:the )?(1[89]\d|20\d)0s", phrase)
    if m:
        first = int(m.group(1)) * 10
        return _interval(date(first, 1, 1), date(first + 9, 12, 31), approximate=True)
    # Day and month without a year: the year is the publication's, or the one before when the
    # day would fall well after publication (news reports the past).
    m = re.fullmatch(_MONTH + r" " + _DAY, phrase) or re.fullmatch(_DAY + r" (?:of )?" + _MONTH, phrase)
    if m and anchor:
        d = _safe_date(anchor.year, MONTHS[m.group("month")], int(m.group("day")))
        if d and d > anchor + timedelta(days=60):
            d = _safe_date(anchor.year - 1, d.month, d.day)
        return _day(d) if d else None
    m = re.fullmatch(_PART + _MONTH, phrase)
    if m and anchor:
        month = MONTHS[m.group("month")]
        return _month(anchor.year, month, m.group("part"))
    return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _relative(phrase: str, anchor: date | None) -> dict[str, Any] | None:
    if anchor is None:
        return None
    if phrase in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return _day(anchor)
    if phrase in ("yesterday", "last night", "yesterday morning", "yesterday afternoon"):
        return _day(anchor - timedelta(days=1))
    if phrase == "tomorrow":
        return _day(anchor + timedelta(days=1))
    m = re.fullmatch(
        r"(?:(last|next|this|past) )?(" + "|".join(WEEKDAYS) + r")(?: (?:morning|afternoon|evening|night))?", phrase
    )
    if m:
        target = WEEKDAYS[m.group(2)]
        if m.group(1) == "next":
            return _day(anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7))
        # The most recent such day on or before publication: news reports what happened.
        return _day(anchor - timedelta(days=(anchor.weekday() - target) % 7))
    m = re.fullmatch(
        r"(?:(early|late|mid|the end of|the beginning of|the middle of) )?(?:(last|this|next|the past|past) )(week|weekend|month|year)",
        phrase,
    )
    if m:
        part, which, unit = m.group(1), m.group(2), m.group(3)
        delta = {"last": -1, "past": -1, "the past": -1, "this": 0, "next": 1}[which]
        if unit == "month":
            year, month = _shift_month(anchor.year, anchor.month, delta)
            return _month(year, month, part)
        if unit == "year":
            return _year(anchor.year + delta, approximate=part is not None)
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=delta)
        if unit == "weekend":
            return _interval(monday + timedelta(days=5), monday + timedelta(days=6))
        return _interval(monday, monday + timedelta(days=6), approximate=part is not None)
    if phrase in ("the weekend", "weekend"):
        monday = anchor - timedelta(days=anchor.weekday())
        saturday = monday + timedelta(days=5)
        if saturday > anchor:
            saturday -= timedelta(weeks=1)
        return _interval(saturday, saturday + timedelta(days=1), approximate=True)
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", phrase)
    if m:
        n = _NUMBERS.get(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else None)
        if n is None:
            return None
        if m.group(2) == "day":
            return _day(anchor - timedelta(days=n))
        if m.group(2) == "week":
            return _day(anchor - timedelta(weeks=n), approximate=True)
        if m.group(2) == "month":
            year, month = _shift_month(anchor.year, anchor.month, -n)
            return {**_month(year, month), "approximate": True}
        return _year(anchor.year - n, approximate=True)
    return None
