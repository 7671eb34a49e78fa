-- The HIS's own Patient.id for a patient the HIS already knew (registered at another desk; docs/adr/0024):
-- the FHIR sender references it instead of sending a second Patient.
ALTER TABLE patients ADD COLUMN his_patient_id TEXT;
