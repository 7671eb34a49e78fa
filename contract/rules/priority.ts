import type { PriorityClass } from '../desk'
import { ageInYears } from './age'

/**
 * The priority classes the record suggests, most urgent first (docs/desk-duties.md §4); the clerk confirms one (or
 * none). Severe disability and merit cannot be read from the record: the clerk adds them. Pure, so the form shows
 * the same suggestion the desk's save would apply.
 */
export function suggestPriority(
  p: { dateOfBirth: string; sex: string; serviceType: string; emergency?: boolean },
  today: Date
): PriorityClass[] {
  const out: PriorityClass[] = []
  if (p.emergency) out.push('emergency')
  const age = ageInYears(p.dateOfBirth, today)
  if (age !== null && age < 6) out.push('under-6')
  if (p.sex === 'female' && (p.serviceType === 'antenatal' || p.serviceType === 'delivery'))
    out.push('pregnant')
  if (age !== null && age >= 75) out.push('aged-75')
  return out
}
