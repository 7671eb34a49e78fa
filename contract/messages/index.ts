import { z } from 'zod'
import { en } from './en'
import type { Lang, MessageKey, MessageParams } from './keys'
import { vi } from './vi'

export { languages, type Lang, type MessageKey, type MessageParams } from './keys'

/**
 * The one message catalogue. Errors, warnings and statuses travel as a key plus parameters; each side (screen,
 * CLI, logs) formats them in its own language. docs/adr/0013.
 */
const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en }

/** A message as it crosses a boundary. `key` is validated loosely so an older client never rejects a newer key. */
export const messageRefSchema = z.object({
  key: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
})
export interface MessageRef {
  key: MessageKey
  params?: MessageParams
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key)
}

/** The text of a message in `lang`; `{{name}}` placeholders are filled from params. An unknown key formats as itself. */
export function formatMessage(lang: Lang, key: string, params?: MessageParams): string {
  const template = isMessageKey(key) ? catalogs[lang][key] : key
  if (!params) return template
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  )
}

export const formatRef = (lang: Lang, ref: { key: string; params?: MessageParams }): string =>
  formatMessage(lang, ref.key, ref.params)
