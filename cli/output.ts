import { toErrorValue } from '../contract/errors'

export interface Output {
  json: boolean
  /** Prints a result: JSON as is, or the human formatter's text. */
  result(value: unknown, human?: (v: never) => string): void
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, human) {
      if (json || !human) process.stdout.write(JSON.stringify(value, null, json ? 0 : 2) + '\n')
      else process.stdout.write(human(value as never) + '\n')
    }
  }
}

/** Errors always print `{"error":{"code","message"}}` (message in Vietnamese, messageEn for IT) and exit non-zero. */
export function printError(e: unknown): number {
  const v = toErrorValue(e)
  process.stdout.write(
    JSON.stringify({
      error: {
        code: v.code,
        message: v.message,
        messageEn: v.messageEn,
        // Protocol facts only (e.g. which access protocol refused the key); never personal data.
        ...(v.details !== undefined ? { details: v.details } : {})
      }
    }) + '\n'
  )
  return v.code === 'VALIDATION' || v.code === 'QR_INVALID' ? 2 : 1
}
