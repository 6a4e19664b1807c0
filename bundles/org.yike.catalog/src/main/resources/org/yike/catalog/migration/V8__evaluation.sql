-- Evaluating lessons (评课) of org.yike.evaluation: rubrics by version (their indicators as JSON), and each
-- evaluation with the lesson's facts it was started on, its scores and its notes on the lesson's timeline.
CREATE TABLE rubric (
  id VARCHAR(100) NOT NULL,
  version INT NOT NULL,
  name VARCHAR(400) NOT NULL,
  indicators VARCHAR(32000) NOT NULL,
  created BIGINT NOT NULL,
  PRIMARY KEY (id, version)
);

CREATE TABLE evaluation (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  lesson_id VARCHAR(200) NOT NULL,
  rubric_id VARCHAR(100) NOT NULL,
  rubric_version INT NOT NULL,
  evaluator VARCHAR(200) NOT NULL,
  teacher VARCHAR(200),
  course VARCHAR(200),
  school_class VARCHAR(200),
  lesson_date DATE NOT NULL,
  started BIGINT NOT NULL,
  submitted BIGINT,
  total DOUBLE,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubric (id, version),
  UNIQUE (lesson_id, rubric_id, rubric_version, evaluator)
);

CREATE TABLE evaluation_score (
  evaluation_id VARCHAR(100) NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
  indicator_id VARCHAR(100) NOT NULL,
  score DOUBLE NOT NULL,
  PRIMARY KEY (evaluation_id, indicator_id)
);

CREATE TABLE evaluation_note (
  evaluation_id VARCHAR(100) NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
  position INT NOT NULL,
  at_ms BIGINT NOT NULL,
  note_text VARCHAR(4000) NOT NULL,
  PRIMARY KEY (evaluation_id, position)
);
