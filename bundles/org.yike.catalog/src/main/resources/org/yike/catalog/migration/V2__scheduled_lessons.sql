-- Lessons still to be recorded come from the timetable, not from a lesson.json: they have no folder.
ALTER TABLE lesson ALTER COLUMN folder NULL;
