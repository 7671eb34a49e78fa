// Which reader to use when several are plugged in: contactless (PICC) interfaces first, because dual
// readers such as the ACR1252U also list a SAM/contact slot that never sees the CCCD.

const CONTACTLESS = /contactless|picc|nfc|felica|pasori|acr122|acr1252|acr1281|\bcl\b/i
const NOT_CARD_SLOT = /\bsam\b/i

export function chooseReader(names: readonly string[], preferred?: string | null): string | null {
  if (preferred) {
    const exact = names.find((n) => n === preferred)
    if (exact) return exact
    const partial = names.find((n) => n.toLowerCase().includes(preferred.toLowerCase()))
    if (partial) return partial
  }
  const usable = names.filter((n) => !NOT_CARD_SLOT.test(n))
  return usable.find((n) => CONTACTLESS.test(n)) ?? usable[0] ?? null
}
