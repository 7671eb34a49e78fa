import { readFileSync } from 'node:fs'
import { deriveChipKeys, parseCccdQr } from '../../protocol/cccd'
import { AppError } from '../../contract/errors'
import type { Command } from '../context'

/** reception parse-qr [TEXT | -] → { identity, warnings, chipKeys: { mrzInfo, can } }; no database needed. */
export const parseQr: Command = (ctx, args) => {
  const arg = args.find((a) => !a.startsWith('--'))
  const text = arg === undefined || arg === '-' ? readFileSync(0, 'utf8') : arg
  if (!text.trim()) throw AppError.of('QR_INVALID', 'error.QR_INVALID.empty')
  const decoded = parseCccdQr(text)
  const chipKeys = decoded.identity.idNumber ? deriveChipKeys(decoded.identity) : null
  const result = {
    identity: decoded.identity,
    warnings: decoded.warnings.map((w) => ({
      code: w.code,
      key: w.key,
      params: w.params,
      message: w.message
    })),
    extraFields: decoded.extraFields,
    chipKeys
  }
  ctx.out.result(result, (r: typeof result) =>
    [
      `${r.identity.fullName} · ${r.identity.idNumber ?? ''} · ${r.identity.dateOfBirth ?? ''}`,
      r.identity.placeOfResidence ?? '',
      ...r.warnings.map((w) => `! ${w.message}`),
      r.chipKeys ? `MRZ: ${r.chipKeys.mrzInfo.join(', ')} · CAN: ${r.chipKeys.can}` : ''
    ]
      .filter(Boolean)
      .join('\n')
  )
}
