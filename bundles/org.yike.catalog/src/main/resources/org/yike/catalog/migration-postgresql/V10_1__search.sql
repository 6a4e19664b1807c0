-- PostgreSQL only: the catalog's search in its full text (Derby has none; there Lucene alone searches).
-- Each lesson's segmenter words and character pairs, the tokens of Lucene's index made by the same
-- analysers in Java (PostgresSearch), as tsvectors with GIN indexes. Version 10.1, so the versions both
-- engines share go on from 11. Deleting a lesson's row deletes its words.
CREATE TABLE lesson_search (
  lesson_id VARCHAR(200) NOT NULL PRIMARY KEY REFERENCES lesson (id) ON DELETE CASCADE,
  words TSVECTOR NOT NULL,
  pairs TSVECTOR NOT NULL
);
CREATE INDEX lesson_search_words ON lesson_search USING GIN (words);
CREATE INDEX lesson_search_pairs ON lesson_search USING GIN (pairs);
