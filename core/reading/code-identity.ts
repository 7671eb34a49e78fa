import { localized, type MessageParams } from '../../contract/messages'
import type { Identity } from '../../contract/identity'
import type { CodedIdentity, ReadingWarning } from '../../contract/reading'
import { codePatient } from '../coding/patient/code-patient'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'

/** A warning from elsewhere (the QR decoder): its catalogue key when it has one. */
export interface ExtraWarning {
  code: string
  message: string
  key?: string
  params?: MessageParams
}

function toReadingWarning(w: ExtraWarning, field: string | null, blocking: boolean): ReadingWarning {
  const out: ReadingWarning = { code: w.code, field, message: w.message, blocking }
  if (w.key !== undefined) out.key = w.key
  if (w.params !== undefined) out.params = w.params
  return out
}

/**
 * The decoder and the coder both check the ID number against the date of birth and sex. A problem is named by its
 * catalogue key, so it is shown once: the entry tied to a form field wins, in the place the problem first appeared.
 */
function onePerProblem(warnings: ReadingWarning[]): ReadingWarning[] {
  const byProblem = new Map<string, number>()
  const out: ReadingWarning[] = []
  for (const w of warnings) {
    const problem = w.key ?? `${w.code}:${w.message}`
    const seen = byProblem.get(problem)
    if (seen === undefined) {
      byProblem.set(problem, out.length)
      out.push(w)
    } else if (out[seen]!.field === null && w.field !== null) {
      out[seen] = { ...w, blocking: w.blocking || out[seen]!.blocking }
    }
  }
  return out
}

/** Codes an identity into the reception form; extra warnings (e.g. from the QR decoder) are shown beside the coding's. */
export function codeIdentity(
  identity: Identity,
  catalog: CodingCatalog,
  extraWarnings: readonly ExtraWarning[] = []
): CodedIdentity {
  const coded = codePatient(identity, catalog)
  const old = coded.addressCoding?.mappedFromOld ?? null
  const addressNoteRef = old
    ? {
        key: 'note.addressMapped' as const,
        params: {
          old: `${old.communeName}${old.districtName ? `, ${old.districtName}` : ''}`,
          new: old.newCommunes.map((c) => c.name).join(' / ')
        }
      }
    : null
  const addressNote = addressNoteRef ? localized(addressNoteRef.key, addressNoteRef.params).message : null
  const warnings = onePerProblem([
    ...extraWarnings.map((w) => toReadingWarning(w, null, false)),
    ...coded.warnings.map((w) => toReadingWarning(w, w.field, w.blocking))
  ])
  return {
    form: coded.form,
    returning: null,
    addressCandidates: coded.addressCandidates.map((c) => ({ ...c })),
    addressNote,
    addressNoteRef,
    warnings
  }
}
