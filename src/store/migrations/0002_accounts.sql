-- 0002: accounts, sessions, API tokens and the sign-in audit trail of `mamori serve`
-- (src/store/accounts.h). Only hashes of passwords and tokens are stored.
-- Accounts are disabled, never deleted, so that the audit trail keeps naming them.

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY,
  login          TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(login) BETWEEN 1 AND 128),
  display_name   TEXT NOT NULL,
  person_number  TEXT,  -- people.number; no foreign key, people are re-imported
  role           TEXT NOT NULL CHECK (role IN ('ciso','chief_officer','officer','manager','system_admin','system_staff','staff','auditor')),
  admin          INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0,1)),
  organ          TEXT,
  department     TEXT,
  password_hash  TEXT NOT NULL DEFAULT '',
  totp_secret    TEXT NOT NULL DEFAULT '',
  totp_enrolled  INTEGER NOT NULL DEFAULT 0 CHECK (totp_enrolled IN (0,1)),
  totp_last_step INTEGER NOT NULL DEFAULT 0,
  source         TEXT NOT NULL CHECK (source IN ('local','ldap')),
  disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at     TEXT NOT NULL
) STRICT;

-- Times in Unix seconds: compared on every request.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  mfa_passed   INTEGER NOT NULL CHECK (mfa_passed IN (0,1)),
  csrf_token   TEXT NOT NULL CHECK (length(csrf_token) > 0)
) STRICT;
CREATE INDEX sessions_account ON sessions(account_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_tokens (
  id           INTEGER PRIMARY KEY,
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  token_hash   TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at   TEXT NOT NULL,
  last_used_at TEXT,
  revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0,1))
) STRICT;
CREATE INDEX api_tokens_account ON api_tokens(account_id);

CREATE TABLE auth_events (
  id             INTEGER PRIMARY KEY,
  at             TEXT NOT NULL,
  login          TEXT NOT NULL,
  remote_address TEXT NOT NULL DEFAULT '',
  event          TEXT NOT NULL CHECK (event IN ('sign_in','sign_in_failed','locked','totp_enrolled','totp_failed',
                                                'totp_reset','sign_out','token_issued','token_revoked',
                                                'password_changed','account_created','account_updated',
                                                'account_disabled','account_enabled')),
  detail         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX auth_events_login ON auth_events(login);

CREATE TRIGGER auth_events_no_update BEFORE UPDATE ON auth_events
BEGIN SELECT RAISE(ABORT, 'auth_events is append-only'); END;
CREATE TRIGGER auth_events_no_delete BEFORE DELETE ON auth_events
BEGIN SELECT RAISE(ABORT, 'auth_events is append-only'); END;
