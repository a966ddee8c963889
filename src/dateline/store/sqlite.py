"""SQLite backend: one file, WAL, one transaction per article, idempotent on content hash."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.records import (
    Article,
    Entity,
    Event,
    Extraction,
    PipelineInfo,
    Quote,
    Span,
    When,
    Where,
)
from dateline.store.base import SaveResult

MIGRATIONS = (("0001_initial", "schema.sql"),)


class SQLiteStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
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
        for name, script in MIGRATIONS:
            if name in done:
                continue
            sql = files("dateline.store").joinpath(script).read_text(encoding="utf-8")
            with self._transaction():
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations (name) VALUES (?)", (name,))

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def known(self, article: Article) -> str | None:
        """The stored article id for this text (by content hash), else None."""
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", (article.content_hash,)).fetchone()
        return row[0] if row else None

    def save(self, extraction: Extraction) -> SaveResult:
        """Store an article with all its records in one transaction; a known text is a duplicate."""
        article = extraction.article
        with self._transaction():
            existing = self.known(article)
            if existing is not None:
                if existing != article.id:
                    self.db.execute(
                        "INSERT OR IGNORE INTO article_aliases (alias, article_id) VALUES (?, ?)",
                        (article.id, existing),
                    )
                self._seen(existing, article)
                return SaveResult.DUPLICATE
            if self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                raise StoreError(
                    f"article id {article.id!r} is already stored with a different text; give the input a unique id"
                )
            self._insert(extraction)
            self._seen(article.id, article)
        return SaveResult.STORED

    def add_copy(self, original_id: str, article: Article) -> None:
        """Record ``article`` as a near-identical copy of a stored one (syndication): a seen_at row
        on the original and its id as an alias, in one transaction; the copy's text is not stored."""
        with self._transaction():
            if article.id != original_id:
                self.db.execute(
                    "INSERT OR IGNORE INTO article_aliases (alias, article_id) VALUES (?, ?)", (article.id, original_id)
                )
            self._seen(original_id, article)

    def _seen(self, article_id: str, article: Article) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO seen_at (article_id, url, source, published, fetched_from) VALUES (?, ?, ?, ?, ?)",
            (article_id, article.url, article.source, article.published, article.fetched_from),
        )

    def _insert(self, x: Extraction) -> None:
        a = x.article
        text = a.text
        self.db.execute(
            "INSERT INTO articles (id, content_hash, title, url, source, published, dateline, authors, language,"
            " licence, attribution, fetched_from, text, tone, pipeline_version, model)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                a.content_hash,
                a.title,
                a.url,
                a.source,
                a.published,
                a.dateline,
                json.dumps(list(a.authors)),
                a.language,
                a.licence,
                a.attribution,
                a.fetched_from,
                text,
                x.tone,
                x.pipeline.version,
                x.pipeline.model,
            ),
        )
        self.db.executemany(
            "INSERT INTO entities (article_id, id, name, kind, label, role, actor_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(a.id, e.id, e.name, e.kind, e.label, e.role, e.actor_code) for e in x.entities],
        )
        self.db.executemany(
            "INSERT INTO mentions (article_id, entity_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
            [(a.id, e.id, m.start, m.end, m.of(text)) for e in x.entities for m in e.mentions],
        )
        self.db.executemany(
            "INSERT INTO quotes (article_id, id, kind, content_spans, content_text, cue_start, cue_end, cue_text,"
            " speaker_mention_start, speaker_mention_end, speaker_mention_text, speaker_id, speaker_name)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    q.id,
                    q.kind,
                    json.dumps([list(c) for c in q.content]),
                    " … ".join(c.of(text) for c in q.content),
                    *_span_cols(q.cue, text),
                    *_span_cols(q.speaker_mention, text),
                    q.speaker,
                    q.speaker_name,
                )
                for q in x.quotes
            ],
        )
        self.db.executemany(
            "INSERT INTO events (article_id, id, type, mode, cameo, goldstein, quad_class, source_ids, target_ids,"
            " source_codes, target_codes, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end,"
            " when_json, when_value, where_json, where_name, where_country, quote_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    v.id,
                    v.type,
                    v.mode,
                    v.cameo,
                    v.goldstein,
                    v.quad_class,
                    json.dumps(list(v.source)),
                    json.dumps(list(v.target)),
                    json.dumps(list(v.source_codes)),
                    json.dumps(list(v.target_codes)),
                    v.evidence.start,
                    v.evidence.end,
                    v.evidence.of(text),
                    v.trigger.start if v.trigger else None,
                    v.trigger.end if v.trigger else None,
                    json.dumps(asdict(v.when)) if v.when else None,
                    v.when.value if v.when else None,
                    json.dumps(asdict(v.where)) if v.where else None,
                    v.where.name if v.where else None,
                    v.where.country if v.where else None,
                    v.quote,
                )
                for v in x.events
            ],
        )

    # -- reading -----------------------------------------------------------------------

    def resolve_id(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE id = ? UNION ALL SELECT article_id FROM article_aliases WHERE alias = ?",
            (article_id, article_id),
        ).fetchone()
        if row is None and len(article_id) >= 6:  # a unique prefix of a hash id, as git allows
            rows = self.db.execute(
                "SELECT id FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (_like_prefix(article_id),)
            ).fetchall()
            return rows[0][0] if len(rows) == 1 else None
        return row[0] if row else None

    def get(self, article_id: str) -> Extraction | None:
        real = self.resolve_id(article_id)
        if real is None:
            return None
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (real,)).fetchone()
        return self._extraction(row)

    def iter_extractions(self) -> Iterator[Extraction]:
        for row in self.db.execute("SELECT * FROM articles ORDER BY published, id").fetchall():
            yield self._extraction(row)

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
            for table in ("articles", "entities", "mentions", "quotes", "events", "seen_at")
        }

    def _extraction(self, row: sqlite3.Row) -> Extraction:
        aid = row["id"]
        article = Article(
            id=aid,
            text=row["text"],
            title=row["title"],
            url=row["url"],
            source=row["source"],
            published=row["published"],
            dateline=row["dateline"],
            authors=tuple(json.loads(row["authors"])),
            language=row["language"],
            licence=row["licence"],
            attribution=row["attribution"],
            fetched_from=row["fetched_from"],
        )
        mentions: dict[str, list[Span]] = {}
        for m in self.db.execute(
            "SELECT entity_id, start, end FROM mentions WHERE article_id = ? ORDER BY start", (aid,)
        ):
            mentions.setdefault(m["entity_id"], []).append(Span(m["start"], m["end"]))
        entities = tuple(
            Entity(
                id=e["id"],
                name=e["name"],
                kind=e["kind"],
                label=e["label"],
                role=e["role"],
                actor_code=e["actor_code"],
                mentions=tuple(mentions.get(e["id"], ())),
            )
            for e in self.db.execute("SELECT * FROM entities WHERE article_id = ? ORDER BY rowid", (aid,))
        )
        quotes = tuple(
            Quote(
                id=q["id"],
                kind=q["kind"],
                content=tuple(Span(*c) for c in json.loads(q["content_spans"])),
                cue=_span(q["cue_start"], q["cue_end"]),
                speaker_mention=_span(q["speaker_mention_start"], q["speaker_mention_end"]),
                speaker=q["speaker_id"],
                speaker_name=q["speaker_name"],
            )
            for q in self.db.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY rowid", (aid,))
        )
        events = tuple(
            _event_row(v) for v in self.db.execute("SELECT * FROM events WHERE article_id = ? ORDER BY rowid", (aid,))
        )
        return Extraction(
            article=article,
            entities=entities,
            quotes=quotes,
            events=events,
            pipeline=PipelineInfo(row["pipeline_version"] or "", row["model"] or ""),
            tone=row["tone"],
        )


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error: an article is stored whole or not at all."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def _span_cols(span: Span | None, text: str) -> tuple[Any, Any, Any]:
    return (span.start, span.end, span.of(text)) if span else (None, None, None)


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _event_row(v: sqlite3.Row) -> Event:
    when = json.loads(v["when_json"]) if v["when_json"] else None
    where = json.loads(v["where_json"]) if v["where_json"] else None
    return Event(
        id=v["id"],
        type=v["type"],
        mode=v["mode"],
        cameo=v["cameo"],
        goldstein=v["goldstein"],
        quad_class=v["quad_class"],
        source=tuple(json.loads(v["source_ids"])),
        target=tuple(json.loads(v["target_ids"])),
        source_codes=tuple(json.loads(v["source_codes"])),
        target_codes=tuple(json.loads(v["target_codes"])),
        evidence=Span(v["evidence_start"], v["evidence_end"]),
        trigger=_span(v["trigger_start"], v["trigger_end"]),
        when=When(**{**when, "span": Span(*when["span"]) if when.get("span") else None}) if when else None,
        where=Where(**{**where, "span": Span(*where["span"]) if where.get("span") else None}) if where else None,
        quote=v["quote_id"],
    )
