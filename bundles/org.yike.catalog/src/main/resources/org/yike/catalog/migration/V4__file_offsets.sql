-- When each camera's own file begins on the lesson's clock, for players that keep it in step with the
-- program. Lessons catalogued before are read again from their lesson.json at the next start (their
-- metadata no longer "unchanged"), which fills it in.
ALTER TABLE lesson_file ADD COLUMN start_offset_ms BIGINT;
UPDATE lesson SET metadata_modified = 0 WHERE folder IS NOT NULL;
