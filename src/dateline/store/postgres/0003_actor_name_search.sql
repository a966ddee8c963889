-- Migration 0003_actor_name_search (PostgreSQL): a trigram index so a part of any name an
-- actor was seen under finds it without scanning every alias. pg_trgm is a trusted
-- extension (the database owner may create it); it lives in schema public so that stores in
-- other schemas of the same database share it and dropping one of them keeps it.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX IF NOT EXISTS actor_aliases_name_trgm ON actor_aliases USING gin (lower(name) public.gin_trgm_ops);
