import type { BhytCard, BhytCheckResult } from '../../contract/bhyt'
import { AppError } from '../../contract/errors'
import { formatMessage, type MessageKey, type MessageParams } from '../../contract/messages'
import { bhytDate } from '../../protocol/bhyt/card-qr'
import { localIsoWithOffset } from '../clock'
import type { BhxhGateway, GatewayAnswer } from './gateway-client'
import { meaningOf } from './result-codes'

/**
 * The desk's BHYT card check: one gateway call, its answer turned into what the clerk needs (usable or not, the
 * 15-character card, the new card when one was issued, checks by other facilities today) with the raw answer kept
 * for the visit's evidence. The same card is not asked again within 15 minutes unless the clerk forces it.
 */
export interface BhytCheckRequest {
  /** The 12-digit ID number, the 10-digit BHXH number or the 15-character card code. */
  cardKey: string
  fullName: string
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  dateOfBirth: string
  clerk: { fullName: string; idNumber: string }
  /** Ask the gateway even when the same card was checked in the last 15 minutes. */
  force?: boolean
}

export interface BhytCheckOutcome {
  result: BhytCheckResult
  /** The gateway's answer as sent (personal data: store encrypted with the visit, never log). */
  raw: GatewayAnswer
  fromCache: boolean
}

export interface BhytChecker {
  check(request: BhytCheckRequest): Promise<BhytCheckOutcome>
}

const THROTTLE_MS = 15 * 60_000
const CARD_KEY = /^(\d{12}|\d{10}|[A-Z]{2}\d{13})$/

/** dd/MM/yyyy for a full date, yyyy for a year-only or year-month date (the gateway takes only these two). */
export function gatewayBirthDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (m) return `${m[3]}/${m[2]}/${m[1]}`
  const y = /^(\d{4})(-\d{2})?$/.exec(date)
  if (y) return y[1]!
  throw AppError.of('VALIDATION', 'error.VALIDATION', undefined, { field: 'dateOfBirth' })
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim().normalize('NFC') : null

function cardFrom(a: GatewayAnswer, suffix: '' | 'Moi'): BhytCard | null {
  const number = text(a[suffix ? 'maTheMoi' : 'maThe'])
  if (!number) return null
  const area = text(a['maKV'])
  return {
    cardNumber: number.toUpperCase(),
    registeredFacility: text(a[`maDKBD${suffix}`]),
    validFrom: bhytDate(text(a[`gtTheTu${suffix}`]) ?? undefined),
    validTo: bhytDate(text(a[`gtTheDen${suffix}`]) ?? undefined),
    areaCode: area && /^K[123]$/.test(area) ? area : null,
    fiveYearsFrom: bhytDate(text(a['ngayDu5Nam']) ?? undefined),
    socialInsuranceNumber: text(a['maSoBHXH'])
  }
}

/** yyyyMMddHHmm → YYYY-MM-DDTHH:mm; other forms kept as sent. */
function checkTime(v: unknown): string {
  const s = text(v) ?? ''
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s)
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` : s.slice(0, 30)
}

const localDay = (ms: number): string => localIsoWithOffset(new Date(ms)).slice(0, 10)

/** Builds the clerk-facing result from a gateway answer (pure: tests feed it every documented code). */
export function interpretAnswer(answer: GatewayAnswer, checkedAtMs: number): BhytCheckResult {
  const code = answer.maKetQua
  const meaning = meaningOf(code)
  const card = cardFrom(answer, '')
  const newCard = cardFrom(answer, 'Moi')
  // A replaced card (003) is used as the new one: the old code must not reach XML1.
  const effectiveCard = meaning.action === 'switch-to-new-card' && newCard ? { ...card, ...newCard } : card
  const history = Array.isArray(answer['dsLichSuKT2018']) ? (answer['dsLichSuKT2018'] as unknown[]) : []
  const checkedElsewhere = history.slice(0, 200).map((h) => {
    const r = (h ?? {}) as Record<string, unknown>
    return {
      facility: (text(r['userKT']) ?? '').slice(0, 100),
      at: checkTime(r['thoiGianKT']),
      note: (text(r['thongBao']) ?? '').slice(0, 500)
    }
  })
  const params: MessageParams = { code, newCard: newCard?.cardNumber ?? '' }
  const sex = text(answer['gioiTinh'])?.toLowerCase()
  return {
    code,
    usable: meaning.usable,
    status: meaning.status,
    action: meaning.action,
    messageKey: meaning.messageKey,
    messageParams: params,
    message: formatMessage('vi', meaning.messageKey, params),
    card: effectiveCard,
    newCard: meaning.action === 'switch-to-new-card' || meaning.action === 'offer-new-card' ? newCard : null,
    holder: {
      fullName: text(answer['hoTen']),
      dateOfBirth: bhytDate(text(answer['ngaySinh']) ?? undefined),
      sex: sex === 'nam' ? 'male' : sex === 'nữ' || sex === 'nu' ? 'female' : null,
      address: text(answer['diaChi'])
    },
    checkedElsewhere,
    checkedAt: new Date(checkedAtMs).toISOString()
  }
}

/** The warnings a result raises beyond its own message: a check by another facility today. */
export function checkedElsewhereToday(
  result: BhytCheckResult,
  nowMs: number
): { key: MessageKey; params: MessageParams }[] {
  const today = localDay(nowMs)
  return result.checkedElsewhere
    .filter((c) => c.at.startsWith(today))
    .map((c) => ({ key: 'bhyt.checkedElsewhereToday' as MessageKey, params: { facility: c.facility } }))
}

export function createBhytChecker(deps: { gateway: BhxhGateway; now?: () => number }): BhytChecker {
  const now = deps.now ?? Date.now
  const recent = new Map<string, { at: number; outcome: BhytCheckOutcome }>()
  return {
    async check(request) {
      const cardKey = request.cardKey.trim().toUpperCase()
      if (!CARD_KEY.test(cardKey))
        throw AppError.of('VALIDATION', 'error.VALIDATION', undefined, { field: 'cardKey' })
      if (!request.clerk.fullName.trim() || !/^\d{12}$/.test(request.clerk.idNumber)) {
        throw AppError.of('VALIDATION', 'error.BHXH_CLERK_MISSING')
      }
      const cached = recent.get(cardKey)
      if (cached && !request.force && now() - cached.at < THROTTLE_MS)
        return { ...cached.outcome, fromCache: true }
      const raw = await deps.gateway.check({
        maThe: cardKey,
        hoTen: request.fullName.trim().normalize('NFC'),
        ngaySinh: gatewayBirthDate(request.dateOfBirth),
        hoTenCb: request.clerk.fullName.trim().normalize('NFC'),
        cccdCb: request.clerk.idNumber
      })
      const at = now()
      const outcome: BhytCheckOutcome = { result: interpretAnswer(raw, at), raw, fromCache: false }
      recent.set(cardKey, { at, outcome })
      return outcome
    }
  }
}
