-- Receipts (docs/adr/0017-receipts-transport-and-bounded-input.md): a row is 'sent' only on a receipt that proves
-- the receiver took it. Besides the receipt text (the visit's id at the receiver) the row keeps every identifier
-- the receipt named, as a JSON array of strings: FHIR "Patient/12", "Encounter/40"; XML 4750 transaction codes
-- (maGiaoDich); drop-folder file names. NULL for rows sent before this migration.
ALTER TABLE outbox ADD COLUMN receipt_ids_json TEXT
  CHECK (receipt_ids_json IS NULL OR json_valid(receipt_ids_json));
