-- Named accounts, a hash-chained access log and consent per visit (docs/adr/0020-accounts-roles-audit.md).

-- The users table of 001 had no credentials. Staff CCCD is needed by the insurance gateway (who looked it up).
ALTER TABLE users ADD COLUMN staff_id_number TEXT;
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled'));
ALTER TABLE users ADD COLUMN password_hash TEXT;                  -- scrypt$N$r$p$salt$hash
ALTER TABLE users ADD COLUMN pin_hash TEXT;                       -- same format; unlocks the idle lock only
ALTER TABLE users ADD COLUMN last_login_at TEXT;
ALTER TABLE users ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN disabled_reason TEXT;

-- Each row holds the hash of the one before: an edited or deleted row breaks the chain (`reception audit verify`).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE INDEX audit_log_actor ON audit_log(actor, at);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

-- Rows written before this migration have no hash: `audit verify` reports them as the unchained prefix.

-- The patient's agreement before the chip is read (Luật Căn cước 2023 Điều 22), and each purpose with its basis.
CREATE TABLE consents (
  id             TEXT PRIMARY KEY,
  patient_id     TEXT REFERENCES patients(id),
  visit_id       TEXT REFERENCES visits(id),
  read_id        TEXT,                                -- identity_reads.id once the chip was read
  purpose        TEXT NOT NULL,                       -- chip_read | care | his | emch | sms_reminder
  legal_basis    TEXT NOT NULL,                       -- consent | law_medical_examination | mch_programme | opt_in
  notice_version TEXT NOT NULL,
  given          INTEGER NOT NULL CHECK (given IN (0, 1)),
  recorded_by    TEXT NOT NULL,
  recorded_at    TEXT NOT NULL
);
CREATE INDEX consents_patient ON consents(patient_id);
CREATE INDEX consents_visit ON consents(visit_id);

-- Audit rows older than the retention period are rolled into a signed summary, never silently dropped: the
-- summary keeps their count, span and the hash of the last one, so the chain still verifies from there.
CREATE TABLE audit_summaries (
  id         INTEGER PRIMARY KEY,
  from_id    INTEGER NOT NULL,
  to_id      INTEGER NOT NULL,
  from_at    TEXT NOT NULL,
  to_at      TEXT NOT NULL,
  rows       INTEGER NOT NULL,
  counts_json TEXT NOT NULL,                          -- rows per action
  last_hash  TEXT NOT NULL,
  signature  TEXT NOT NULL,                           -- HMAC-SHA256 with a key derived from the database key
  created_at TEXT NOT NULL
);

-- A data subject's restriction (NĐ 356 Đ5): the record is kept but not processed further (not sent, not listed).
ALTER TABLE patients ADD COLUMN restricted_at TEXT;
