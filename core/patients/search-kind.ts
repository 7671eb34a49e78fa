import { phoneKey } from './phone'

/** What kind of query a search was, for the access log (which must never hold the query's text). */
export function searchKind(text: string): 'id' | 'bhyt' | 'phone' | 'id-prefix' | 'name' {
  const compact = text.trim().replace(/\s+/g, '')
  if (/^\d{9}$|^\d{12}$/.test(compact)) return 'id'
  if (/^[A-Za-z]{2}\d{13}$/.test(compact)) return 'bhyt'
  if (phoneKey(text) !== null) return 'phone'
  if (/^\d{3,11}$/.test(compact)) return 'id-prefix'
  return 'name'
}
