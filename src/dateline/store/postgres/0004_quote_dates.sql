-- Migration 0004_quote_dates (PostgreSQL): each quote and event carries its article's publication
-- date, so "newest first" pages sort quote rows alone instead of joining every match to its
-- article first. Set on insert by the store; back-filled here.

ALTER TABLE quotes ADD COLUMN published TEXT;
ALTER TABLE events ADD COLUMN published TEXT;
UPDATE quotes SET published = (SELECT a.published FROM articles a WHERE a.id = quotes.article_id);
UPDATE events SET published = (SELECT a.published FROM articles a WHERE a.id = events.article_id);
CREATE INDEX IF NOT EXISTS quotes_actor_published ON quotes(actor_id, published);
CREATE INDEX IF NOT EXISTS quotes_published ON quotes(published);
CREATE INDEX IF NOT EXISTS events_published ON events(published);
