-- Trust store for passive authentication (ADR 0018): CSCA certificates that IT imports, and the document
-- signer certificates seen on cards (a signer under an issuer never seen before is flagged for IT).
CREATE TABLE csca_certificates (
  fingerprint  TEXT PRIMARY KEY,               -- SHA-256 of the DER, hex
  subject      TEXT NOT NULL,
  not_before   TEXT NOT NULL,
  not_after    TEXT NOT NULL,
  der          BLOB NOT NULL,
  source       TEXT NOT NULL,                  -- file name it came from (no path)
  imported_at  TEXT NOT NULL
);

CREATE TABLE document_signers_seen (
  fingerprint   TEXT PRIMARY KEY,              -- SHA-256 of the DER, hex
  subject       TEXT NOT NULL,
  issuer        TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  times_seen    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX document_signers_seen_issuer ON document_signers_seen(issuer);
