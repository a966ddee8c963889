"""The query contract's SQL, shared by both backends (mixed into ``SqlStore``).

Filters from ``store/query.py`` become one statement each, written once with ``:name``
parameters; a backend supplies its full-text and name-matching clauses through the hooks
below. f-strings here only splice fixed fragments and hook output, never user values:
every value is a bound parameter.
"""

from __future__ import annotations

import json
import re
from typing import Any

from dateline.store.query import (
    ArticleFilter,
    EventFilter,
    QueryError,
    QuoteFilter,
    check_page,
    date_bound,
    like_pattern,
)

Row = dict[str, Any]
SEARCH_WINDOW = 1000
# Characters that make a search use the full-text syntax; anything else is taken as plain words.
_FTS_SYNTAX = re.compile(r'["*():^]|\b(AND|OR|NOT|NEAR)\b')


class QueryMethods:
    order: str = "rowid"

    def _rows(self, sql: str, params: Row | None = None, *, search: str | None = None) -> list[Row]:
        raise NotImplementedError

    def resolve_id(self, article_id: str) -> str | None:
        raise NotImplementedError

    def counts(self) -> dict[str, int]:
        raise NotImplementedError

    def _match(self, table: str, alias: str, param: str, *, per_row: bool = False) -> str:
        """A WHERE clause: rows of ``table`` (``articles``/``quotes``, as ``alias``) matching ``:param``.

        ``per_row``: the search matches more rows than the query needs to walk otherwise (one
        speaker's quotes, or the newest quotes until a page is full), so the backend should walk
        those and test each, not start from every match."""
        raise NotImplementedError

    def _quotes_walk_instead(self, params: Row, *, speaker: bool, page_end: int) -> bool:
        """Whether ``quotes`` should walk rows and test ``:about`` on each (see ``_match``):
        with ``speaker``, the speaker's quotes; else the newest quotes, ``page_end`` of them kept."""
        return False

    def _search_table(self, table: str, query: str, limit: int, text: str) -> list[Row]:
        """The best ``limit`` hits in ``table`` (``articles``/``quotes``) among its newest
        ``SEARCH_WINDOW`` matches: search rows with snippet and score (higher is better)."""
        raise NotImplementedError

    def _names_like(self, param: str) -> str:
        """A WHERE clause on ``actor_aliases al``: a name containing ``:param`` (from ``_name_pattern``)."""
        raise NotImplementedError

    def _name_pattern(self, value: str) -> str:
        return like_pattern(value)

    def _actors_named(self, param: str) -> str:
        """Subquery: ids of actors with any name containing ``:param``."""
        return f"SELECT al.actor_id FROM actor_aliases al WHERE {self._names_like(param)}"  # noqa: S608

    def _search_text(self, text: str) -> str:
        """The user's search as the backend's full-text query."""
        return text

    # -- the query contract ---------------------------------------------------------------

    def list_articles(self, f: ArticleFilter) -> list[Row]:
        check_page(f.limit, f.offset)
        where, params = _date_where(f.since, f.until, "a.published")
        if f.outlet:
            where.append("lower(a.source) LIKE :outlet ESCAPE '\\'")
            params["outlet"] = like_pattern(f.outlet)
        if f.text is not None:
            where.append(self._match("articles", "a", "text"))
            params["text"] = self._fts(f.text)
        sql = (
            "SELECT a.id, a.title, a.source, a.published, a.url, a.licence, a.language, a.status,"  # noqa: S608
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes,"
            " (SELECT count(*) FROM events v WHERE v.article_id = a.id) AS n_events"
            f" FROM articles a {_where(where)} ORDER BY a.published DESC NULLS LAST, a.id"  # noqa: S608
            " LIMIT :limit OFFSET :offset"
        )
        return self._rows(sql, {**params, "limit": f.limit, "offset": f.offset}, search=f.text)

    def quotes(self, f: QuoteFilter) -> list[Row]:
        check_page(f.limit, f.offset)
        where, params = _date_where(f.since, f.until, "q.published")
        if f.speaker:
            where.append(f"q.actor_id IN ({self._actors_named('speaker')})")
            params["speaker"] = self._name_pattern(f.speaker)
        if f.about is not None:
            params["about"] = self._fts(f.about)
            per_row = self._quotes_walk_instead(params, speaker=bool(f.speaker), page_end=f.limit + f.offset)
            where.append(self._match("quotes", "q", "about", per_row=per_row))
        if f.outlet:
            where.append("lower(a.source) LIKE :outlet ESCAPE '\\'")
            params["outlet"] = like_pattern(f.outlet)
        if f.article_id:
            where.append("q.article_id = :article_id")
            params["article_id"] = self.resolve_id(f.article_id) or f.article_id
        if f.actor_id is not None:
            where.append("q.actor_id = :actor_id")
            params["actor_id"] = f.actor_id
        # Pick the page from quote rows alone (dates are on quotes), then fetch its article columns.
        source = "quotes q JOIN articles a ON a.id = q.article_id" if f.outlet else "quotes q"
        sql = (
            "SELECT q.article_id, q.id, q.kind, q.content_text AS content, q.content_spans, q.cue_text AS cue,"  # noqa: S608
            " q.speaker_id, q.speaker_name, q.actor_id, q.speaker_mention_text AS speaker_mention, a.title,"
            " a.source, a.published, a.url, a.licence, a.attribution FROM ("
            f"SELECT q.article_id AS p_article, q.id AS p_id, q.published AS p_published, q.{self.order} AS p_order"
            f" FROM {source} {_where(where)} ORDER BY q.published DESC NULLS LAST, q.article_id, q.{self.order}"
            " LIMIT :limit OFFSET :offset) page"
            " JOIN quotes q ON q.article_id = page.p_article AND q.id = page.p_id JOIN articles a ON a.id = q.article_id"
            " ORDER BY page.p_published DESC NULLS LAST, page.p_article, page.p_order"
        )
        rows = self._rows(sql, {**params, "limit": f.limit, "offset": f.offset}, search=f.about)
        for row in rows:
            row["content_spans"] = json.loads(row["content_spans"])
        return rows

    def events(self, f: EventFilter) -> list[Row]:
        check_page(f.limit, f.offset)
        where, params = self._event_where(f)
        sql = (
            "SELECT v.article_id, v.id, v.type, v.mode, v.cameo, v.goldstein, v.quad_class, v.source_codes,"  # noqa: S608
            ' v.target_codes, v.when_value AS "when", v.where_name, v.where_country, v.evidence_text AS evidence,'
            " v.quote_id, a.title, a.source, a.published, a.url, a.licence, a.attribution FROM ("
            f"SELECT v.article_id AS p_article, v.id AS p_id, v.published AS p_published, v.{self.order} AS p_order"
            f" FROM events v {_where(where)} ORDER BY v.published DESC NULLS LAST, v.article_id, v.{self.order}"
            " LIMIT :limit OFFSET :offset) page"
            " JOIN events v ON v.article_id = page.p_article AND v.id = page.p_id JOIN articles a ON a.id = v.article_id"
            " ORDER BY page.p_published DESC NULLS LAST, page.p_article, page.p_order"
        )
        rows = self._rows(sql, {**params, "limit": f.limit, "offset": f.offset})
        self._add_sides(rows)
        return rows

    def _event_where(self, f: EventFilter) -> tuple[list[str], Row]:
        """WHERE clauses over ``events v`` for an EventFilter (paging aside)."""
        where, params = _date_where(f.since, f.until, "v.published")
        for name, value, side in (("actor", f.actor, None), ("target", f.target, "target")):
            if value:
                # Codes by prefix (IRN finds IRNMIL) as an index range; names through the name index.
                on_side = "" if side is None else f" AND x.side = '{side}'"
                where.append(
                    "(v.article_id, v.id) IN (SELECT x.article_id, x.event_id FROM event_actors x WHERE"  # noqa: S608
                    f" ((x.code >= :{name}_lo AND x.code < :{name}_hi) OR x.actor_id IN"
                    f" ({self._actors_named(name + '_name')})){on_side})"
                )
                code = value.strip().upper()
                params[f"{name}_lo"] = code
                params[f"{name}_hi"] = code[:-1] + chr(ord(code[-1]) + 1) if code else "\uffff"
                params[f"{name}_name"] = self._name_pattern(value)
        if f.actor_id is not None:
            where.append(
                "(v.article_id, v.id) IN (SELECT x.article_id, x.event_id FROM event_actors x WHERE x.actor_id = :actor_id)"
            )
            params["actor_id"] = f.actor_id
        if f.type:
            where.append("v.type = :type")
            params["type"] = f.type.strip().upper()
        if f.article_id:
            where.append("v.article_id = :article_id")
            params["article_id"] = self.resolve_id(f.article_id) or f.article_id
        return where, params

    def event_links(self, f: EventFilter, top: int = 80) -> list[Row]:
        """Pairs of actors linked by the events matching ``f``, strongest first (for a network view).

        Row keys: source_id, source_name, source_kind, target_id, target_name, target_kind, n,
        cooperation (events of quad class 1-2), conflict (quad class 3-4). Paging in ``f`` is ignored.
        """
        check_page(top, 0)
        where, params = self._event_where(f)
        pairs = (
            "SELECT s.actor_id AS source_id, t.actor_id AS target_id, count(*) AS n,"  # noqa: S608
            " sum(CASE WHEN v.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,"
            " sum(CASE WHEN v.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict"
            " FROM events v"
            " JOIN event_actors s ON s.article_id = v.article_id AND s.event_id = v.id AND s.side = 'source'"
            " JOIN event_actors t ON t.article_id = v.article_id AND t.event_id = v.id AND t.side = 'target'"
            f" {_where([*where, 's.actor_id IS NOT NULL', 't.actor_id IS NOT NULL', 's.actor_id <> t.actor_id'])}"
            " GROUP BY s.actor_id, t.actor_id ORDER BY n DESC, s.actor_id, t.actor_id LIMIT :top"
        )
        sql = (
            "SELECT p.source_id, sa.name AS source_name, sa.kind AS source_kind, p.target_id,"  # noqa: S608
            " ta.name AS target_name, ta.kind AS target_kind, p.n, p.cooperation, p.conflict"
            f" FROM ({pairs}) p JOIN actors sa ON sa.id = p.source_id JOIN actors ta ON ta.id = p.target_id"
            " ORDER BY p.n DESC, p.source_id, p.target_id"
        )
        rows = self._rows(sql, {**params, "top": top})
        for row in rows:
            for key in ("n", "cooperation", "conflict", "source_id", "target_id"):
                row[key] = int(row[key] or 0)
        return rows

    def event_counts(self, f: EventFilter, by: str = "month") -> list[Row]:
        """Events matching ``f`` per period of article publication and PLOVER type.

        Row keys: period (``2023-05`` by month, ``2023-W18`` by week), type, n. Undated
        articles are left out. Paging in ``f`` is ignored.
        """
        if by not in ("month", "week"):
            raise QueryError(f"cannot count by {by!r}; use month or week")
        where, params = self._event_where(f)
        period = "substr(v.published, 1, 7)" if by == "month" else self._week("v.published")
        sql = (
            f"SELECT {period} AS period, v.type AS type, count(*) AS n"  # noqa: S608 (fixed expressions)
            f" FROM events v {_where([*where, 'v.published IS NOT NULL'])}"
            " GROUP BY 1, 2 ORDER BY 1, 2"
        )
        rows = self._rows(sql, params)
        for row in rows:
            row["n"] = int(row["n"])
        return rows

    def _week(self, column: str) -> str:
        """SQL for the year and week of an ISO date column, as ``YYYY-Www`` (weeks start on Monday)."""
        return f"strftime('%Y-W%W', substr({column}, 1, 10))"

    def _add_sides(self, rows: list[Row]) -> None:
        """Names and actor ids on each side of the events in one page (one query for the page)."""
        index: dict[tuple[str, str], Row] = {}
        for row in rows:
            row["source_codes"] = json.loads(row["source_codes"])
            row["target_codes"] = json.loads(row["target_codes"])
            for side in ("source", "target"):
                row[f"{side}_names"] = []
                row[f"{side}_actor_ids"] = []
            index[(row["article_id"], row["id"])] = row
        articles = {f"a{i}": a for i, a in enumerate(sorted({a for a, _ in index}))}
        if not articles:
            return
        wanted = ", ".join(f":{key}" for key in articles)
        for x in self._rows(
            "SELECT article_id, event_id, side, name, actor_id FROM event_actors"  # noqa: S608 (placeholders only)
            f" WHERE article_id IN ({wanted}) AND name IS NOT NULL ORDER BY article_id, event_id, side",
            articles,
        ):
            event = index.get((x["article_id"], x["event_id"]))
            if event is not None:
                event[f"{x['side']}_names"].append(x["name"])
                if x["actor_id"] is not None:
                    event[f"{x['side']}_actor_ids"].append(int(x["actor_id"]))

    _ACTOR_COLUMNS = "id, name, kind, actor_code, n_quotes, n_events, n_articles, first_seen, last_seen"

    def actors(self, top: int = 20, kind: str | None = None) -> list[Row]:
        check_page(top, 0)
        where = "WHERE kind = :kind" if kind else ""
        return self._rows(
            f"SELECT {self._ACTOR_COLUMNS} FROM actors {where}"  # noqa: S608 (fixed column list)
            " ORDER BY n_quotes DESC, n_events DESC, n_articles DESC, id LIMIT :top",
            {"kind": kind, "top": top} if kind else {"top": top},
        )

    def actor(self, actor_id: int | str) -> Row | None:
        try:
            key = int(actor_id)
        except (TypeError, ValueError):
            return None
        rows = self._rows(f"SELECT {self._ACTOR_COLUMNS} FROM actors WHERE id = :id", {"id": key})  # noqa: S608
        if not rows:
            return None
        found = rows[0]
        found["aliases"] = [
            r["name"]
            for r in self._rows("SELECT name FROM actor_aliases WHERE actor_id = :id ORDER BY name", {"id": key})
        ]
        return found

    def actor_quotes(self, actor_id: int | str, limit: int = 50) -> list[Row]:
        return self.quotes(QuoteFilter(actor_id=int(actor_id), limit=limit))

    def actor_events(self, actor_id: int | str, limit: int = 100) -> list[Row]:
        return self.events(EventFilter(actor_id=int(actor_id), limit=limit))

    def search(self, text: str, limit: int = 20) -> list[Row]:
        """Articles and quotes matching a full-text query, best first, with ``[marked]`` snippets.

        Relevance is ranked among the newest ``SEARCH_WINDOW`` matches of each table: a word in
        half a million quotes would otherwise be scored half a million times per search.
        Searches with fewer matches than that are ranked exactly.
        """
        check_page(limit, 0)
        query = self._fts(text)
        hits: list[Row] = []
        for table in ("quotes", "articles"):
            hits += self._search_table(table, query, limit, text)
        hits.sort(key=lambda h: -float(h["score"] or 0))
        return hits[:limit]

    def _fts(self, text: str) -> str:
        if not text or not text.strip():
            raise QueryError("the search is empty; give one or more words")
        return self._search_text(text.strip())

    def stats(self) -> Row:
        """Counts per table, per outlet and per month (of publication)."""
        outlets = self._rows(
            "SELECT a.source AS source, count(*) AS articles,"
            " sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id)) AS quotes,"
            " sum((SELECT count(*) FROM events v WHERE v.article_id = a.id)) AS events"
            " FROM articles a GROUP BY a.source ORDER BY count(*) DESC, a.source"
        )
        months = self._rows(
            "SELECT substr(a.published, 1, 7) AS month, count(*) AS articles,"
            " sum((SELECT count(*) FROM quotes q WHERE q.article_id = a.id)) AS quotes,"
            " sum((SELECT count(*) FROM events v WHERE v.article_id = a.id)) AS events"
            " FROM articles a GROUP BY substr(a.published, 1, 7) ORDER BY month NULLS LAST"
        )
        for row in (*outlets, *months):
            for key in ("articles", "quotes", "events"):
                row[key] = int(row[key] or 0)
        return {"tables": self.counts(), "outlets": outlets, "months": months}


def plain_words(text: str) -> bool:
    """True when a search uses no full-text operators, so it can be matched word by word."""
    return _FTS_SYNTAX.search(text) is None


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def _date_where(since: str | None, until: str | None, column: str) -> tuple[list[str], Row]:
    where: list[str] = []
    params: Row = {}
    if (low := date_bound(since, "--since")) is not None:
        where.append(f"{column} >= :since")
        params["since"] = low
    if (high := date_bound(until, "--until", upper=True)) is not None:
        where.append(f"{column} < :until")
        params["until"] = high
    return where, params
