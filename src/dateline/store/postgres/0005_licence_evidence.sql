-- Migration 0005_licence_evidence (PostgreSQL): where each article's licence was read
-- ("notice [start, end]" in the text, or "rel-license: URL" and the like from page markup).

ALTER TABLE articles ADD COLUMN licence_evidence TEXT;
