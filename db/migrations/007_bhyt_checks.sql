-- BHYT card checks through the BHXH gateway (docs/desk-duties.md §1): every check is kept with its full answer and
-- time as the visit's evidence; a check the gateway could not answer is 'unverified' with the outage recorded, and
-- is re-run later (recheck_after) until it has an answer.
CREATE TABLE bhyt_checks (
  id            INTEGER PRIMARY KEY,
  visit_id      TEXT REFERENCES visits(id),
  patient_id    TEXT REFERENCES patients(id),
  card_key      TEXT NOT NULL,                     -- what was asked: ID number, BHXH number or card code
  full_name     TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('verified', 'refused', 'unverified')),
  result_code   TEXT,                              -- maKetQua, null when the gateway did not answer
  result_json   TEXT,                              -- the interpreted result (BhytCheckResult)
  raw_json      TEXT,                              -- the gateway's answer as sent
  outage_json   TEXT,                              -- {at, code, why} when unverified
  clerk_name    TEXT NOT NULL,
  clerk_id      TEXT NOT NULL,
  checked_at    TEXT NOT NULL,
  recheck_after TEXT,                              -- when unverified: the earliest next attempt
  superseded_by INTEGER REFERENCES bhyt_checks(id) -- a later check of the same visit replaces this one
);
CREATE INDEX bhyt_checks_visit ON bhyt_checks(visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX bhyt_checks_pending ON bhyt_checks(recheck_after) WHERE status = 'unverified' AND superseded_by IS NULL;
