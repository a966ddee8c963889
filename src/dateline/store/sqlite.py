"""SQLite backend: one file, WAL, FTS5, one transaction per article, idempotent on content hash.

Owns the connection, the named migrations (recorded in the ``migrations`` table) and the
FTS5 flavour of search. The statements themselves are shared with PostgreSQL in ``sqlbase``.
"""

from __future__ import annotations

import sqlite3
import time
from importlib.resources import files
from pathlib import Path

from dateline.errors import StoreError
from dateline.records import Extraction
from dateline.store.base import SaveResult
from dateline.store.query import FTS_HELP, QueryError
from dateline.store.snippets import query_terms, snippet
from dateline.store.sqlbase import SEARCH_WINDOW, Row, SqlStore, plain_words, statements

# Named migrations, applied in order and recorded; a file once released is never edited.
# Newest-first quotes for a common search: walk at most about this many rows (see _quotes_walk_instead).
WALK_BUDGET = 20_000
# A speaker with this many quotes or more is not walked (the count stops there).
SPEAKER_WALK_CAP = 200_000

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", "schema.sql"),
    ("0002_actors_search", "0002_actors_search.sql"),
    ("0003_actor_name_search", "0003_actor_name_search.sql"),
    ("0004_quote_dates", "0004_quote_dates.sql"),
    ("0005_licence_evidence", "0005_licence_evidence.sql"),
    ("0006_near_duplicates", "0006_near_duplicates.sql"),
    ("0007_skip_reason", "0007_skip_reason.sql"),
)


class SQLiteStore(SqlStore):
    order = "rowid"
    integrity_errors = (sqlite3.IntegrityError,)

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._depth = 0  # nesting of _transaction(): only the outermost one commits
        self._stored = 0  # articles this connection stored: their statistics are refreshed on close
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            _enable_wal(self.db)
            # NORMAL is durable across application crashes in WAL mode and avoids an fsync per article.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: cannot open as a Dateline database ({err})") from None

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL"
            " DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
        )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        applied = []
        for name, script in MIGRATIONS:
            if name in done:
                continue
            sql = files("dateline.store").joinpath(script).read_text(encoding="utf-8")
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                # Another process applied it while this one waited for the write lock (two
                # commands opening a new database at once); BEGIN IMMEDIATE serialises them.
                self.db.execute("ROLLBACK")
                continue
            try:
                for statement in statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations (name) VALUES (?)", (name,))
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
            applied.append(name)
        if "0002_actors_search" in applied and "0001_initial" in done:
            # Rows stored before actors existed are linked once every column they need exists.
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self._link_existing_actors()
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _link_existing_actors(self) -> None:
        """Give articles stored before migration 0002 their actors and event sides."""
        self._depth = 1  # already inside the migration's transaction
        ids = [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY published, id")]
        for article_id in ids:
            found = self.get(article_id)
            if found is None:
                continue
            for table in ("mentions", "events", "quotes", "entities"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))  # noqa: S608
            self._insert_records(found)
        self._depth = 0

    # -- what SqlStore needs ----------------------------------------------------------------

    def _rows(self, sql: str, params: Row | None = None, *, search: str | None = None) -> list[Row]:
        try:
            return [dict(row) for row in self.db.execute(sql, params or {})]
        except sqlite3.OperationalError as err:
            if search is not None and _fts_error(err):
                raise QueryError(f"cannot search for {search!r} ({err}): {FTS_HELP}") from None
            raise

    def _run(self, sql: str, params: Row | None = None) -> None:
        self.db.execute(sql, params or {})

    def _runmany(self, sql: str, rows: list[Row]) -> None:
        if rows:
            self.db.executemany(sql, rows)

    def _transaction(self) -> _Transaction:
        return _Transaction(self)

    def _match(self, table: str, alias: str, param: str, *, per_row: bool = False) -> str:
        # SQLite's planner always starts from the full-text matches (it cannot see how many
        # there are): 389k of 1.16M quotes say "Iran", and looking each one up to keep one
        # speaker's, or to sort them all for the newest 50, costs 240–350 ms where walking the
        # speaker's 22k quotes, or the newest quotes until 50 match, takes 50–65 ms. A unary
        # "+" keeps the rowid test from driving the plan.
        plus = "+" if per_row else ""
        return f"{plus}{alias}.rowid IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :{param})"  # noqa: S608

    def _quotes_walk_instead(self, params: Row, *, speaker: bool, page_end: int) -> bool:
        # Every count stops early, so the probe costs a few milliseconds however common either side is.
        if speaker:
            walk = self._count(
                f"SELECT 1 FROM quotes q WHERE q.actor_id IN ({self._actors_named('speaker')})",  # noqa: S608
                {"speaker": params["speaker"]},
                cap=SPEAKER_WALK_CAP,
            )
            if walk >= SPEAKER_WALK_CAP:
                return False
        else:
            # Newest first, a page of ``page_end`` rows takes about page_end * total / matches
            # steps: walk when that stays under WALK_BUDGET rows.
            total = self._rows("SELECT coalesce(max(rowid), 0) AS n FROM quotes")[0]["n"]
            walk = -(-page_end * total // WALK_BUDGET)
            if walk < 1000:
                return False  # a small store: either plan is quick
        matches = self._count(
            "SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH :about", {"about": params["about"]}, cap=walk + 1
        )
        return matches > walk

    def _count(self, sql: str, params: Row, *, cap: int) -> int:
        """Rows of ``sql``, counted up to ``cap``."""
        counted = f"SELECT count(*) AS n FROM ({sql} LIMIT :cap)"  # noqa: S608 (fixed fragments)
        found = self._rows(counted, {**params, "cap": cap}, search=params.get("about"))
        return int(found[0]["n"])

    def _names_like(self, param: str) -> str:
        return f"al.rowid IN (SELECT rowid FROM actor_names_fts WHERE name LIKE :{param})"  # noqa: S608

    def _name_pattern(self, value: str) -> str:
        # The trigram index answers LIKE without an ESCAPE clause, so wildcards are dropped.
        return "%" + value.strip().replace("%", "").replace("_", "") + "%"

    def _search_table(self, table: str, query: str, limit: int, text: str) -> list[Row]:
        # Step 1: bm25 of the newest matches only; FTS5 streams them in rowid order.
        ranked = self._rows(
            f"SELECT rowid AS id, rank FROM {table}_fts WHERE {table}_fts MATCH :query"  # noqa: S608 (fixed names)
            " ORDER BY rowid DESC LIMIT :window",
            {"query": query, "window": SEARCH_WINDOW},
            search=text,
        )
        best = sorted(ranked, key=lambda r: r["rank"])[:limit]
        if not best:
            return []
        # Step 2: text and article details for the few rows shown, by rowid (no second MATCH).
        ids = {f"r{i}": r["id"] for i, r in enumerate(best)}
        wanted = ", ".join(f":{key}" for key in ids)
        if table == "quotes":
            sql = (
                "SELECT 'quote' AS kind, q.article_id, q.id AS quote_id, a.title, q.rowid AS id,"  # noqa: S608
                " q.content_text AS body, a.published, a.source"
                f" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.rowid IN ({wanted})"
            )
        else:
            sql = (
                "SELECT 'article' AS kind, a.id AS article_id, NULL AS quote_id, a.title, a.rowid AS id,"  # noqa: S608
                f" a.text AS body, a.published, a.source FROM articles a WHERE a.rowid IN ({wanted})"
            )
        found = {r["id"]: r for r in self._rows(sql, ids)}
        terms = query_terms(query)
        hits = []
        for r in best:
            hit = found.get(r["id"])
            if hit is not None:
                body = hit.pop("body")
                del hit["id"]
                marked = snippet(body, terms)
                if "[" not in marked and hit["title"]:  # the match was in the title
                    marked = snippet(hit["title"], terms)
                hits.append({**hit, "snippet": marked, "score": -float(r["rank"])})
        return hits

    def _search_text(self, text: str) -> str:
        if plain_words(text):  # "U.S. sanctions" as words, not as (broken) FTS5 syntax
            return " ".join('"' + word.replace('"', "") + '"' for word in text.split())
        return text

    def save(self, extraction: Extraction) -> SaveResult:
        result = super().save(extraction)
        if result is SaveResult.STORED:
            self._stored += 1
        return result

    def close(self) -> None:
        if self._stored:
            self._analyze()
        self.db.close()

    def _analyze(self) -> None:
        """Refresh the planner's statistics after writing.

        Without ``sqlite_stat1`` SQLite picks poor plans on a large store (newest quotes by
        sorting every quote; an actor's events by probing every event): seconds instead of
        milliseconds on 20k articles. A sampled ANALYZE costs milliseconds.
        """
        try:
            self.db.execute("PRAGMA analysis_limit=1000")
            self.db.execute("ANALYZE")
        except sqlite3.Error:  # statistics are an optimisation; a busy or read-only file keeps the old ones
            pass

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error: an article is stored whole or not at all."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store = store

    def __enter__(self) -> None:
        if self.store._depth == 0:
            self.store.db.execute("BEGIN IMMEDIATE")
        self.store._depth += 1

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.store._depth -= 1
        if self.store._depth == 0:
            self.store.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _fts_error(err: sqlite3.OperationalError) -> bool:
    text = str(err)
    return any(s in text for s in ("fts5", "syntax error", "no such column", "unterminated", "unknown special query"))


def _enable_wal(db: sqlite3.Connection, attempts: int = 300) -> None:
    """Switch to WAL (readers never wait for the writer), retrying while another opener holds the lock.

    Changing the journal mode of a new file needs an exclusive lock and SQLite reports "database
    is locked" at once, without calling the busy handler, when two processes open a new
    database together; so this one statement is retried (for up to ~30 s).
    """
    for attempt in range(attempts):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == attempts - 1:
                raise
            time.sleep(0.1)
