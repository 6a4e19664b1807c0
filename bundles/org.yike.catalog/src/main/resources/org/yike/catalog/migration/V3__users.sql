-- The people who use the runtime (bundle org.yike.access). Passwords, session ids and API tokens are
-- kept only as hashes: bcrypt for passwords, SHA-256 for the random session ids and tokens.
-- Instants are epoch milliseconds.
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
