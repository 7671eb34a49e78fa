-- foreign_keys: off
-- The visit fields reception owns (XML0/XML1): MA_DOITUONG_KCB (provisional), MA_LOAI_KCB, GIAY_CHUYEN_TUYEN,
-- MA_NOI_DI, the emergency flag, and the service-versus-patient warnings the clerk confirmed. The service list
-- gains 'general' ("Khám bệnh"), so the table is rebuilt for its CHECK (SQLite's 12-step procedure: new table,
-- copy, drop, rename; db/migrate.ts runs it with foreign keys off and checks them before committing).
CREATE TABLE visits_009 (
  id                 TEXT PRIMARY KEY,
  patient_id         TEXT NOT NULL REFERENCES patients(id),
  service_type       TEXT NOT NULL CHECK (service_type IN
    ('general', 'antenatal', 'delivery', 'postnatal', 'child_checkup', 'immunisation', 'family_planning', 'other')),
  department         TEXT,
  reason             TEXT,
  visited_at         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  object_code        TEXT CHECK (object_code IS NULL OR length(object_code) <= 4),
  care_type_code     TEXT CHECK (care_type_code IS NULL OR care_type_code GLOB '[0-9][0-9]'),
  referral_number    TEXT CHECK (referral_number IS NULL OR length(referral_number) <= 50),
  referring_facility TEXT CHECK (referring_facility IS NULL OR length(referring_facility) = 5),
  emergency          INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
  -- JSON array of the confirmed check codes, NULL when there was nothing to confirm.
  confirmed_checks   TEXT
);
INSERT INTO visits_009 (id, patient_id, service_type, department, reason, visited_at, created_at)
  SELECT id, patient_id, service_type, department, reason, visited_at, created_at FROM visits;
DROP TABLE visits;
ALTER TABLE visits_009 RENAME TO visits;
CREATE INDEX visits_patient ON visits(patient_id);
CREATE INDEX visits_visited_at ON visits(visited_at);
