-- Migration 0003_actor_name_search (SQLite): find actors by any part of any name they were
-- seen under ("qalandari" in "Second Brigadier General Hamzeh Qalandari") through a trigram
-- index, so `quotes --speaker X` does not scan every alias.

CREATE VIRTUAL TABLE IF NOT EXISTS actor_names_fts USING fts5(
    name, content='actor_aliases', content_rowid='rowid', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS actor_names_fts_insert AFTER INSERT ON actor_aliases BEGIN
    INSERT INTO actor_names_fts (rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER IF NOT EXISTS actor_names_fts_delete AFTER DELETE ON actor_aliases BEGIN
    INSERT INTO actor_names_fts (actor_names_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
INSERT INTO actor_names_fts (actor_names_fts) VALUES ('rebuild');
