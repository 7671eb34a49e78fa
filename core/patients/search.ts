import type { Db } from '../../db/connection'
import { isAnyIdNumber } from '../../contract/rules/id-number'
import { PatientsRepo, toSummary } from '../../db/patients'
import { isOwnPatientCode } from '../../contract/rules/patient-code'
import type { PatientSummary } from '../../contract/patient'
import { foldVietnamese } from '../../contract/rules/text'
import { findByPhoneKey } from '../../db/patient-lookup'
import { phoneKey } from './phone'

/**
 * One search box for the clerk: a full ID/old ID/BHYT number finds exactly; digits find by ID prefix; words find
 * names without diacritics ("nguyen van a" → "Nguyễn Văn A"); a 4-digit year among the words narrows by birth year;
 * a patient code (MA_BN) finds its patient.
 * A phone-looking query ("0912 345 678", "+84912345678") finds by phone first, then by ID prefix: a 10–11 digit
 * number starting with 0 can be either.
 */
export function createPatientSearch(db: Db): (text: string, limit: number) => PatientSummary[] {
  const repo = new PatientsRepo(db)
  return (text, limit) => {
    const q = text.trim()
    const compact = q.replace(/\s+/g, '')
    if (isAnyIdNumber(compact) || /^[A-Za-z]{2}\d{13}$/.test(compact)) {
      return repo.findByIdentifier(compact, limit)
    }
    // The facility patient code from a slip or the HIS, old form (BN00000042) or new (BN-Q1-00000042).
    if (isOwnPatientCode(compact.toUpperCase())) {
      const row = repo.findByCode(compact.toUpperCase())
      const current = row?.merged_into ? repo.get(row.merged_into) : row
      return current ? [toSummary(current)] : []
    }
    const phone = phoneKey(q)
    if (phone !== null) {
      const byPhone = findByPhoneKey(db, phone, limit)
      if (!/^\d{3,11}$/.test(compact) || byPhone.length >= limit) return byPhone
      const seen = new Set(byPhone.map((p) => p.id))
      return [...byPhone, ...repo.findByIdPrefix(compact, limit).filter((p) => !seen.has(p.id))].slice(
        0,
        limit
      )
    }
    if (/^\d{3,11}$/.test(compact)) return repo.findByIdPrefix(compact, limit)
    const words = foldVietnamese(q).split(' ').filter(Boolean)
    const year = words.find((w) => /^(19|20)\d{2}$/.test(w)) ?? null
    const nameWords = words.filter((w) => w !== year)
    if (nameWords.length === 0) return []
    return repo.findByName(nameWords, year, limit)
  }
}
