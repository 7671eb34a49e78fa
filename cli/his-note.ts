import { localized, type Localized } from '../contract/messages'
import type { CodedIdentity } from '../contract/reading'

/** What the HIS lookup gave, for `normalize` and `register` output (docs/adr/0024). */
export type HisNote = {
  lookup: 'found' | 'not-found' | 'offline' | 'not-asked'
  hisPatientId: string | null
} & Partial<Localized>

export function hisNote(coded: CodedIdentity): HisNote {
  const r = coded.returning
  if (coded.hisLookup === 'found' && r?.source === 'his')
    return { lookup: 'found', hisPatientId: r.hisPatientId, ...localized('his.found', { name: r.fullName }) }
  if (coded.hisLookup === 'offline')
    return { lookup: 'offline', hisPatientId: null, ...localized('his.offline') }
  if (coded.hisLookup === 'not-found') return { lookup: 'not-found', hisPatientId: null }
  // A record on this computer (or no ID number, or lookup off): the HIS was not asked.
  return { lookup: 'not-asked', hisPatientId: r?.hisPatientId ?? null }
}
