-- Initial schema (docs/architecture.md §4). Every write happens in a transaction; see db/migrate.ts.

CREATE TABLE patients (
  id                  TEXT PRIMARY KEY,
  code                TEXT NOT NULL UNIQUE,          -- facility patient code (XML1 MA_BN)
  id_number           TEXT UNIQUE,                   -- 12-digit personal ID, natural key when present
  old_id_number       TEXT,
  bhyt_card_number    TEXT,
  full_name           TEXT NOT NULL,
  name_folded         TEXT NOT NULL,                 -- lower case, no diacritics, đ→d: for search
  date_of_birth       TEXT NOT NULL,                 -- YYYY-MM-DD | YYYY-MM | YYYY
  sex                 TEXT NOT NULL CHECK (sex IN ('male', 'female', 'other')),
  address_text        TEXT NOT NULL DEFAULT '',
  form_json           TEXT NOT NULL,                 -- the full PatientForm as last saved
  guardian_patient_id TEXT REFERENCES patients(id),
  guardian_relation   TEXT CHECK (guardian_relation IN ('mother', 'father', 'guardian')),
  merged_into         TEXT REFERENCES patients(id),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX patients_old_id ON patients(old_id_number) WHERE old_id_number IS NOT NULL;
CREATE INDEX patients_bhyt ON patients(bhyt_card_number) WHERE bhyt_card_number IS NOT NULL;
CREATE INDEX patients_guardian ON patients(guardian_patient_id) WHERE guardian_patient_id IS NOT NULL;
CREATE INDEX patients_name_dob ON patients(name_folded, date_of_birth);

-- Word-prefix search over folded names ("nguyen van a" finds "Nguyễn Văn A").
CREATE VIRTUAL TABLE patients_fts USING fts5(name_folded, content='patients', content_rowid='rowid', prefix='1 2 3');
CREATE TRIGGER patients_fts_ai AFTER INSERT ON patients BEGIN
  INSERT INTO patients_fts(rowid, name_folded) VALUES (new.rowid, new.name_folded);
END;
CREATE TRIGGER patients_fts_ad AFTER DELETE ON patients BEGIN
  INSERT INTO patients_fts(patients_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
END;
CREATE TRIGGER patients_fts_au AFTER UPDATE OF name_folded ON patients BEGIN
  INSERT INTO patients_fts(patients_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
  INSERT INTO patients_fts(rowid, name_folded) VALUES (new.rowid, new.name_folded);
END;

-- Every change to a patient keeps what was there before.
CREATE TABLE patient_history (
  id          INTEGER PRIMARY KEY,
  patient_id  TEXT NOT NULL REFERENCES patients(id),
  changed_at  TEXT NOT NULL,
  before_json TEXT NOT NULL,
  changes_json TEXT NOT NULL,
  reason      TEXT NOT NULL
);
CREATE INDEX patient_history_patient ON patient_history(patient_id);

-- Every card/QR/manual read: the evidence behind "verified by chip".
CREATE TABLE identity_reads (
  id                TEXT PRIMARY KEY,
  patient_id        TEXT REFERENCES patients(id),
  source            TEXT NOT NULL CHECK (source IN ('chip', 'qr', 'manual')),
  identity_json     TEXT NOT NULL,
  verification_json TEXT,                            -- passive authentication result (chip)
  fields_json       TEXT NOT NULL DEFAULT '[]',      -- which fields the read supplied
  reader_name       TEXT,
  read_by           TEXT,
  read_at           TEXT NOT NULL
);
CREATE INDEX identity_reads_patient ON identity_reads(patient_id);

CREATE TABLE visits (
  id           TEXT PRIMARY KEY,
  patient_id   TEXT NOT NULL REFERENCES patients(id),
  service_type TEXT NOT NULL CHECK (service_type IN
    ('antenatal', 'delivery', 'postnatal', 'child_checkup', 'immunisation', 'family_planning', 'other')),
  department   TEXT,
  reason       TEXT,
  visited_at   TEXT NOT NULL,
  created_at   TEXT NOT NULL
);
CREATE INDEX visits_patient ON visits(patient_id);
CREATE INDEX visits_visited_at ON visits(visited_at);

-- One row per (visit, target): the unit of submission (docs/architecture.md §5).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  visit_id        TEXT NOT NULL REFERENCES visits(id),
  target          TEXT NOT NULL CHECK (target IN ('his', 'emch')),
  payload_json    TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_at      TEXT,
  last_error_code TEXT,
  last_error      TEXT,
  receipt         TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (visit_id, target)
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,                         -- read | view | create | update | merge | export | submit
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  detail_json TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE catalogs (
  kind           TEXT NOT NULL,                      -- admin_unit | ethnicity | nationality | occupation
  list_version   TEXT NOT NULL,
  code           TEXT NOT NULL,
  name           TEXT NOT NULL,
  parent_code    TEXT,
  effective_from TEXT,
  effective_to   TEXT,
  data_json      TEXT,
  PRIMARY KEY (kind, list_version, code)
);

CREATE TABLE users (
  id           TEXT PRIMARY KEY,
  username     TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role         TEXT NOT NULL DEFAULT 'clerk',
  created_at   TEXT NOT NULL
);

CREATE TABLE sequences (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
