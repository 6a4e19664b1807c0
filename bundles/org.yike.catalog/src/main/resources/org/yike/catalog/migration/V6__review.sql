-- Where each lesson stands in the publishing review, as its lesson.json's "catalog" object says, and the
-- requests made while a lesson was still recording (its lesson.json is the recorder's until it ends).
ALTER TABLE lesson ADD COLUMN review_state VARCHAR(20) NOT NULL DEFAULT 'PRIVATE';
ALTER TABLE lesson ADD COLUMN review_reason VARCHAR(2000);
ALTER TABLE lesson ADD COLUMN review_by VARCHAR(200);
ALTER TABLE lesson ADD COLUMN review_at BIGINT;
CREATE TABLE review_request (
  lesson_id VARCHAR(200) NOT NULL PRIMARY KEY,
  requested_by VARCHAR(200) NOT NULL,
  requested_at BIGINT NOT NULL
);
