-- The mail quarantine (隔離, issue 5): one row per original, content-addressed
-- by its SHA-256; the original itself is a file <dir>/<sha256[0:2]>/<sha256>.eml
-- beside the database (store/quarantine.h). A row stays when its original is
-- deleted (status 'deleted'), so the record of what arrived and who released
-- or deleted it (change_history, entity 'quarantine') keeps its subject.
-- Enumerations are OR chains, not IN lists (see 0005).

CREATE TABLE quarantine (
  sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  id            TEXT NOT NULL UNIQUE CHECK (length(id) = 12),
  received_at   TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  source        TEXT NOT NULL,
  envelope_from TEXT,
  envelope_to   TEXT CHECK (envelope_to IS NULL OR json_valid(envelope_to)),
  header_from   TEXT,
  header_to     TEXT,
  header_cc     TEXT,
  subject       TEXT,
  header_date   TEXT,
  message_id    TEXT,
  size          INTEGER NOT NULL CHECK (size >= 0),
  attachments   INTEGER NOT NULL DEFAULT 0 CHECK (attachments >= 0),
  attachments_json TEXT CHECK (attachments_json IS NULL OR json_valid(attachments_json)),
  hold_reasons  TEXT,
  actions       TEXT,
  status        TEXT NOT NULL DEFAULT 'stored'
                CHECK (status = 'held' OR status = 'stored' OR status = 'released' OR status = 'deleted'),
  released_to   TEXT,
  released_by   TEXT,
  released_at   TEXT
) STRICT;
CREATE INDEX quarantine_received ON quarantine(received_at);
CREATE INDEX quarantine_status ON quarantine(status, received_at);
CREATE INDEX quarantine_expires ON quarantine(expires_at);
