"""PostgreSQL backend: the same schema and statements as SQLite, through SQLAlchemy Core + psycopg 3.

Owns the engine, the named migrations under ``store/postgres/`` and the tsvector flavour of
search (``websearch_to_tsquery``: users type words, "phrases", ``OR`` and ``-word``; it never
raises a syntax error). Selected by ``open_store("postgresql://user:password@host/dbname")``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from dateline.errors import StoreError
from dateline.store.sqlbase import SEARCH_WINDOW, Row, SqlStore, statements

MIGRATIONS: tuple[tuple[str, str], ...] = (
    ("0001_initial", "postgres/0001_initial.sql"),
    ("0002_actors_search", "postgres/0002_actors_search.sql"),
    ("0003_actor_name_search", "postgres/0003_actor_name_search.sql"),
    ("0004_quote_dates", "postgres/0004_quote_dates.sql"),
    ("0005_licence_evidence", "postgres/0005_licence_evidence.sql"),
    ("0006_near_duplicates", "postgres/0006_near_duplicates.sql"),
    ("0007_skip_reason", "postgres/0007_skip_reason.sql"),
)
# ts_headline marks matched words with [ ] like SQLite's snippet(); callers style them.
HEADLINE = 'StartSel=[, StopSel=], MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'


class PostgresStore(SqlStore):
    order = "seq"
    integrity_errors = (IntegrityError,)

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        parsed = make_url(url).set(drivername="postgresql+psycopg")
        self.url = parsed.render_as_string(hide_password=True)
        connect_args = {"options": f"-csearch_path={schema}"} if schema else {}
        self.engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
        self._conn: Connection | None = None
        try:
            with self.engine.begin() as conn:
                if schema:
                    conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            self._migrate()
        except OperationalError as err:
            self.engine.dispose()
            reason = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
            raise StoreError(f"{self.url}: cannot open the PostgreSQL database ({reason})") from None

    def _migrate(self) -> None:
        with self.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY,"
                " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
            )
            conn.exec_driver_sql("LOCK TABLE migrations IN EXCLUSIVE MODE")  # one migrator at a time
            done = {row[0] for row in conn.exec_driver_sql("SELECT name FROM migrations")}
            for name, script in MIGRATIONS:
                if name in done:
                    continue
                sql = files("dateline.store").joinpath(script).read_text(encoding="utf-8")
                for statement in statements(sql):
                    conn.exec_driver_sql(statement)
                conn.execute(text("INSERT INTO migrations (name) VALUES (:name)"), {"name": name})

    # -- what SqlStore needs ----------------------------------------------------------------

    def _rows(self, sql: str, params: Row | None = None, *, search: str | None = None) -> list[Row]:
        if self._conn is not None:
            return [dict(row._mapping) for row in self._conn.execute(text(sql), params or {})]
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(text(sql), params or {})]

    def _run(self, sql: str, params: Row | None = None) -> None:
        if self._conn is None:
            with self.engine.begin() as conn:
                conn.execute(text(sql), params or {})
        else:
            self._conn.execute(text(sql), params or {})

    def _runmany(self, sql: str, rows: list[Row]) -> None:
        if not rows:
            return
        if self._conn is None:
            with self.engine.begin() as conn:
                conn.execute(text(sql), rows)
        else:
            self._conn.execute(text(sql), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._conn is not None:  # nested: the outer transaction commits
            yield
            return
        with self.engine.begin() as conn:
            self._conn = conn
            try:
                yield
            finally:
                self._conn = None

    def _week(self, column: str) -> str:
        return f"to_char(CAST(substr({column}, 1, 10) AS date), 'IYYY-\"W\"IW')"

    def _match(self, table: str, alias: str, param: str, *, per_row: bool = False) -> str:
        # PostgreSQL's planner estimates both sides from its statistics: no hint needed.
        return f"{alias}.search @@ websearch_to_tsquery('english', :{param})"

    def _names_like(self, param: str) -> str:
        return f"lower(al.name) LIKE :{param} ESCAPE '\\'"

    def _search_table(self, table: str, query: str, limit: int, text: str) -> list[Row]:
        # Newest matches first (the window), ranked, limited; headlines only for the rows shown.
        tsquery = "websearch_to_tsquery('english', :query)"
        if table == "quotes":
            inner = (
                "SELECT 'quote' AS kind, q.article_id, q.id AS quote_id, a.title, q.content_text AS body,"  # noqa: S608
                f" a.published, a.source, ts_rank(q.search, {tsquery}) AS score"
                f" FROM (SELECT * FROM quotes WHERE search @@ {tsquery} ORDER BY seq DESC LIMIT :window) q"
                " JOIN articles a ON a.id = q.article_id"
            )
        else:
            inner = (
                "SELECT 'article' AS kind, a.id AS article_id, NULL AS quote_id, a.title, a.text AS body,"  # noqa: S608
                f" a.published, a.source, ts_rank(a.search, {tsquery}) AS score"
                f" FROM (SELECT * FROM articles WHERE search @@ {tsquery} ORDER BY stored_at DESC, id LIMIT :window) a"
            )
        sql = (
            f"SELECT kind, article_id, quote_id, title, ts_headline('english', body, {tsquery}, :headline) AS snippet,"  # noqa: S608
            f" published, source, score FROM ({inner} ORDER BY score DESC LIMIT :limit) hits ORDER BY score DESC"
        )
        params = {"query": query, "limit": limit, "window": SEARCH_WINDOW, "headline": HEADLINE}
        return [{**r, "score": float(r["score"])} for r in self._rows(sql, params)]

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def drop_schema(self, schema: str) -> None:
        """Remove a scratch schema (tests and benchmarks)."""
        drop_schema(self.engine.url.render_as_string(hide_password=False), schema)


def drop_schema(url: str, schema: str) -> None:
    """Remove a scratch schema, also when a store could not be opened in it."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        engine.dispose()
