import type { Db } from '../../db/connection'
import { isAnyIdNumber } from '../../contract/rules/id-number'
import { PatientsRepo } from '../../db/patients'
import type { PatientSummary } from '../../contract/patient'
import { foldVietnamese } from '../../contract/rules/text'

/**
 * One search box for the clerk: a full ID/old ID/BHYT number finds exactly; digits find by ID prefix; words find
 * names without diacritics ("nguyen van a" → "Nguyễn Văn A"); a 4-digit year among the words narrows by birth year.
 */
export function createPatientSearch(db: Db): (text: string, limit: number) => PatientSummary[] {
  const repo = new PatientsRepo(db)
  return (text, limit) => {
    const q = text.trim()
    const compact = q.replace(/\s+/g, '')
    if (isAnyIdNumber(compact) || /^[A-Za-z]{2}\d{13}$/.test(compact)) {
      return repo.findByIdentifier(compact, limit)
    }
    if (/^\d{3,11}$/.test(compact)) return repo.findByIdPrefix(compact, limit)
    const words = foldVietnamese(q).split(' ').filter(Boolean)
    const year = words.find((w) => /^(19|20)\d{2}$/.test(w)) ?? null
    const nameWords = words.filter((w) => w !== year)
    if (nameWords.length === 0) return []
    return repo.findByName(nameWords, year, limit)
  }
}
