-- Migration 0006_near_duplicates (SQLite): the near-duplicate index, kept with the articles so
-- a syndicated copy that arrives in a later run is recognised (ingest/dedup.py).
-- One row per stored article (signature NULL when its text is too short to judge, so it is
-- not fingerprinted again), and one row per LSH band key. Articles stored before this
-- migration are fingerprinted lazily, by the next ingest (SqlStore.index_unfingerprinted).

CREATE TABLE IF NOT EXISTS fingerprints (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BLOB,                              -- 128 little-endian uint32 MinHash values
    head TEXT NOT NULL DEFAULT ''                -- the opening words, for the lead check
);

CREATE TABLE IF NOT EXISTS fingerprint_bands (
    band_key INTEGER NOT NULL,                   -- 64-bit hash of (band number, band values)
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
);
CREATE INDEX IF NOT EXISTS fingerprint_bands_article ON fingerprint_bands(article_id);
