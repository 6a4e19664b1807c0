-- The catalog of lessons: what each lesson.json says, flattened for lists and filters.
-- Instants are epoch milliseconds; the date is the school's (its time zone).
CREATE TABLE lesson (
  id VARCHAR(200) NOT NULL PRIMARY KEY,
  folder VARCHAR(4000) NOT NULL,
  metadata_modified BIGINT NOT NULL,
  school VARCHAR(200),
  room VARCHAR(200) NOT NULL,
  teacher VARCHAR(200),
  course VARCHAR(200),
  school_class VARCHAR(200),
  lesson_date DATE NOT NULL,
  period INT,
  title VARCHAR(2000) NOT NULL,
  state VARCHAR(20) NOT NULL,
  started BIGINT,
  ended BIGINT,
  duration_ms BIGINT,
  size_bytes BIGINT NOT NULL,
  is_protected BOOLEAN NOT NULL,
  published BOOLEAN NOT NULL
);
CREATE INDEX lesson_started ON lesson (started);

CREATE TABLE lesson_file (
  lesson_id VARCHAR(200) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
  position INT NOT NULL,
  name VARCHAR(1000) NOT NULL,
  role VARCHAR(40) NOT NULL,
  profile VARCHAR(100),
  source VARCHAR(400),
  size_bytes BIGINT NOT NULL,
  PRIMARY KEY (lesson_id, position)
);

CREATE TABLE chapter (
  lesson_id VARCHAR(200) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
  position INT NOT NULL,
  at_ms BIGINT NOT NULL,
  title VARCHAR(2000) NOT NULL,
  PRIMARY KEY (lesson_id, position)
);

CREATE TABLE lesson_tag (
  lesson_id VARCHAR(200) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
  position INT NOT NULL,
  tag VARCHAR(200) NOT NULL,
  PRIMARY KEY (lesson_id, position)
);
