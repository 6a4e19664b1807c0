-- Lesson analysis of org.yike.analysis.lesson: one row per analysed lesson, the analysis whole as JSON (as in the
-- lesson's analysis.json) and its S-T figures on their own for sums per teacher and term (null without samples).
CREATE TABLE lesson_analysis (
  lesson_id VARCHAR(200) NOT NULL PRIMARY KEY,
  analysed BIGINT NOT NULL,
  rt DOUBLE,
  ch DOUBLE,
  lesson_type VARCHAR(20),
  analysis VARCHAR(32672) NOT NULL
);
