-- School to district events of org.yike.district.events, in SQL that Derby and PostgreSQL both accept.
-- At a school: the outbox, each event once by its id, relayed in seq order; sent is set after the
-- broker's ack and sent rows are pruned after some days.
CREATE TABLE outbox_event (
  event_id VARCHAR(36) NOT NULL PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  topic VARCHAR(200) NOT NULL,
  school VARCHAR(100) NOT NULL,
  payload VARCHAR(32000) NOT NULL,
  occurred BIGINT NOT NULL,
  sent BIGINT
);
CREATE INDEX outbox_event_unsent ON outbox_event (sent, seq);

-- At the district: the ids of the events applied (one transaction with their effect), every school's
-- events as they came, and each school's lessons as their events tell them.
CREATE TABLE applied_event (
  event_id VARCHAR(36) NOT NULL PRIMARY KEY,
  applied BIGINT NOT NULL
);

CREATE TABLE district_event (
  event_id VARCHAR(36) NOT NULL PRIMARY KEY,
  school VARCHAR(100) NOT NULL,
  topic VARCHAR(200) NOT NULL,
  payload VARCHAR(32000) NOT NULL,
  occurred BIGINT NOT NULL,
  stream_seq BIGINT NOT NULL
);
CREATE INDEX district_event_school ON district_event (school, occurred);

CREATE TABLE district_lesson (
  school VARCHAR(100) NOT NULL,
  lesson_id VARCHAR(200) NOT NULL,
  classroom VARCHAR(200),
  finished BIGINT,
  review_state VARCHAR(40),
  updated BIGINT NOT NULL,
  PRIMARY KEY (school, lesson_id)
);
