-- Migration 0002_actors_search (SQLite): actors across articles, who is on each side of an
-- event, full-text search (FTS5) over article text and quote content, and browsing views.

-- One row per real-world actor across articles; entities point here (actors.key is the
-- kind plus the title-stripped, folded name, see store/actors.py). Counters are kept on
-- write so "who is quoted most" is an index scan, not an aggregate over every quote.
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT,
    actor_code TEXT,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen TEXT
);
CREATE INDEX IF NOT EXISTS actors_n_quotes ON actors(n_quotes DESC);
CREATE INDEX IF NOT EXISTS actors_name ON actors(name COLLATE NOCASE);

-- Every name an actor was seen under ("General Qalandari", "Hamzeh Qalandari").
CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (actor_id, name)
);

ALTER TABLE entities ADD COLUMN actor_id INTEGER REFERENCES actors(id);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor_id);
ALTER TABLE quotes ADD COLUMN actor_id INTEGER REFERENCES actors(id);
CREATE INDEX IF NOT EXISTS quotes_actor ON quotes(actor_id);

-- Sides of each event, one row per entity or bare actor code.
CREATE TABLE IF NOT EXISTS event_actors (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('source', 'target')),
    entity_id TEXT,
    actor_id INTEGER REFERENCES actors(id),
    name TEXT,
    code TEXT,
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(article_id, event_id);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);

-- Full text: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(content_text, content='quotes', content_rowid='rowid');

CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, content_text) VALUES (new.rowid, new.content_text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, content_text) VALUES ('delete', old.rowid, old.content_text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');

-- Views for browsing (Datasette lists them beside the tables).
CREATE VIEW IF NOT EXISTS quotes_with_speakers AS
SELECT q.article_id, q.id AS quote_id, q.kind, q.content_text, q.cue_text, q.speaker_name,
       q.speaker_mention_text, e.role AS speaker_role, q.actor_id, ac.name AS actor_name,
       ac.actor_code, a.title, a.source, a.published, a.url, a.licence, a.attribution
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker_id
LEFT JOIN actors ac ON ac.id = q.actor_id;

CREATE VIEW IF NOT EXISTS events_with_actors AS
SELECT v.article_id, v.id AS event_id, v.type, v.mode, v.cameo, v.goldstein, v.quad_class,
       (SELECT group_concat(coalesce(x.name, x.code), '; ') FROM event_actors x
         WHERE x.article_id = v.article_id AND x.event_id = v.id AND x.side = 'source') AS sources,
       (SELECT group_concat(coalesce(x.name, x.code), '; ') FROM event_actors x
         WHERE x.article_id = v.article_id AND x.event_id = v.id AND x.side = 'target') AS targets,
       v.when_value, v.where_name, v.where_country, v.evidence_text, v.quote_id,
       a.title, a.source, a.published, a.url, a.licence
FROM events v
JOIN articles a ON a.id = v.article_id;
