import type { CardDetails, PatientForm, VisitType } from '../../../contract/patient'
import type { PriorityClass } from '../../../contract/desk'
import type { CareTypeCode, VisitCheckCode } from '../../../contract/visit-codes'
import { isIdNumber } from '../../../contract/rules/id-number'

/** What the form holds while the clerk types: strings as shown, converted only on save. */
export interface FormState {
  fullName: string
  dob: string
  sex: '' | 'male' | 'female' | 'other'
  idNumber: string
  oldIdNumber: string
  bhytCardNumber: string
  ethnicityCode: string
  nationalityCode: string
  occupationCode: string
  addressText: string
  provinceCode: string
  communeCode: string
  unitListVersion: string | null
  phone: string
  isChild: boolean
  guardianName: string
  guardianRelation: 'mother' | 'father' | 'guardian'
  guardianIdNumber: string
  guardianPhone: string
  guardianPatientId: string | null
  /** '' until the clerk picks one: no service is assumed (see form/visit-form.ts). */
  serviceType: VisitType | ''
  department: string
  reason: string
  /** MA_DOITUONG_KCB; '' = the documented suggestion. */
  objectCode: string
  /** MA_LOAI_KCB; '' = the service's usual type. */
  careTypeCode: CareTypeCode | ''
  referralNumber: string
  referringFacility: string
  emergency: boolean
  /** '' = the class the record suggests; 'none' = the clerk chose no priority. */
  priority: PriorityClass | 'none' | ''
  /** Service-versus-patient warnings the clerk confirmed. */
  confirmedChecks: VisitCheckCode[]
  cardDetails: CardDetails | null
}

export type FieldName = keyof FormState
export type FieldErrors = Partial<Record<FieldName, string>>

export function emptyForm(): FormState {
  return {
    fullName: '',
    dob: '',
    sex: '',
    idNumber: '',
    oldIdNumber: '',
    bhytCardNumber: '',
    ethnicityCode: '',
    nationalityCode: '000',
    occupationCode: '',
    addressText: '',
    provinceCode: '22',
    communeCode: '',
    unitListVersion: null,
    phone: '',
    isChild: false,
    guardianName: '',
    guardianRelation: 'mother',
    guardianIdNumber: '',
    guardianPhone: '',
    guardianPatientId: null,
    serviceType: '',
    department: '',
    reason: '',
    objectCode: '',
    careTypeCode: '',
    referralNumber: '',
    referringFacility: '',
    emergency: false,
    priority: '',
    confirmedChecks: [],
    cardDetails: null
  }
}

/** '14/03/1995' | '3/1995' | '1995' | '1995-03-14' → partial ISO, or an error key. */
export function parseDob(text: string, today: Date): { iso: string } | { error: string } {
  const s = text.trim()
  let y: number,
    m: number | null = null,
    d: number | null = null
  let match: RegExpExecArray | null
  if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    d = Number(match[1])
    m = Number(match[2])
    y = Number(match[3])
  } else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) {
    y = Number(match[1])
    m = Number(match[2])
    d = Number(match[3])
  } else if ((match = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) {
    m = Number(match[1])
    y = Number(match[2])
  } else if ((match = /^(\d{4})$/.exec(s))) {
    y = Number(match[1])
  } else return { error: 'validation.dobFormat' }
  if (m !== null && (m < 1 || m > 12)) return { error: 'validation.dobInvalid' }
  if (d !== null && m !== null) {
    const date = new Date(Date.UTC(y, m - 1, d))
    if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { error: 'validation.dobInvalid' }
  }
  if (y < 1900) return { error: 'validation.dobTooOld' }
  const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
  const iso = [
    String(y),
    m === null ? null : String(m).padStart(2, '0'),
    d === null ? null : String(d).padStart(2, '0')
  ]
    .filter((p) => p !== null)
    .join('-')
  if (iso > todayIso.slice(0, iso.length)) return { error: 'validation.dobFuture' }
  return { iso }
}

/** Partial ISO → what the clerk reads: dd/mm/yyyy, mm/yyyy or yyyy. */
export function formatDob(iso: string): string {
  const [y, m, d] = iso.split('-')
  return [d, m, y].filter(Boolean).join('/')
}

const digits = (s: string): string => s.replace(/\s+/g, '')

/** Validates as the clerk types; keys are i18n message keys. */
export function validateForm(f: FormState, today: Date): FieldErrors {
  const e: FieldErrors = {}
  const name = f.fullName.trim()
  if (!name) e.fullName = 'validation.required'
  else if (name.length > 255) e.fullName = 'validation.nameTooLong'
  else if (!/^[\p{L}\p{M}' .-]+$/u.test(name)) e.fullName = 'validation.nameChars'
  if (!f.dob.trim()) e.dob = 'validation.required'
  else {
    const r = parseDob(f.dob, today)
    if ('error' in r) e.dob = r.error
  }
  if (!f.sex) e.sex = 'validation.required'
  if (f.idNumber && !isIdNumber(digits(f.idNumber))) e.idNumber = 'validation.idNumber'
  if (f.oldIdNumber && !/^(\d{9}|\d{12})$/.test(digits(f.oldIdNumber)))
    e.oldIdNumber = 'validation.oldIdNumber'
  if (f.bhytCardNumber && !/^[A-Za-z]{2}\d{13}$/.test(digits(f.bhytCardNumber)))
    e.bhytCardNumber = 'validation.bhyt'
  if (f.phone && !/^(0\d{9,10}|\+84\d{9,10})$/.test(digits(f.phone))) e.phone = 'validation.phone'
  if (f.occupationCode && !/^\d{5}$/.test(f.occupationCode.trim())) e.occupationCode = 'validation.occupation'
  if (f.addressText.length > 1024) e.addressText = 'validation.addressTooLong'
  if (f.isChild) {
    if (!f.guardianName.trim()) e.guardianName = 'validation.guardianRequired'
    if (f.guardianIdNumber && !isIdNumber(digits(f.guardianIdNumber)))
      e.guardianIdNumber = 'validation.guardianId'
  }
  return e
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null)

/** The contract's PatientForm from a valid state (call validateForm first). */
export function toPatientForm(f: FormState, today: Date): PatientForm {
  const dob = parseDob(f.dob, today)
  if ('error' in dob) throw new Error(dob.error)
  return {
    fullName: f.fullName.trim(),
    dateOfBirth: dob.iso,
    sex: f.sex || 'other',
    idNumber: orNull(digits(f.idNumber)),
    oldIdNumber: orNull(digits(f.oldIdNumber)),
    bhytCardNumber: orNull(digits(f.bhytCardNumber).toUpperCase()),
    ethnicityCode: orNull(f.ethnicityCode),
    nationalityCode: orNull(f.nationalityCode),
    occupationCode: orNull(f.occupationCode),
    address: {
      text: f.addressText.trim(),
      provinceCode: orNull(f.provinceCode),
      communeCode: orNull(f.communeCode),
      unitListVersion: f.communeCode ? f.unitListVersion : null
    },
    phone: orNull(digits(f.phone)),
    guardian: f.isChild
      ? {
          patientId: f.guardianPatientId,
          fullName: f.guardianName.trim(),
          relation: f.guardianRelation,
          idNumber: orNull(digits(f.guardianIdNumber)),
          phone: orNull(digits(f.guardianPhone))
        }
      : null,
    cardDetails: f.cardDetails
  }
}

export function fromPatientForm(p: PatientForm): FormState {
  return {
    ...emptyForm(),
    fullName: p.fullName,
    dob: formatDob(p.dateOfBirth),
    sex: p.sex,
    idNumber: p.idNumber ?? '',
    oldIdNumber: p.oldIdNumber ?? '',
    bhytCardNumber: p.bhytCardNumber ?? '',
    ethnicityCode: p.ethnicityCode ?? '',
    nationalityCode: p.nationalityCode ?? '',
    occupationCode: p.occupationCode ?? '',
    addressText: p.address.text,
    provinceCode: p.address.provinceCode ?? '',
    communeCode: p.address.communeCode ?? '',
    unitListVersion: p.address.unitListVersion,
    phone: p.phone ?? '',
    isChild: p.guardian !== null,
    guardianName: p.guardian?.fullName ?? '',
    guardianRelation: p.guardian?.relation ?? 'mother',
    guardianIdNumber: p.guardian?.idNumber ?? '',
    guardianPhone: p.guardian?.phone ?? '',
    guardianPatientId: p.guardian?.patientId ?? null,
    cardDetails: p.cardDetails
  }
}
