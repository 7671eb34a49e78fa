/**
 * Where held-back keys go when the wedge detector decides they were typing, and which keys it may hold at all.
 * A scan starts with a digit (CCCD) or a capital letter (BHYT card code), so on a control that is not a text
 * field (a select, a checkbox, a button) Space and lower-case letters are never held: the browser's own
 * type-to-select and Space activation stay instant. Keys that were held there are replayed by hand.
 */

/** A focused element that takes typed text (where a scanner burst could land as characters). */
export function isTextEntry(el: Element | null): boolean {
  if (el instanceof HTMLTextAreaElement) return true
  if (el instanceof HTMLInputElement) return /^(text|search|tel|url|email|number|password|)$/.test(el.type)
  return el instanceof HTMLElement && el.isContentEditable
}

/** The wedge's `startKey`: on anything but a text field only what a QR code can start with may open a burst. */
export function mayStartScan(key: string, focused: Element | null): boolean {
  return isTextEntry(focused) || /^[0-9A-Z]$/.test(key)
}

const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()

/** Type-to-select by hand: the first option whose text (or code) starts with what was typed. */
export function selectByTyping(select: HTMLSelectElement, typed: string): boolean {
  const want = fold(typed)
  const options = [...select.options]
  const hit =
    options.find((o) => o.value && fold(o.text).startsWith(want)) ??
    options.find((o) => o.value && fold(o.value).startsWith(want)) ??
    options.find((o) => o.value && fold(o.text).includes(want))
  if (!hit || hit.value === select.value) return false
  select.value = hit.value
  // React listens to 'change' on selects.
  select.dispatchEvent(new Event('change', { bubbles: true }))
  return true
}

/** Inserts or replays held-back keys that turned out to be typing, wherever the focus is. */
export function releaseTyped(text: string): void {
  const el = document.activeElement
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
    if (text.includes(' ')) el.click()
    return
  }
  if (el instanceof HTMLButtonElement) {
    if (text.includes(' ')) el.click()
    return
  }
  if (el instanceof HTMLSelectElement) {
    selectByTyping(el, text)
    return
  }
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    // execCommand keeps the browser's undo stack and fires React's input events.
    if (!document.execCommand('insertText', false, text)) {
      el.setRangeText(text, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, 'end')
      el.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
}
