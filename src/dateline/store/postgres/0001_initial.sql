-- Dateline's PostgreSQL schema (migration 0001_initial): the same tables and columns as the
-- SQLite schema.sql, so one set of queries (store/sqlbase.py) serves both backends.

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    dateline TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    licence TEXT,
    attribution TEXT,
    fetched_from TEXT,
    text TEXT NOT NULL,
    tone DOUBLE PRECISION,
    pipeline_version TEXT,
    model TEXT,
    status TEXT NOT NULL DEFAULT 'extracted',
    stored_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);

CREATE TABLE IF NOT EXISTS article_aliases (
    alias TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS seen_at (
    id BIGSERIAL PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT,
    source TEXT,
    published TEXT,
    fetched_from TEXT,
    UNIQUE (article_id, url, fetched_from)
);

CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    role TEXT,
    actor_code TEXT,
    seq BIGSERIAL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(article_id, entity_id);

CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_spans TEXT NOT NULL,
    content_text TEXT NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    speaker_mention_start INTEGER,
    speaker_mention_end INTEGER,
    speaker_mention_text TEXT,
    speaker_id TEXT,
    speaker_name TEXT,
    seq BIGSERIAL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name);

CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    cameo TEXT,
    goldstein DOUBLE PRECISION,
    quad_class INTEGER,
    source_ids TEXT NOT NULL DEFAULT '[]',
    target_ids TEXT NOT NULL DEFAULT '[]',
    source_codes TEXT NOT NULL DEFAULT '[]',
    target_codes TEXT NOT NULL DEFAULT '[]',
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    when_json TEXT,
    when_value TEXT,
    where_json TEXT,
    where_name TEXT,
    where_country TEXT,
    quote_id TEXT,
    seq BIGSERIAL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
