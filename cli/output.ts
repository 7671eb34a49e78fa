import { toErrorValue } from '../contract/errors'
import { isMessageKey, textOf, type Lang } from '../contract/messages'

export interface Output {
  json: boolean
  /** The language of every `message` printed (--lang, default vi). */
  lang: Lang
  /** Prints a result: JSON as is, or the human formatter's text. */
  result(value: unknown, human?: (v: never) => string): void
}

export function createOutput(json: boolean, lang: Lang = 'vi'): Output {
  return {
    json,
    lang,
    result(value, human) {
      const shown = inLanguage(value, lang)
      if (json || !human) process.stdout.write(JSON.stringify(shown, null, json ? 0 : 2) + '\n')
      else process.stdout.write(human(shown as never) + '\n')
    }
  }
}

/**
 * Errors always print `{"error":{"code","message"}}` (message in --lang, messageEn for IT, detail when known)
 * and exit non-zero.
 */
export function printError(e: unknown, lang: Lang = 'vi'): number {
  const v = toErrorValue(e)
  const error = {
    code: v.code,
    message: textOf(lang, v),
    messageEn: v.messageEn,
    ...(v.detail ? { detail: v.detail } : {}),
    // Protocol facts only (e.g. which access protocol refused the key); never personal data.
    ...(v.details !== undefined ? { details: v.details } : {})
  }
  process.stdout.write(JSON.stringify({ error }) + '\n')
  return v.code === 'VALIDATION' || v.code === 'QR_INVALID' ? 2 : 1
}

/** Every `{key, params, message}` inside a result (warnings, statuses) gets its `message` in `lang`. */
function inLanguage(value: unknown, lang: Lang): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = inLanguage(v, lang)
  const { key, message } = out
  if (typeof key === 'string' && typeof message === 'string' && isMessageKey(key))
    out.message = textOf(lang, out as { key: string; message: string })
  return out
}
