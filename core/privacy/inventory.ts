import { RETENTION_DEFAULTS } from './retention'

export interface InventoryEntry {
  data: string
  where: string
  purpose: string
  basis: string
  recipients: string
  retention: string
  encrypted: string
}

const DB = 'SQLCipher-encrypted database (key sealed by the OS in the app, 0600 key file in browser/CLI mode)'
const years = (d: number): string => `${Math.round(d / 365)} years after the last visit`

/** The data map (processing register): what is stored, why, on what basis, who receives it, how long, how protected. */
export const INVENTORY: InventoryEntry[] = [
  {
    data: 'Patient identity: name, date of birth, sex, CCCD/old ID, BHYT card, ethnicity, nationality, occupation, address, phone',
    where: 'patients (+ patients_fts folded name), patient_history',
    purpose: 'care, the HIS record, MCH follow-up',
    basis: 'Luật Khám bệnh, chữa bệnh 15/2023; MCH programme for eMCH',
    recipients: 'facility HIS; eMCH',
    retention:
      years(RETENTION_DEFAULTS.medicalRecord) +
      ' (medical record); erase refused inside it, restrict instead',
    encrypted: DB
  },
  {
    data: 'Guardian link, birth weight (children)',
    where: 'patients.guardian_patient_id, patients.birth_weight_grams',
    purpose: 'mother-and-child record',
    basis: 'MCH programme',
    recipients: 'facility HIS; eMCH',
    retention: years(RETENTION_DEFAULTS.medicalRecord),
    encrypted: DB
  },
  {
    data: 'Visits: service type, department, reason, time',
    where: 'visits',
    purpose: 'care, the HIS record',
    basis: 'Luật Khám bệnh, chữa bệnh 15/2023',
    recipients: 'facility HIS; eMCH (MCH services)',
    retention: years(RETENTION_DEFAULTS.medicalRecord),
    encrypted: DB
  },
  {
    data: 'Card reads: identity as read (no religion, no identifying features unless privacy.keepReligionAndFeatures), chip verification, reader, who read',
    where: 'identity_reads',
    purpose: 'evidence behind "verified by chip"',
    basis: 'consent (Luật Căn cước 2023 Đ22), recorded before the read',
    recipients: 'none',
    retention: `${RETENTION_DEFAULTS.unlinkedReads} days if never registered; with the medical record otherwise`,
    encrypted: DB
  },
  {
    data: 'Card photo (DG2)',
    where: 'not stored: shown on screen during the read only',
    purpose: 'visual check at the desk',
    basis: 'consent',
    recipients: 'none',
    retention: 'not kept',
    encrypted: 'n/a'
  },
  {
    data: 'Submissions: frozen copy of the record sent to each target',
    where: 'outbox.payload_json',
    purpose: 'reliable delivery to HIS / eMCH',
    basis: 'as the purpose it serves (HIS: Luật KCB; eMCH: MCH programme)',
    recipients: 'facility HIS; eMCH',
    retention: `payload cleared ${RETENTION_DEFAULTS.sentPayloads} days after delivery; the receipt row stays`,
    encrypted: DB + '; TLS to the targets'
  },
  {
    data: 'Consents and purposes: purpose, basis, notice version, who recorded, when',
    where: 'consents',
    purpose: 'proof of consent and of the basis of each purpose',
    basis: 'Luật 91/2025 and NĐ 356/2025 (consent record)',
    recipients: 'none',
    retention: 'with the medical record',
    encrypted: DB
  },
  {
    data: 'Access log: who did what, when, on which record (search kind, never search text)',
    where: 'audit_log (hash-chained), audit_summaries (signed roll-ups)',
    purpose: 'accountability, breach investigation',
    basis: 'legal obligation (access logs kept 12 months)',
    recipients: 'data officer; authority on request',
    retention: `${RETENTION_DEFAULTS.auditLog} days at least, then rolled into a signed summary`,
    encrypted: DB
  },
  {
    data: 'Staff accounts: username, full name, staff CCCD, role, password and PIN hashes (scrypt), last sign-in',
    where: 'users',
    purpose: 'named access, the insurance gateway (staff name and CCCD per lookup)',
    basis: 'employment; legal obligation (named accounts)',
    recipients: 'BHXH gateway (name and CCCD of the person doing a lookup, when built)',
    retention: 'while employed; disabled after 45 days unused',
    encrypted: DB + '; secrets as scrypt hashes only'
  }
]
