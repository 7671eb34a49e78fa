import type { Bundle, BundleEntry } from './fhir-types'

/**
 * Several submissions in one transaction. Two visits of the same patient would otherwise carry two
 * conditional creates with the same search, which a server may resolve to two new patients inside one
 * transaction; they are merged into one entry and the references rewritten.
 */
export function mergeTransactionEntries(groups: BundleEntry[][]): Bundle {
  const entries: BundleEntry[] = []
  const byCondition = new Map<string, string>()
  const alias = new Map<string, string>()
  for (const group of groups) {
    for (const entry of group) {
      const key = entry.request.ifNoneExist ? `${entry.request.url}?${entry.request.ifNoneExist}` : null
      const existing = key ? byCondition.get(key) : undefined
      if (existing) {
        alias.set(entry.fullUrl, existing)
        continue
      }
      if (key) byCondition.set(key, entry.fullUrl)
      entries.push(entry)
    }
  }
  for (const entry of entries) rewriteReferences(entry.resource, alias)
  return { resourceType: 'Bundle', type: 'transaction', entry: entries }
}

function rewriteReferences(node: unknown, alias: Map<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteReferences(item, alias)
    return
  }
  if (node === null || typeof node !== 'object') return
  const obj = node as Record<string, unknown>
  const ref = obj['reference']
  if (typeof ref === 'string') {
    const target = alias.get(ref)
    if (target) obj['reference'] = target
  }
  for (const value of Object.values(obj)) rewriteReferences(value, alias)
}
