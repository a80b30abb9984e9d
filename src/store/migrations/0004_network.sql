-- The network model (issue 4): segments, gateways, external connections and
-- flow rules, kept like every other part of the register (change history,
-- import, export). Lists are JSON arrays, as elsewhere.

CREATE TABLE segments (
  number     TEXT PRIMARY KEY CHECK (length(number) > 0),
  name       TEXT NOT NULL,
  tier       TEXT CHECK (tier IN ('my_number','lgwan','internet','none')),
  addresses  TEXT CHECK (addresses IS NULL OR json_valid(addresses)),
  zones      TEXT CHECK (zones IS NULL OR json_valid(zones)),
  department TEXT,
  place      TEXT,
  notes      TEXT
) STRICT;

CREATE TABLE gateways (
  number     TEXT PRIMARY KEY CHECK (length(number) > 0),
  name       TEXT NOT NULL,
  kind       TEXT CHECK (kind IN ('sanitization','security_cloud','proxy','dedicated_line','firewall','other')),
  directions TEXT CHECK (directions IS NULL OR json_valid(directions)),
  methods    TEXT CHECK (methods IS NULL OR json_valid(methods)),
  addresses  TEXT CHECK (addresses IS NULL OR json_valid(addresses)),
  segment    TEXT,
  department TEXT,
  notes      TEXT
) STRICT;

CREATE TABLE connections (
  number     TEXT PRIMARY KEY CHECK (length(number) > 0),
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  addresses  TEXT CHECK (addresses IS NULL OR json_valid(addresses)),
  via        TEXT,
  department TEXT,
  notes      TEXT
) STRICT;

CREATE TABLE flows (
  number       TEXT PRIMARY KEY CHECK (length(number) > 0),
  name         TEXT,
  device       TEXT,
  sequence     INTEGER,
  action       TEXT CHECK (action IN ('allow','deny')),
  sources      TEXT CHECK (sources IS NULL OR json_valid(sources)),
  destinations TEXT CHECK (destinations IS NULL OR json_valid(destinations)),
  protocol     TEXT,
  ports        TEXT,
  via          TEXT CHECK (via IS NULL OR json_valid(via)),
  department   TEXT,
  notes        TEXT
) STRICT;

-- Alerts of the traffic monitor: one row per (rule, endpoints) and window,
-- its count kept up to date while the window is open.
CREATE TABLE net_alerts (
  id          INTEGER PRIMARY KEY,
  first_seen  TEXT NOT NULL,
  last_seen   TEXT NOT NULL,
  rule        TEXT NOT NULL,
  severity    TEXT NOT NULL,
  clause      TEXT,
  src_ip      TEXT NOT NULL,
  src_port    INTEGER,
  dst_ip      TEXT NOT NULL,
  dst_port    INTEGER,
  protocol    INTEGER,
  src_segment TEXT,
  dst_segment TEXT,
  src_tier    TEXT,
  dst_tier    TEXT,
  action      TEXT,
  device      TEXT,
  input       TEXT,
  count       INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
  message     TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','acknowledged','incident','dismissed'))
) STRICT;
CREATE INDEX net_alerts_last_seen ON net_alerts(last_seen);
CREATE INDEX net_alerts_rule ON net_alerts(rule, last_seen);
