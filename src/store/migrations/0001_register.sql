-- 0001: the register (情報資産管理台帳 and what surrounds it) and the change history.
-- Column names and order follow src/register/schema.cpp; store_test checks that they agree.
-- Enum columns hold the keys of the register's enums; lists are JSON arrays of numbers.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE organs (
  code TEXT PRIMARY KEY CHECK (length(code) > 0),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  code  TEXT PRIMARY KEY CHECK (length(code) > 0),
  name  TEXT NOT NULL,
  organ TEXT NOT NULL REFERENCES organs(code) ON UPDATE CASCADE ON DELETE RESTRICT
) STRICT;
CREATE INDEX departments_organ ON departments(organ);

CREATE TABLE people (
  number     TEXT PRIMARY KEY CHECK (length(number) > 0),
  name       TEXT NOT NULL,
  department TEXT,
  role       TEXT CHECK (role IN ('ciso','chief_officer','officer','manager','system_admin','system_staff','staff','auditor')),
  employment TEXT CHECK (employment IN ('regular','reappointed','fiscal_year','temporary','part_time','contractor','councillor','audit_commissioner')),
  duties     TEXT CHECK (duties IS NULL OR json_valid(duties)),
  email      TEXT,
  notes      TEXT
) STRICT;

CREATE TABLE assets (
  number                 TEXT PRIMARY KEY CHECK (length(number) > 0),
  name                   TEXT NOT NULL,
  kind                   TEXT,
  department             TEXT,
  manager                TEXT,
  tier                   TEXT CHECK (tier IN ('my_number','lgwan','internet','none')),
  confidentiality        TEXT,
  integrity              TEXT,
  availability           TEXT,
  personal_data          INTEGER CHECK (personal_data IN (0,1)),
  specific_personal_data INTEGER CHECK (specific_personal_data IN (0,1)),
  form                   TEXT CHECK (form IN ('electronic','printed','paper','both')),
  storage_place          TEXT,
  locked_storage         INTEGER CHECK (locked_storage IN (0,1)),
  backup                 INTEGER CHECK (backup IN (0,1)),
  recovery_target_hours  INTEGER CHECK (recovery_target_hours >= 0),
  retention              TEXT,
  notes                  TEXT
) STRICT;

CREATE TABLE systems (
  number            TEXT PRIMARY KEY CHECK (length(number) > 0),
  name              TEXT NOT NULL,
  category          TEXT,
  tier              TEXT CHECK (tier IN ('my_number','lgwan','internet','none')),
  department        TEXT,
  administrator     TEXT,
  handles_my_number INTEGER CHECK (handles_my_number IN (0,1)),
  assets            TEXT CHECK (assets IS NULL OR json_valid(assets)),
  users             TEXT CHECK (users IS NULL OR json_valid(users)),
  hosting           TEXT,
  notes             TEXT
) STRICT;

CREATE TABLE terminals (
  number          TEXT PRIMARY KEY CHECK (length(number) > 0),
  name            TEXT,
  tier            TEXT CHECK (tier IN ('my_number','lgwan','internet','none')),
  department      TEXT,
  place           TEXT,
  mfa             INTEGER CHECK (mfa IN (0,1)),
  takeout_blocked INTEGER CHECK (takeout_blocked IN (0,1)),
  users           TEXT CHECK (users IS NULL OR json_valid(users)),
  notes           TEXT
) STRICT;

CREATE TABLE inspections (
  number       TEXT PRIMARY KEY CHECK (length(number) > 0),
  kind         TEXT NOT NULL,
  date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  target       TEXT,
  performed_by TEXT,
  result       TEXT,
  notes        TEXT
) STRICT;

-- Append-only: who changed what, when, and the record before and after (JSON).
CREATE TABLE change_history (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL CHECK (length(actor) > 0),
  action TEXT NOT NULL CHECK (action IN ('create','update','delete')),
  entity TEXT NOT NULL,
  number TEXT NOT NULL,
  before TEXT,  -- JSON object, written only by the register service
  after  TEXT,
  batch  TEXT,
  note   TEXT
) STRICT;
CREATE INDEX change_history_subject ON change_history(entity, number);

CREATE TRIGGER change_history_no_update BEFORE UPDATE ON change_history
BEGIN SELECT RAISE(ABORT, 'change_history is append-only'); END;
CREATE TRIGGER change_history_no_delete BEFORE DELETE ON change_history
BEGIN SELECT RAISE(ABORT, 'change_history is append-only'); END;
