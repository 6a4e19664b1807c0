-- The lesson contests (优课评选) of org.yike.selection: contests, their entries round by round, the judges of
-- each round, which judge has which entry, and the scores.
CREATE TABLE contest (
  id VARCHAR(100) NOT NULL PRIMARY KEY,
  name VARCHAR(400) NOT NULL,
  rounds VARCHAR(4000) NOT NULL,
  threshold DOUBLE NOT NULL,
  max_score DOUBLE NOT NULL,
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
  score DOUBLE NOT NULL,
  comment VARCHAR(4000),
  scored BIGINT NOT NULL,
  PRIMARY KEY (entry_id, judge)
);
