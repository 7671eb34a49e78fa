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

/** `{{name}}` is filled with params.name; `{{@name}}` with the text of the catalogue key params.name holds. */
export const placeholderPattern = /\{\{(@?)(\w+)\}\}/g

/** The text of a message in `lang`, placeholders filled from params. An unknown key formats as itself. */
export function formatMessage(lang: Lang, key: string, params?: MessageParams): string {
  return fill(lang, key, params, 0)
}

function fill(lang: Lang, key: string, params: MessageParams | undefined, depth: number): string {
  const template = isMessageKey(key) ? catalogs[lang][key] : key
  if (!params) return template
  return template.replace(placeholderPattern, (whole, nested: string, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole
    const value = String(params[name])
    // A nested text shares the params (a QR reason quotes the counts); one level only, so a key cannot loop.
    return nested === '@' && depth === 0 ? fill(lang, value, params, 1) : value
  })
}

export const formatRef = (lang: Lang, ref: { key: string; params?: MessageParams }): string =>
  formatMessage(lang, ref.key, ref.params)

/**
 * A catalogue text as it travels inside results (warnings, statuses): the key and params are the source, `message`
 * (Vietnamese) and `messageEn` are its renderings for readers that do not format (older screens, CLI JSON, logs).
 */
export interface Localized {
  key: MessageKey
  params?: MessageParams
  message: string
  messageEn: string
}

export function localized(key: MessageKey, params?: MessageParams): Localized {
  const out: Localized = {
    key,
    message: formatMessage('vi', key, params),
    messageEn: formatMessage('en', key, params)
  }
  if (params) out.params = params
  return out
}

/** The text of a value that may carry a catalogue key, in `lang`; `message` only when the key is unknown here. */
export function textOf(lang: Lang, value: { key?: string; params?: MessageParams; message: string }): string {
  return value.key !== undefined && isMessageKey(value.key)
    ? formatMessage(lang, value.key, value.params)
    : value.message
}

/** A status-bar text: the key and params, with the Vietnamese `message` older readers show. */
export function statusText(
  key: MessageKey,
  params?: MessageParams
): { key: MessageKey; params?: MessageParams; message: string } {
  return params
    ? { key, params, message: formatMessage('vi', key, params) }
    : { key, message: formatMessage('vi', key) }
}
