-- Views of lessons: each a player that played at least 10 s, counted once by its own id. Not tied to the
-- lesson's row, which a rebuild makes again; deleting the lesson deletes its views.
CREATE TABLE lesson_view (
  view_id VARCHAR(100) NOT NULL PRIMARY KEY,
  lesson_id VARCHAR(200) NOT NULL,
  viewer VARCHAR(200),
  viewed_at BIGINT NOT NULL
);
CREATE INDEX lesson_view_lesson ON lesson_view (lesson_id);
