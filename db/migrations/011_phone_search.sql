-- Search by phone at the desk (docs/adr/0027). The phone lives in form_json; a virtual generated column gives it
-- in one normal form, so "0912 345 678", "+84912345678" and "84912345678" meet: +84 / 84 (11 digits) become 0.
-- Virtual: nothing is stored twice on disk, the index holds the only copy and follows every update of form_json.
ALTER TABLE patients ADD COLUMN phone_key TEXT GENERATED ALWAYS AS (
  CASE
    WHEN json_extract(form_json, '$.phone') LIKE '+84%' THEN '0' || substr(json_extract(form_json, '$.phone'), 4)
    WHEN json_extract(form_json, '$.phone') LIKE '84%' AND length(json_extract(form_json, '$.phone')) = 11
      THEN '0' || substr(json_extract(form_json, '$.phone'), 3)
    ELSE json_extract(form_json, '$.phone')
  END
) VIRTUAL;
CREATE INDEX patients_phone ON patients(phone_key) WHERE phone_key IS NOT NULL;
