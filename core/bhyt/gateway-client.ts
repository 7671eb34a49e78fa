import { createHash } from 'node:crypto'
import { AppError } from '../../contract/errors'
import { createHttpClient, HttpTransportError, type HttpClient } from '../sync/http-client'

/**
 * The BHXH gateway's card check (docs/desk-duties.md §1.2–1.3): a token from /api/token/take (user name and the
 * uppercase-hex MD5 of the password), then /api/egw/KQNhanLichSuKCB2024 with the token in the query string.
 * The token is cached until shortly before it expires; a 401 gets one fresh token and one retry, never more.
 * A network error is not retried at all: the gateway restricts accounts that look up too much. Nothing here logs,
 * and errors never carry the URL (it holds the token and the password hash).
 */
export interface GatewayQuery {
  /** The 12-digit ID number, the 10-digit BHXH number or the 15-character card code. */
  maThe: string
  hoTen: string
  /** dd/MM/yyyy, or yyyy for a year-only birth date. */
  ngaySinh: string
  /** The staff member doing the lookup (registered with BHXH by name and CCCD). */
  hoTenCb: string
  cccdCb: string
}

/** The gateway's reply as sent: maKetQua and the documented fields, kept whole for the visit's evidence. */
export type GatewayAnswer = Record<string, unknown> & { maKetQua: string }

export interface BhxhGateway {
  check(query: GatewayQuery): Promise<GatewayAnswer>
  close(): void
}

export interface BhxhGatewayOptions {
  url: string
  username: string
  password: string
  caFile?: string | null
  timeoutMs?: number
  now?: () => number
}

const CHECK_PATH = '/api/egw/KQNhanLichSuKCB2024'
const TOKEN_PATH = '/api/token/take'
/** Sessions were seen to last about 10 minutes: the fallback when expires_in cannot be read. */
const DEFAULT_TTL_MS = 10 * 60_000
const EXPIRY_MARGIN_MS = 30_000

export const md5Upper = (text: string): string =>
  createHash('md5').update(text, 'utf8').digest('hex').toUpperCase()

const unavailable = (why: string): AppError =>
  AppError.of('BHXH_UNAVAILABLE', 'error.BHXH_UNAVAILABLE', undefined, { why })
const authRefused = (why: string): AppError => AppError.of('BHXH_AUTH', 'error.BHXH_AUTH', undefined, { why })

/** expires_in has been seen as seconds, an epoch timestamp (s or ms) and a datetime string: read all three. */
export function tokenExpiry(expiresIn: unknown, now: number): number {
  const n =
    typeof expiresIn === 'number'
      ? expiresIn
      : typeof expiresIn === 'string' && /^\d+$/.test(expiresIn.trim())
        ? Number(expiresIn)
        : NaN
  if (Number.isFinite(n) && n > 0) {
    if (n < 10_000_000) return now + n * 1000 // seconds from now
    if (n < 100_000_000_000) return n * 1000 // epoch seconds
    return n // epoch milliseconds
  }
  if (typeof expiresIn === 'string') {
    const t = Date.parse(expiresIn)
    if (Number.isFinite(t)) return t
  }
  return now + DEFAULT_TTL_MS
}

interface Token {
  accessToken: string
  idToken: string
  expiresAt: number
}

function parseJson(body: Buffer): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export function createBhxhGateway(options: BhxhGatewayOptions): BhxhGateway {
  const http: HttpClient = createHttpClient({
    baseUrl: options.url,
    caFile: options.caFile ?? null,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxSockets: 2
  })
  const now = options.now ?? Date.now
  const passwordHash = md5Upper(options.password)
  let token: Token | null = null

  async function post(path: string, body: unknown, query?: Record<string, string>) {
    try {
      return await http.request({
        method: 'POST',
        path,
        ...(query ? { query } : {}),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body)
      })
    } catch (e) {
      if (e instanceof HttpTransportError) throw unavailable(`${e.kind} ${e.code ?? ''}`.trim())
      throw e
    }
  }

  async function takeToken(): Promise<Token> {
    const res = await post(TOKEN_PATH, { username: options.username, password: passwordHash })
    const json = parseJson(res.body)
    const code = String(json?.['maKetQua'] ?? res.status)
    if (res.status === 401 || res.status === 403 || ['401', '402', '403'].includes(code)) {
      throw authRefused(`token ${code}`)
    }
    const key = json?.['APIKey'] as Record<string, unknown> | undefined
    if (res.status >= 500 || code !== '200' || !key || typeof key['access_token'] !== 'string') {
      throw unavailable(`token answer ${res.status}/${code}`)
    }
    const t = now()
    return {
      accessToken: key['access_token'],
      idToken: typeof key['id_token'] === 'string' ? key['id_token'] : '',
      expiresAt: tokenExpiry(key['expires_in'], t) - EXPIRY_MARGIN_MS
    }
  }

  async function validToken(): Promise<Token> {
    if (!token || token.expiresAt <= now()) token = await takeToken()
    return token
  }

  async function checkOnce(query: GatewayQuery, t: Token): Promise<GatewayAnswer | 'unauthorised'> {
    const res = await post(CHECK_PATH, query, {
      token: t.accessToken,
      id_token: t.idToken,
      username: options.username,
      password: passwordHash
    })
    const json = parseJson(res.body)
    if (res.status === 401 || json?.['maKetQua'] === '401') return 'unauthorised'
    if (res.status >= 500) throw unavailable(`check answer ${res.status}`)
    if (!json || typeof json['maKetQua'] !== 'string')
      throw unavailable(`check answer ${res.status} without maKetQua`)
    return json as GatewayAnswer
  }

  return {
    async check(query) {
      const first = await checkOnce(query, await validToken())
      if (first !== 'unauthorised') return first
      token = null
      const second = await checkOnce(query, await validToken())
      if (second === 'unauthorised') throw authRefused('check 401 after a fresh token')
      return second
    },
    close: () => http.close()
  }
}
