-- Migration 0002_actors_search (PostgreSQL): the same actors, event sides and views as the
-- SQLite migration; full text through stored tsvector columns with GIN indexes.

CREATE TABLE IF NOT EXISTS actors (
    id BIGSERIAL PRIMARY KEY,
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

CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id BIGINT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (actor_id, name)
);

ALTER TABLE entities ADD COLUMN actor_id BIGINT REFERENCES actors(id);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor_id);
ALTER TABLE quotes ADD COLUMN actor_id BIGINT REFERENCES actors(id);
CREATE INDEX IF NOT EXISTS quotes_actor ON quotes(actor_id);

CREATE TABLE IF NOT EXISTS event_actors (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('source', 'target')),
    entity_id TEXT,
    actor_id BIGINT REFERENCES actors(id),
    name TEXT,
    code TEXT,
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(article_id, event_id);
CREATE INDEX IF NOT EXISTS event_actors_code ON event_actors(code);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);

ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN (search);
ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', content_text)) STORED;
CREATE INDEX IF NOT EXISTS quotes_search ON quotes USING GIN (search);

CREATE OR REPLACE VIEW quotes_with_speakers AS
SELECT q.article_id, q.id AS quote_id, q.kind, q.content_text, q.cue_text, q.speaker_name,
       q.speaker_mention_text, e.role AS speaker_role, q.actor_id, ac.name AS actor_name,
       ac.actor_code, a.title, a.source, a.published, a.url, a.licence, a.attribution
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.article_id = q.article_id AND e.id = q.speaker_id
LEFT JOIN actors ac ON ac.id = q.actor_id;

CREATE OR REPLACE VIEW events_with_actors AS
SELECT v.article_id, v.id AS event_id, v.type, v.mode, v.cameo, v.goldstein, v.quad_class,
       (SELECT string_agg(coalesce(x.name, x.code), '; ') FROM event_actors x
         WHERE x.article_id = v.article_id AND x.event_id = v.id AND x.side = 'source') AS sources,
       (SELECT string_agg(coalesce(x.name, x.code), '; ') FROM event_actors x
         WHERE x.article_id = v.article_id AND x.event_id = v.id AND x.side = 'target') AS targets,
       v.when_value, v.where_name, v.where_country, v.evidence_text, v.quote_id,
       a.title, a.source, a.published, a.url, a.licence
FROM events v
JOIN articles a ON a.id = v.article_id;
