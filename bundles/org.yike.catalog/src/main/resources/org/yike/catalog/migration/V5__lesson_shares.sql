-- The users (login names) a lesson is shared with beyond its teacher, as its lesson.json's "catalog"
-- object lists them.
CREATE TABLE lesson_share (
  lesson_id VARCHAR(200) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
  position INT NOT NULL,
  user_name VARCHAR(200) NOT NULL,
  PRIMARY KEY (lesson_id, position)
);
