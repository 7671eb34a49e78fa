-- Matching, mother-and-child and the quality report (docs/adr/0010-matching-and-search-at-scale.md).

-- Birth weight of a child registered under its mother's record (grams; XML1 CAN_NANG_CON, XML9 CAN_NANG_CON).
ALTER TABLE patients ADD COLUMN birth_weight_grams INTEGER
  CHECK (birth_weight_grams IS NULL OR birth_weight_grams BETWEEN 200 AND 7000);

-- Duplicate warnings look at everyone born on the same day (a typo in the name still shows up).
CREATE INDEX patients_dob ON patients(date_of_birth);

-- The 10-digit social-insurance number (last 10 characters of the BHYT card code) is one per person for life,
-- while the card's category and benefit level change: a new card still finds the record.
CREATE INDEX patients_bhxh ON patients(substr(bhyt_card_number, 6)) WHERE bhyt_card_number IS NOT NULL;
