-- Migration 0007_skip_reason (PostgreSQL): why an article was stored without running the NLP
-- ("not English (fr)"); its status is then 'skipped'. Rows stored unparsed before this
-- migration (a language other than English, no pipeline version) get their status and reason.

ALTER TABLE articles ADD COLUMN skip_reason TEXT;
UPDATE articles SET status = 'skipped', skip_reason = 'not English (' || language || ')'
    WHERE language IS NOT NULL AND language <> 'en' AND coalesce(pipeline_version, '') = '';
