import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A loopback stand-in for the BHXH gateway (docs/desk-duties.md §1) for tests and training: POST
 * /api/token/take and POST /api/egw/KQNhanLichSuKCB2024 with the documented shapes. It knows a few accounts, a few
 * registered staff (054/055 otherwise), and cards by their lookup key; name and birth-date mismatches answer
 * 060/070, an unknown card 050, and any card can be set to answer a given code. Tokens expire; the gateway can be
 * made slow, broken (HTTP 500) or dead (connections dropped). It records each call without its secrets.
 */
export interface GatewayCard {
  /** The answer's maKetQua when name and birth date match (default '000'). */
  code?: string
  hoTen: string
  /** dd/MM/yyyy, or yyyy. */
  ngaySinh: string
  gioiTinh?: 'Nam' | 'Nữ'
  /** Any other documented reply field: maThe, maDKBD, gtTheTu, gtTheDen, maKV, maTheMoi, dsLichSuKT2018 … */
  fields?: Record<string, unknown>
}

export interface BhxhGatewayOptions {
  port?: number
  /** user name → plain password (the gateway compares the uppercase MD5). */
  accounts?: Record<string, string>
  /** staff CCCD → registered full name. */
  staff?: Record<string, string>
  /** lookup key (12-digit ID, 10-digit BHXH number or card code) → card. */
  cards?: Record<string, GatewayCard>
  tokenTtlSeconds?: number
  /** How expires_in is written: seconds, an epoch timestamp, or a datetime string. */
  expiresInForm?: 'seconds' | 'timestamp' | 'datetime'
}

export interface GatewayCall {
  path: string
  maThe: string | null
  /** The answer's maKetQua, or the HTTP status when there was no JSON answer. */
  result: string
}

export type GatewayMode = 'ok' | 'slow' | 'error' | 'dead'

export interface BhxhGatewayServer {
  url: string
  calls(): GatewayCall[]
  /** Every access and id token issued so far (tests grep outputs and files for them). */
  issuedTokens(): string[]
  /** Every token issued so far stops working (as after the gateway's ~10 minutes). */
  expireTokens(): void
  setMode(mode: GatewayMode, slowMs?: number): void
  setCard(key: string, card: GatewayCard): void
  close(): Promise<void>
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex').toUpperCase()
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()

export async function startBhxhGateway(options: BhxhGatewayOptions = {}): Promise<BhxhGatewayServer> {
  const accounts = options.accounts ?? { '22001_BV': 'mat-khau-thu' }
  const staff = options.staff ?? { '022190001111': 'Trần Thị Lễ Tân' }
  const cards = new Map(Object.entries(options.cards ?? {}))
  const ttl = options.tokenTtlSeconds ?? 600
  const tokens = new Map<string, { user: string; expiresAt: number }>()
  const calls: GatewayCall[] = []
  const issued: string[] = []
  let mode: GatewayMode = 'ok'
  let slowMs = 0

  const reply = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text)
    })
    res.end(text)
  }

  function expiresIn(now: number): number | string {
    if (options.expiresInForm === 'timestamp') return Math.floor(now / 1000) + ttl
    if (options.expiresInForm === 'datetime') return new Date(now + ttl * 1000).toISOString()
    return ttl
  }

  function takeToken(body: Record<string, unknown>): { status: number; body: unknown; code: string } {
    const user = String(body['username'] ?? '')
    const plain = accounts[user]
    if (plain === undefined || body['password'] !== md5(plain))
      return { status: 200, body: { maKetQua: '401' }, code: '401' }
    const access = randomBytes(16).toString('hex')
    tokens.set(access, { user, expiresAt: Date.now() + ttl * 1000 })
    const idToken = randomBytes(8).toString('hex')
    issued.push(access, idToken)
    const APIKey = {
      access_token: access,
      id_token: idToken,
      token_type: 'Bearer',
      username: user,
      expires_in: expiresIn(Date.now())
    }
    return { status: 200, body: { maKetQua: '200', APIKey }, code: '200' }
  }

  function check(url: URL, body: Record<string, unknown>): { body: Record<string, unknown>; code: string } {
    const t = tokens.get(url.searchParams.get('token') ?? '')
    const user = url.searchParams.get('username') ?? ''
    if (
      !t ||
      t.expiresAt <= Date.now() ||
      t.user !== user ||
      url.searchParams.get('password') !== md5(accounts[user] ?? '')
    ) {
      return { body: { maKetQua: '401', ghiChu: 'Token không hợp lệ' }, code: '401' }
    }
    const required = ['maThe', 'hoTen', 'ngaySinh', 'hoTenCb', 'cccdCb']
    if (required.some((k) => typeof body[k] !== 'string' || !(body[k] as string).trim()))
      return { body: { maKetQua: '205' }, code: '205' }
    const staffName = staff[String(body['cccdCb'])]
    if (staffName === undefined) return { body: { maKetQua: '054' }, code: '054' }
    if (fold(staffName) !== fold(String(body['hoTenCb']))) return { body: { maKetQua: '055' }, code: '055' }
    const card = cards.get(String(body['maThe']).toUpperCase())
    if (!card) return { body: { maKetQua: '050', ghiChu: 'Không có thông tin thẻ' }, code: '050' }
    if (fold(card.hoTen) !== fold(String(body['hoTen']))) return { body: { maKetQua: '060' }, code: '060' }
    const dob = String(body['ngaySinh'])
    if (dob !== card.ngaySinh && dob !== card.ngaySinh.slice(-4))
      return { body: { maKetQua: '070' }, code: '070' }
    const code = card.code ?? '000'
    return {
      body: {
        maKetQua: code,
        ghiChu: '',
        hoTen: card.hoTen,
        ngaySinh: card.ngaySinh,
        gioiTinh: card.gioiTinh ?? 'Nam',
        ...card.fields
      },
      code
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      if (mode === 'dead') return req.socket.destroy()
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
      } catch {
        body = {}
      }
      const answer = (): void => {
        if (mode === 'error') {
          calls.push({
            path: url.pathname,
            maThe: typeof body['maThe'] === 'string' ? body['maThe'] : null,
            result: '500'
          })
          return reply(res, 500, { maKetQua: '500' })
        }
        if (req.method === 'POST' && url.pathname === '/api/token/take') {
          const r = takeToken(body)
          calls.push({ path: url.pathname, maThe: null, result: r.code })
          return reply(res, r.status, r.body)
        }
        if (req.method === 'POST' && url.pathname === '/api/egw/KQNhanLichSuKCB2024') {
          const r = check(url, body)
          calls.push({
            path: url.pathname,
            maThe: typeof body['maThe'] === 'string' ? body['maThe'] : null,
            result: r.code
          })
          return reply(res, 200, r.body)
        }
        calls.push({ path: url.pathname, maThe: null, result: '404' })
        reply(res, 404, { maKetQua: '404' })
      }
      if (mode === 'slow') setTimeout(answer, slowMs)
      else answer()
    })
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => [...calls],
    issuedTokens: () => [...issued],
    expireTokens: () => tokens.clear(),
    setMode: (m, ms = 0) => {
      mode = m
      slowMs = ms
    },
    setCard: (key, card) => void cards.set(key.toUpperCase(), card),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
