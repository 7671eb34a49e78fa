import type { Identity } from '../../contract/identity'
import type { CodedIdentity, ReadingWarning } from '../../contract/reading'
import { codePatient } from '../coding/patient/code-patient'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'

/** Codes an identity into the reception form; extra warnings (e.g. from the QR decoder) are shown beside the coding's. */
export function codeIdentity(
  identity: Identity,
  catalog: CodingCatalog,
  extraWarnings: { code: string; message: string }[] = []
): CodedIdentity {
  const coded = codePatient(identity, catalog)
  const old = coded.addressCoding?.mappedFromOld ?? null
  const addressNote = old
    ? `Địa chỉ trên thẻ theo đơn vị cũ: ${old.communeName}${old.districtName ? `, ${old.districtName}` : ''} → ${old.newCommunes
        .map((c) => c.name)
        .join(' / ')}`
    : null
  const warnings: ReadingWarning[] = [
    ...extraWarnings.map((w) => ({ code: w.code, field: null, message: w.message, blocking: false })),
    ...coded.warnings.map((w) => ({ code: w.code, field: w.field, message: w.message, blocking: w.blocking }))
  ]
  return {
    form: coded.form,
    returning: null,
    addressCandidates: coded.addressCandidates.map((c) => ({ ...c })),
    addressNote,
    warnings
  }
}
