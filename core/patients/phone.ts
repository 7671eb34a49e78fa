/**
 * A phone number the way migration 011 indexes it: separators dropped, +84 / 84 (11 digits) written as 0. Returns
 * null for anything that is not a Vietnamese phone number (mobile 0[35789]…, landline 02…: 10 or 11 digits).
 */
export function phoneKey(text: string): string | null {
  const compact = text.trim().replace(/[\s.\-()]/g, '')
  let local = compact
  if (/^\+84\d+$/.test(compact)) local = `0${compact.slice(3)}`
  else if (/^84\d{9}$/.test(compact)) local = `0${compact.slice(2)}`
  return /^0[2-9]\d{8,9}$/.test(local) ? local : null
}
