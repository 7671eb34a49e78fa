import type { PatientForm } from '../../../contract/patient'
import { submissionSchema, type Submission } from '../../../contract/submission'

/** Made-up people; any resemblance to a real ID number is chance. */
export function motherForm(overrides: Partial<PatientForm> = {}): PatientForm {
  return {
    fullName: 'Nguyễn Thị Lan',
    dateOfBirth: '1990-05-12',
    sex: 'female',
    idNumber: '022190001234',
    oldIdNumber: '100123456',
    bhytCardNumber: 'GD4222212345678',
    ethnicityCode: '01',
    nationalityCode: '000',
    occupationCode: '21310',
    address: {
      text: 'Số 5, tổ 3, khu 2, Phường Hạ Long, Tỉnh Quảng Ninh',
      provinceCode: '22',
      communeCode: '06688',
      unitListVersion: 'QD19-2025'
    },
    phone: '0912345678',
    guardian: null,
    cardDetails: null,
    ...overrides
  }
}

export function childForm(overrides: Partial<PatientForm> = {}): PatientForm {
  return {
    fullName: 'Trần Minh Khôi',
    dateOfBirth: '2026-03',
    sex: 'male',
    idNumber: null,
    oldIdNumber: null,
    bhytCardNumber: 'TE1222298765432',
    ethnicityCode: '01',
    nationalityCode: '000',
    occupationCode: null,
    address: { text: '', provinceCode: null, communeCode: null, unitListVersion: null },
    phone: null,
    guardian: {
      patientId: 'p-mother-1',
      fullName: 'Nguyễn Thị Lan',
      relation: 'mother',
      idNumber: '022190001234',
      phone: '0912345678'
    },
    cardDetails: null,
    ...overrides
  }
}

let counter = 0

/** A valid snapshot (checked against the contract schema), adult antenatal visit unless overridden. */
export function makeSubmission(overrides: Partial<Submission> = {}): Submission {
  counter += 1
  const n = counter
  const sub: Submission = {
    schemaVersion: 1,
    idempotencyKey: `idem-${n}-7f3c`,
    facility: { code: '22001', name: 'Trạm Y tế Phường Hạ Long' },
    patient: { id: `p-${n}`, code: `BN${String(n).padStart(6, '0')}`, form: motherForm() },
    guardian: null,
    visit: {
      id: `LK2026112300${n}`,
      serviceType: 'antenatal',
      department: 'K01',
      reason: 'Khám thai định kỳ',
      visitedAt: '2026-11-23T08:05:00+07:00'
    },
    ...overrides
  }
  return submissionSchema.parse(sub)
}

/** A child linked to the mother's record, as reception registers an uncarded infant. */
export function makeChildSubmission(overrides: Partial<Submission> = {}): Submission {
  const base = makeSubmission()
  return makeSubmission({
    patient: { id: `child-${base.patient.id}`, code: `BNC${base.patient.code}`, form: childForm() },
    guardian: { id: 'p-mother-1', code: 'BN900001', relation: 'mother', form: motherForm() },
    visit: { ...base.visit, id: `${base.visit.id}C`, serviceType: 'immunisation', reason: null },
    ...overrides
  })
}
