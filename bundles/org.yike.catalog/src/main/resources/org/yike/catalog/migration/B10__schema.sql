-- The schema of V1 to V10 in one script, in SQL that Derby and PostgreSQL both accept: a new database,
-- of either, starts here (a Flyway baseline migration) and skips V1 to V10. Those stay as they were
-- applied, Derby-only (V2's ALTER COLUMN ... NULL, DOUBLE), for the databases made before this file:
-- Flyway checks the checksums of what it applied. MigrationsTest proves that this script and V1 to V10
-- make the same tables on Derby. Later versions (V11 on) are written once for both.
-- Instants are epoch milliseconds; dates are the school's (its time zone).

-- The catalog of lessons: what each lesson.json says, flattened for lists and filters. Lessons still to
-- be recorded come from the timetable: they have no folder.
CREATE TABLE lesson (
  id VARCHAR(200) NOT NULL PRIMARY KEY,
  folder VARCHAR(4000),
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
  published BOOLEAN NOT NULL,
  -- where the lesson stands in the publishing review, as its lesson.json's "catalog" object says
  review_state VARCHAR(20) NOT NULL DEFAULT 'PRIVATE',
  review_reason VARCHAR(2000),
  review_by VARCHAR(200),
  review_at BIGINT
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
  -- when the camera's own file begins on the lesson's clock
  start_offset_ms BIGINT,
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

-- the users (login names) a lesson is shared with beyond its teacher
CREATE TABLE lesson_share (
  lesson_id VARCHAR(200) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
  position INT NOT NULL,
  user_name VARCHAR(200) NOT NULL,
  PRIMARY KEY (lesson_id, position)
);

-- requests for review made while a lesson was still recording
CREATE TABLE review_request (
  lesson_id VARCHAR(200) NOT NULL PRIMARY KEY,
  requested_by VARCHAR(200) NOT NULL,
  requested_at BIGINT NOT NULL
);

-- Views of lessons: each a player that played at least 10 s, counted once by its own id. Not tied to the
-- lesson's row, which a rebuild makes again; deleting the lesson deletes its views.
CREATE TABLE lesson_view (
  view_id VARCHAR(100) NOT NULL PRIMARY KEY,
  lesson_id VARCHAR(200) NOT NULL,
  viewer VARCHAR(200),
  viewed_at BIGINT NOT NULL
);
CREATE INDEX lesson_view_lesson ON lesson_view (lesson_id);

-- The people who use the runtime (bundle org.yike.access). Passwords, session ids and API tokens are
-- kept only as hashes: bcrypt for passwords, SHA-256 for the random session ids and tokens.
CREATE TABLE yike_user (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  display_name VARCHAR(128) NOT NULL,
  role VARCHAR(32) NOT NULL,
  scope VARCHAR(128) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  failed_logins INT NOT NULL DEFAULT 0,
  locked_until BIGINT,
  created BIGINT NOT NULL
);

CREATE TABLE user_session (
  id_hash CHAR(64) NOT NULL PRIMARY KEY,
  user_name VARCHAR(64) NOT NULL REFERENCES yike_user (name) ON DELETE CASCADE,
  csrf_token VARCHAR(64) NOT NULL,
  created BIGINT NOT NULL,
  expires BIGINT NOT NULL
);
CREATE INDEX user_session_expires ON user_session (expires);

CREATE TABLE api_token (
  id VARCHAR(16) NOT NULL PRIMARY KEY,
  token_hash CHAR(64) NOT NULL UNIQUE,
  user_name VARCHAR(64) NOT NULL REFERENCES yike_user (name) ON DELETE CASCADE,
  label VARCHAR(128) NOT NULL,
  created BIGINT NOT NULL,
  last_used BIGINT
);

CREATE TABLE audit_entry (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  made_at BIGINT NOT NULL,
  user_name VARCHAR(64),
  address VARCHAR(64),
  action VARCHAR(200) NOT NULL,
  subject VARCHAR(1000),
  result VARCHAR(200)
);

-- The lesson contests (优课评选) of org.yike.selection: contests, their entries round by round, the judges of
-- each round, which judge has which entry, and the scores.
CREATE TABLE contest (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  name VARCHAR(400) NOT NULL,
  rounds VARCHAR(4000) NOT NULL,
  threshold DOUBLE PRECISION NOT NULL,
  max_score DOUBLE PRECISION NOT NULL,
  current_round INT NOT NULL,
  closed BOOLEAN NOT NULL,
  created BIGINT NOT NULL,
  created_by VARCHAR(200) NOT NULL
);

CREATE TABLE contest_entry (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  contest_id VARCHAR(100) NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
  round INT NOT NULL,
  lesson_id VARCHAR(200) NOT NULL,
  school VARCHAR(200),
  teacher VARCHAR(200),
  title VARCHAR(2000) NOT NULL,
  course VARCHAR(200),
  school_class VARCHAR(200),
  nominated BIGINT NOT NULL,
  position INT NOT NULL,
  UNIQUE (contest_id, round, lesson_id)
);

-- the judges a round's entries are assigned from, third judges included
CREATE TABLE contest_judge (
  contest_id VARCHAR(100) NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
  round INT NOT NULL,
  judge VARCHAR(200) NOT NULL,
  school VARCHAR(200),
  PRIMARY KEY (contest_id, round, judge)
);

CREATE TABLE contest_assignment (
  entry_id VARCHAR(100) NOT NULL REFERENCES contest_entry (id) ON DELETE CASCADE,
  judge VARCHAR(200) NOT NULL,
  third BOOLEAN NOT NULL,
  position INT NOT NULL,
  PRIMARY KEY (entry_id, judge)
);

CREATE TABLE contest_score (
  entry_id VARCHAR(100) NOT NULL REFERENCES contest_entry (id) ON DELETE CASCADE,
  judge VARCHAR(200) NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  comment VARCHAR(4000),
  scored BIGINT NOT NULL,
  PRIMARY KEY (entry_id, judge)
);

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
  total DOUBLE PRECISION,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubric (id, version),
  UNIQUE (lesson_id, rubric_id, rubric_version, evaluator)
);

CREATE TABLE evaluation_score (
  evaluation_id VARCHAR(100) NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
  indicator_id VARCHAR(100) NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (evaluation_id, indicator_id)
);

CREATE TABLE evaluation_note (
  evaluation_id VARCHAR(100) NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
  position INT NOT NULL,
  at_ms BIGINT NOT NULL,
  note_text VARCHAR(4000) NOT NULL,
  PRIMARY KEY (evaluation_id, position)
);

-- Lesson analysis of org.yike.analysis.lesson: one row per analysed lesson, the analysis whole as JSON (as in the
-- lesson's analysis.json) and its S-T figures on their own for sums per teacher and term (null without samples).
CREATE TABLE lesson_analysis (
  lesson_id VARCHAR(200) NOT NULL PRIMARY KEY,
  analysed BIGINT NOT NULL,
  rt DOUBLE PRECISION,
  ch DOUBLE PRECISION,
  lesson_type VARCHAR(20),
  analysis VARCHAR(32672) NOT NULL
);
