"""The SQL both backends share: writing an extraction and reading it back; the query
contract's statements are in ``sqlquery.py``, mixed into ``SqlStore``.

SQLite and PostgreSQL hold the same tables (``schema.sql`` + ``0002_actors_search.sql`` and
their twins under ``postgres/``), so every statement here is written once with ``:name``
parameters, which both ``sqlite3`` and SQLAlchemy's ``text()`` accept. A backend supplies how
to run a statement, a transaction, its row-order column and its full-text clauses; nothing
else differs. Rows come back as plain dicts, the shapes documented in ``store/query.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from dateline.errors import StoreError
from dateline.records import Article, Entity, Event, Extraction, PipelineInfo, Quote, Span, When, Where
from dateline.store.actors import actor_key
from dateline.store.base import SaveResult
from dateline.store.sqlquery import SEARCH_WINDOW, QueryMethods, Row, plain_words

if TYPE_CHECKING:
    from dateline.ingest.dedup import Fingerprint

__all__ = ["SEARCH_WINDOW", "Row", "SqlStore", "plain_words", "statements"]
TABLES = ("articles", "entities", "mentions", "quotes", "events", "seen_at", "actors", "event_actors")


class SqlStore(QueryMethods):
    """Writes, reads and queries over the shared schema; subclasses run the SQL."""

    order: str = "rowid"  # the column that keeps a table's rows in insertion order
    integrity_errors: tuple[type[Exception], ...] = ()  # the driver's constraint-violation errors
    _unindexed: list[tuple[str, str]] | None = None  # articles save_many stored and will fingerprint

    # -- what a backend provides ----------------------------------------------------------

    def _rows(self, sql: str, params: Row | None = None, *, search: str | None = None) -> list[Row]:
        raise NotImplementedError

    def _run(self, sql: str, params: Row | None = None) -> None:
        raise NotImplementedError

    def _runmany(self, sql: str, rows: list[Row]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- writing --------------------------------------------------------------------------

    def known(self, article: Article) -> str | None:
        """The stored article id for this text (by content hash), else None."""
        rows = self._rows("SELECT id FROM articles WHERE content_hash = :h", {"h": article.content_hash})
        return rows[0]["id"] if rows else None

    def known_many(self, articles: Sequence[Article]) -> dict[str, str]:
        """Content hash → stored article id, for those of ``articles`` already stored.

        One query per 500 articles, so batch ingest checks a whole batch before parsing any of it
        and a resumed ingest skips what is stored cheaply.
        """
        hashes = list(dict.fromkeys(a.content_hash for a in articles))
        found: dict[str, str] = {}
        for i in range(0, len(hashes), 500):
            params = {f"h{j}": h for j, h in enumerate(hashes[i : i + 500])}
            marks = ", ".join(f":{name}" for name in params)
            sql = f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})"  # noqa: S608 (only :names)
            found.update((row["content_hash"], row["id"]) for row in self._rows(sql, params))
        return found

    def save_many(self, extractions: Sequence[Extraction]) -> list[SaveResult]:
        """``save`` for each, all in one transaction (fewer commits for batch ingest); any error
        rolls the whole batch back, so every article is still stored whole or not at all.
        The stored articles' near-duplicate rows are written together at the end (two
        statements per batch rather than per article: round trips count on PostgreSQL)."""
        with self._transaction():
            self._unindexed = []
            try:
                results = [self.save(x) for x in extractions]
                self._fingerprint(self._unindexed)
            finally:
                self._unindexed = None
            return results

    def save(self, extraction: Extraction) -> SaveResult:
        """Store an article with all its records in one transaction; a known text is a duplicate."""
        try:
            return self._save(extraction)
        except self.integrity_errors as err:
            reason = str(err).splitlines()[0]
            raise StoreError(
                f"article {extraction.id!r}: records break a constraint, nothing stored ({reason})"
            ) from None

    def _save(self, extraction: Extraction) -> SaveResult:
        article = extraction.article
        with self._transaction():
            existing = self.known(article)
            if existing is not None:
                if existing != article.id:
                    self._run(
                        "INSERT INTO article_aliases (alias, article_id) VALUES (:alias, :id) ON CONFLICT DO NOTHING",
                        {"alias": article.id, "id": existing},
                    )
                self._seen(existing, article)
                return SaveResult.DUPLICATE
            if self._rows("SELECT 1 AS found FROM articles WHERE id = :id", {"id": article.id}):
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
                self._run(
                    "INSERT INTO article_aliases (alias, article_id) VALUES (:alias, :id) ON CONFLICT DO NOTHING",
                    {"alias": article.id, "id": original_id},
                )
            self._seen(original_id, article)

    def _seen(self, article_id: str, article: Article) -> None:
        # ON CONFLICT cannot catch a repeat when url or fetched_from is NULL (NULLs are distinct
        # in a UNIQUE constraint), so a rerun of a batch would count every copy twice.
        if self._rows(
            "SELECT 1 AS one FROM seen_at WHERE article_id = :id AND url IS NOT DISTINCT FROM :url"
            " AND fetched_from IS NOT DISTINCT FROM :fetched_from",
            {"id": article_id, "url": article.url, "fetched_from": article.fetched_from},
        ):
            return
        self._run(
            "INSERT INTO seen_at (article_id, url, source, published, fetched_from)"
            " VALUES (:id, :url, :source, :published, :fetched_from) ON CONFLICT DO NOTHING",
            {
                "id": article_id,
                "url": article.url,
                "source": article.source,
                "published": article.published,
                "fetched_from": article.fetched_from,
            },
        )

    def _insert(self, x: Extraction) -> None:
        a = x.article
        self._run(
            "INSERT INTO articles (id, content_hash, title, url, source, published, dateline, authors, language,"
            " licence, licence_evidence, attribution, fetched_from, text, tone, pipeline_version, model, status,"
            " skip_reason) VALUES (:id, :content_hash, :title, :url, :source, :published, :dateline, :authors,"
            " :language, :licence, :licence_evidence, :attribution, :fetched_from, :text, :tone, :pipeline_version,"
            " :model, :status, :skip_reason)",
            {
                **a.metadata(),
                "id": a.id,
                "content_hash": a.content_hash,
                "authors": json.dumps(list(a.authors)),
                "tone": x.tone,
                "pipeline_version": x.pipeline.version,
                "model": x.pipeline.model,
                "status": "skipped" if x.skipped else "extracted",
                "skip_reason": x.skipped,
            },
        )
        self._insert_records(x)
        if self._unindexed is not None:  # inside save_many: indexed with the rest of the batch
            self._unindexed.append((a.id, a.text))
        else:
            self._fingerprint([(a.id, a.text)])

    # -- the near-duplicate index (ingest/dedup.py) ----------------------------------------
    # dedup is imported in the methods that write or read fingerprints: datasketch brings scipy,
    # 0.45 s of import that every query command (`dateline quotes`, `events`, ...) would pay.

    def _fingerprint(self, articles: list[tuple[str, str]]) -> None:
        """Index stored articles for near-duplicate lookup: a signature row (NULL when the text
        is too short to judge) and one row per LSH band key."""
        from dateline.ingest.dedup import fingerprint

        prints = [(article_id, fingerprint(text)) for article_id, text in articles]
        self._runmany(
            "INSERT INTO fingerprints (article_id, signature, head) VALUES (:id, :signature, :head)"
            " ON CONFLICT DO NOTHING",
            [
                {"id": i, "signature": fp.signature_bytes() if fp else None, "head": fp.head if fp else ""}
                for i, fp in prints
            ],
        )
        self._runmany(
            "INSERT INTO fingerprint_bands (band_key, article_id) VALUES (:key, :id) ON CONFLICT DO NOTHING",
            [{"key": key, "id": i} for i, fp in prints if fp for key in dict.fromkeys(fp.bands)],
        )

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, Fingerprint]]:
        """Stored articles that share an LSH band key with ``bands``: one indexed query (per 500
        keys, so a whole batch of articles can be looked up at once)."""
        from dateline.ingest.dedup import Fingerprint

        keys = list(dict.fromkeys(bands))
        found: dict[str, Fingerprint] = {}
        for i in range(0, len(keys), 500):
            params = {f"k{j}": key for j, key in enumerate(keys[i : i + 500])}
            marks = ", ".join(f":{name}" for name in params)
            rows = self._rows(
                "SELECT f.article_id, f.signature, f.head FROM fingerprints f WHERE f.article_id IN"  # noqa: S608 (only :names)
                f" (SELECT article_id FROM fingerprint_bands WHERE band_key IN ({marks})) AND f.signature IS NOT NULL",
                params,
            )
            found.update(
                (r["article_id"], Fingerprint.from_stored(bytes(r["signature"]), r["head"]))
                for r in rows
                if r["article_id"] not in found
            )
        return list(found.items())

    def index_unfingerprinted(self, batch: int = 500) -> int:
        """Fingerprint stored articles that have none (those stored before migration 0006):
        about a millisecond each, in transactions of ``batch``. Returns how many."""
        done = 0
        while True:
            rows = self._rows(
                "SELECT a.id, a.text FROM articles a WHERE NOT EXISTS"
                " (SELECT 1 FROM fingerprints f WHERE f.article_id = a.id) LIMIT :n",
                {"n": batch},
            )
            if not rows:
                return done
            with self._transaction():
                self._fingerprint([(r["id"], r["text"]) for r in rows])
            done += len(rows)

    def _insert_records(self, x: Extraction) -> None:
        """Entities (linked to actors), mentions, quotes, events and event sides of a stored article."""
        a = x.article
        text = a.text
        entity_actor = {e.id: self._actor_for(e.name, e.kind, e.actor_code) for e in x.entities}
        names = {e.id: e.name for e in x.entities}
        codes = {e.id: e.actor_code for e in x.entities}
        self._runmany(
            "INSERT INTO entities (article_id, id, name, kind, label, role, actor_code, actor_id)"
            " VALUES (:article_id, :id, :name, :kind, :label, :role, :actor_code, :actor_id)",
            [
                {
                    "article_id": a.id,
                    "id": e.id,
                    "name": e.name,
                    "kind": e.kind,
                    "label": e.label,
                    "role": e.role,
                    "actor_code": e.actor_code,
                    "actor_id": entity_actor[e.id],
                }
                for e in x.entities
            ],
        )
        self._runmany(
            'INSERT INTO mentions (article_id, entity_id, start, "end", text) VALUES (:a, :e, :s, :t, :text)',
            [
                {"a": a.id, "e": e.id, "s": m.start, "t": m.end, "text": m.of(text)}
                for e in x.entities
                for m in e.mentions
            ],
        )
        quote_actor: dict[str, int | None] = {}
        for q in x.quotes:
            if q.speaker in entity_actor:
                quote_actor[q.id] = entity_actor[q.speaker]
            elif q.speaker_name:
                quote_actor[q.id] = self._actor_for(q.speaker_name, None, None)
            else:
                quote_actor[q.id] = None
        self._runmany(
            "INSERT INTO quotes (article_id, id, kind, content_spans, content_text, cue_start, cue_end, cue_text,"
            " speaker_mention_start, speaker_mention_end, speaker_mention_text, speaker_id, speaker_name, actor_id,"
            " published) VALUES (:article_id, :id, :kind, :content_spans, :content_text, :cue_start, :cue_end,"
            " :cue_text, :sm_start, :sm_end, :sm_text, :speaker_id, :speaker_name, :actor_id, :published)",
            [{**_quote_params(a.id, q, text, quote_actor[q.id]), "published": a.published} for q in x.quotes],
        )
        self._runmany(
            "INSERT INTO events (article_id, id, type, mode, cameo, goldstein, quad_class, source_ids, target_ids,"
            " source_codes, target_codes, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end,"
            " when_json, when_value, where_json, where_name, where_country, quote_id, published) VALUES"
            " (:article_id, :id, :type, :mode, :cameo, :goldstein, :quad_class, :source_ids, :target_ids,"
            " :source_codes, :target_codes, :evidence_start, :evidence_end, :evidence_text, :trigger_start,"
            " :trigger_end, :when_json, :when_value, :where_json, :where_name, :where_country, :quote_id, :published)",
            [{**_event_params(a.id, v, text), "published": a.published} for v in x.events],
        )
        sides: list[Row] = []
        for v in x.events:
            for side, ids, side_codes in (("source", v.source, v.source_codes), ("target", v.target, v.target_codes)):
                for eid in ids:
                    actor = entity_actor.get(eid)
                    sides.append(_side(a.id, v.id, side, eid, actor, names.get(eid), codes.get(eid)))
                covered = {codes.get(eid) for eid in ids}
                sides += [_side(a.id, v.id, side, None, None, None, c) for c in side_codes if c not in covered]
        self._runmany(
            "INSERT INTO event_actors (article_id, event_id, side, entity_id, actor_id, name, code)"
            " VALUES (:article_id, :event_id, :side, :entity_id, :actor_id, :name, :code)",
            sides,
        )
        self._count_actors(x, entity_actor, quote_actor)

    def _actor_for(self, name: str, kind: str | None, code: str | None) -> int:
        """The global actor for a name, created on first sight; the name is kept as an alias."""
        if kind is None:  # a speaker named without an entity: reuse a person, org or group actor
            bare = actor_key(name, None).split(":", 1)[1]
            keys = {f"{k}:{bare}": k for k in ("person", "org", "group")}
            found = self._rows(
                "SELECT id FROM actors WHERE key IN (:k1, :k2, :k3) ORDER BY id LIMIT 1",
                dict(zip(("k1", "k2", "k3"), keys, strict=True)),
            )
            if found:
                actor = int(found[0]["id"])
                self._alias(actor, name)
                return actor
        key = actor_key(name, kind)
        self._run(
            "INSERT INTO actors (key, name, kind, actor_code) VALUES (:key, :name, :kind, :code)"
            " ON CONFLICT (key) DO NOTHING",
            {"key": key, "name": name, "kind": kind or "person", "code": code},
        )
        row = self._rows("SELECT id, actor_code FROM actors WHERE key = :key", {"key": key})[0]
        actor = int(row["id"])
        if code and not row["actor_code"]:
            self._run("UPDATE actors SET actor_code = :code WHERE id = :id", {"code": code, "id": actor})
        self._alias(actor, name)
        return actor

    def _alias(self, actor: int, name: str) -> None:
        self._run(
            "INSERT INTO actor_aliases (actor_id, name) VALUES (:id, :name) ON CONFLICT DO NOTHING",
            {"id": actor, "name": name},
        )

    def _count_actors(self, x: Extraction, entity_actor: dict[str, int], quote_actor: dict[str, int | None]) -> None:
        """Keep each actor's counters and first/last seen (by article date) current."""
        tally: dict[int, list[int]] = {actor: [0, 0] for actor in entity_actor.values()}
        for actor in quote_actor.values():
            if actor is not None:
                tally.setdefault(actor, [0, 0])[0] += 1
        for v in x.events:
            for actor in {entity_actor[e] for e in (*v.source, *v.target) if e in entity_actor}:
                tally[actor][1] += 1
        # One batched UPDATE; the CASEs keep the earliest/latest date and ignore a missing one.
        published = x.article.published
        self._runmany(
            "UPDATE actors SET n_quotes = n_quotes + :q, n_events = n_events + :e, n_articles = n_articles + 1,"
            " first_seen = CASE WHEN first_seen IS NULL OR first_seen > :published THEN :published"
            " ELSE first_seen END,"
            " last_seen = CASE WHEN last_seen IS NULL OR last_seen < :published THEN :published"
            " ELSE last_seen END WHERE id = :id",
            [{"q": q, "e": e, "published": published, "id": actor} for actor, (q, e) in tally.items()],
        )

    # -- reading one article back ---------------------------------------------------------

    def resolve_id(self, article_id: str) -> str | None:
        rows = self._rows(
            "SELECT id FROM articles WHERE id = :id UNION ALL SELECT article_id FROM article_aliases WHERE alias = :id",
            {"id": article_id},
        )
        if not rows and len(article_id) >= 6:  # a unique prefix of a hash id, as git allows
            rows = self._rows(
                "SELECT id FROM articles WHERE id LIKE :p ESCAPE '\\' LIMIT 2",
                {"p": article_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"},
            )
            return rows[0]["id"] if len(rows) == 1 else None
        return rows[0]["id"] if rows else None

    def get(self, article_id: str) -> Extraction | None:
        real = self.resolve_id(article_id)
        if real is None:
            return None
        return self._extraction(self._rows("SELECT * FROM articles WHERE id = :id", {"id": real})[0])

    def iter_extractions(self) -> Iterator[Extraction]:
        for row in self._rows("SELECT id FROM articles ORDER BY published, id"):
            found = self.get(row["id"])
            if found is not None:
                yield found

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])  # noqa: S608 (fixed names)
            for table in TABLES
        }

    def _extraction(self, row: Row) -> Extraction:
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
            licence_evidence=row["licence_evidence"],
            attribution=row["attribution"],
            fetched_from=row["fetched_from"],
        )
        mentions: dict[str, list[Span]] = {}
        for m in self._rows(
            'SELECT entity_id, start, "end" FROM mentions WHERE article_id = :a ORDER BY start, "end"', {"a": aid}
        ):
            mentions.setdefault(m["entity_id"], []).append(Span(m["start"], m["end"]))
        order = self.order
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
            for e in self._rows(f"SELECT * FROM entities WHERE article_id = :a ORDER BY {order}", {"a": aid})  # noqa: S608
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
            for q in self._rows(f"SELECT * FROM quotes WHERE article_id = :a ORDER BY {order}", {"a": aid})  # noqa: S608
        )
        events = tuple(
            _event_from_row(v)
            for v in self._rows(f"SELECT * FROM events WHERE article_id = :a ORDER BY {order}", {"a": aid})  # noqa: S608
        )
        return Extraction(
            article=article,
            entities=entities,
            quotes=quotes,
            events=events,
            pipeline=PipelineInfo(row["pipeline_version"] or "", row["model"] or ""),
            tone=row["tone"],
            skipped=row["skip_reason"] if row["status"] == "skipped" else None,
        )


# -- helpers ---------------------------------------------------------------------------------


def statements(sql: str) -> list[str]:
    """SQL script to statements; ``sqlite3.complete_statement`` keeps trigger bodies whole."""
    found: list[str] = []
    pending = ""
    for line in sql.splitlines():
        if line.lstrip().startswith("--"):
            continue
        pending += line + "\n"
        if sqlite3.complete_statement(pending):
            found.append(pending.strip().rstrip(";"))
            pending = ""
    if pending.strip():
        found.append(pending.strip())
    return found


def _side(
    article_id: str, event_id: str, side: str, entity: str | None, actor: int | None, name: str | None, code: str | None
) -> Row:
    return {
        "article_id": article_id,
        "event_id": event_id,
        "side": side,
        "entity_id": entity,
        "actor_id": actor,
        "name": name,
        "code": code,
    }


def _quote_params(article_id: str, q: Quote, text: str, actor: int | None) -> Row:
    cue = _span_cols(q.cue, text)
    mention = _span_cols(q.speaker_mention, text)
    return {
        "article_id": article_id,
        "id": q.id,
        "kind": q.kind,
        "content_spans": json.dumps([list(c) for c in q.content]),
        "content_text": " … ".join(c.of(text) for c in q.content),
        "cue_start": cue[0],
        "cue_end": cue[1],
        "cue_text": cue[2],
        "sm_start": mention[0],
        "sm_end": mention[1],
        "sm_text": mention[2],
        "speaker_id": q.speaker,
        "speaker_name": q.speaker_name,
        "actor_id": actor,
    }


def _event_params(article_id: str, v: Event, text: str) -> Row:
    return {
        "article_id": article_id,
        "id": v.id,
        "type": v.type,
        "mode": v.mode,
        "cameo": v.cameo,
        "goldstein": v.goldstein,
        "quad_class": v.quad_class,
        "source_ids": json.dumps(list(v.source)),
        "target_ids": json.dumps(list(v.target)),
        "source_codes": json.dumps(list(v.source_codes)),
        "target_codes": json.dumps(list(v.target_codes)),
        "evidence_start": v.evidence.start,
        "evidence_end": v.evidence.end,
        "evidence_text": v.evidence.of(text),
        "trigger_start": v.trigger.start if v.trigger else None,
        "trigger_end": v.trigger.end if v.trigger else None,
        "when_json": json.dumps(asdict(v.when)) if v.when else None,
        "when_value": v.when.value if v.when else None,
        "where_json": json.dumps(asdict(v.where)) if v.where else None,
        "where_name": v.where.name if v.where else None,
        "where_country": v.where.country if v.where else None,
        "quote_id": v.quote,
    }


def _span_cols(span: Span | None, text: str) -> tuple[Any, Any, Any]:
    return (span.start, span.end, span.of(text)) if span else (None, None, None)


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


def _event_from_row(v: Row) -> Event:
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
