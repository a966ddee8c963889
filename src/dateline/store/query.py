"""The query contract: filters callers fill in and the error users can cause.

CLI, REST API and web templates all call the same ``Store`` methods with these filters and
get JSON-ready plain dicts back (str/int/float/None/lists), so one row shape serves every
interface. The SQL behind them lives in ``store/sqlbase.py``; nothing here touches a database.

Row keys per method (both backends):

- ``list_articles``: id, title, source, published, url, licence, language, status ("extracted", or
  "skipped" when stored unparsed: not English), n_quotes, n_events
- ``quotes``: article_id, id, kind, content, content_spans, cue, speaker_id, speaker_name, actor_id,
  speaker_mention, title, source, published, url, licence, attribution
- ``events``: article_id, id, type, mode, cameo, goldstein, quad_class, source_names, target_names,
  source_codes, target_codes, source_actor_ids, target_actor_ids, when, where_name, where_country,
  evidence, quote_id, title, source, published, url, licence (+ attribution)
- ``actors`` / ``actor``: id, name, kind, actor_code, n_quotes, n_events, n_articles, first_seen,
  last_seen (``actor`` adds ``aliases``)
- ``search``: kind ("article" | "quote"), article_id, quote_id, title, snippet (matched words in
  ``[`` ``]``), published, source (+ score, higher is better)
- ``stats``: {"tables": {...}, "outlets": [...], "months": [...]}
- ``event_links(EventFilter, top)`` (network view): source_id, source_name, source_kind, target_id,
  target_name, target_kind, n, cooperation (quad class 1-2), conflict (3-4); strongest first
- ``event_counts(EventFilter, by="month"|"week")`` (timeline): period (``2023-05`` / ``2023-W18``),
  type, n; undated events left out
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.errors import StoreError


class QueryError(StoreError):
    """A user-caused query problem (bad search syntax, bad date): the message says how to fix it."""


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None  # name or part of it, on the speaker's actor/entity name (case-insensitive)
    about: str | None = None  # full-text query over quote content
    since: str | None = None  # ISO date, inclusive, on article published
    until: str | None = None
    outlet: str | None = None  # article source
    article_id: str | None = None
    actor_id: int | None = None  # global actor id (``actors()``), an addition to the contract
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # actor code (IRN matches IRN, IRNMIL…) or name, either side
    type: str | None = None  # PLOVER type
    target: str | None = None  # code or name, target side
    since: str | None = None
    until: str | None = None
    article_id: str | None = None
    actor_id: int | None = None  # global actor id on either side, an addition to the contract
    limit: int = 100
    offset: int = 0


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None  # full-text query over title and text
    limit: int = 50
    offset: int = 0


def date_bound(value: str | None, name: str, *, upper: bool = False) -> str | None:
    """An ISO date (``2023``, ``2023-05``, ``2023-05-08``) as a string bound on ``published``.

    ``published`` holds ISO dates or datetimes, so string comparison orders them. An upper
    bound is made exclusive on the day after, so ``--until 2023-05-08`` keeps that whole day.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        if len(text) == 4:
            day = dt.date(int(text), 12 if upper else 1, 31 if upper else 1)
        elif len(text) == 7:
            year, month = int(text[:4]), int(text[5:7])
            day = dt.date(year, month, 1)
            if upper:
                day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        else:
            day = dt.date.fromisoformat(text[:10])
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
    return (day + dt.timedelta(days=1)).isoformat() if upper else day.isoformat()


def like_pattern(value: str) -> str:
    """A case-folded ``LIKE`` pattern matching ``value`` anywhere (wildcards escaped with ``\\``)."""
    escaped = value.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise QueryError("limit and offset must be zero or more")


FTS_HELP = (
    'use plain words, "exact phrases" in double quotes, AND / OR / NOT between terms and word* for '
    "prefixes; put words with punctuation (U.S., al-Assad) in double quotes"
)
