import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { EventName, EventPayload } from '../contract/api'
import type { Gate } from '../core/auth/gate'
import { AppError } from '../contract/errors'
import { STATIC_HEADERS } from '../core/security-headers'

export interface WebServerOptions {
  /** The session gate over the contract handlers (core/auth/gate.ts). */
  gate: Gate
  /** Built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface WebServer {
  url: string
  /** URL with the per-launch token in the fragment (never sent to the server, never logged). */
  launchUrl: string
  token: string
  publish<E extends EventName>(name: E, payload: EventPayload<E>): void
  close(): Promise<void>
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
/**
 * The largest call body accepted (docs/adr/0017). The biggest real call (a registration with a guardian, or a
 * QR text of 8,192 characters) is a few tens of kB; a larger body is refused before it is read or parsed.
 */
export const MAX_BODY = 256 * 1024

class BodyTooLarge extends Error {
  constructor(readonly bytes: number) {
    super('body too large')
  }
}

export const SESSION_COOKIE = 'reception_session'

/** The session cookie's value: HttpOnly (no script reads it), SameSite=Strict, only sent to the API. */
function sessionCookie(sessionId: string | null): string {
  const base = `${SESSION_COOKIE}=${sessionId ?? ''}; Path=/api; HttpOnly; SameSite=Strict`
  return sessionId ? base : `${base}; Max-Age=0`
}

function cookieSession(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === SESSION_COOKIE) return v.join('=') || null
  }
  return null
}

/**
 * Browser mode: the same contract handlers behind a loopback HTTP transport. Bound to 127.0.0.1 on a random port;
 * every API request needs the per-launch bearer token, a Host of exactly 127.0.0.1:port (no DNS rebinding) and, when
 * the browser sends one, our own Origin. It is a second transport, not a second app. After sign-in the session
 * rides in an HttpOnly cookie, bound to the launch token: the gate refuses personal data without both.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  const subscribers = new Map<ServerResponse, string | null>()
  let origin = ''

  const tokenOk = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? ''
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes)
  }

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {}
  ): void => {
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...STATIC_HEADERS,
      ...extra
    })
    res.end(JSON.stringify(body))
  }

  const refuseTooLarge = (res: ServerResponse, bytes: number): void => {
    const error = AppError.of('VALIDATION', 'input.tooLarge', { bytes, max: MAX_BODY }).toValue()
    res.shouldKeepAlive = false
    sendJson(res, 413, { ok: false, error })
  }

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size > MAX_BODY) {
          // Stop reading at once: the rest of the upload is never buffered.
          req.pause()
          reject(new BodyTooLarge(size))
        } else chunks.push(c)
      })
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      req.on('error', reject)
    })

  const serveStatic = async (res: ServerResponse, pathname: string): Promise<void> => {
    const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
    const file = normalize(join(opts.rendererDir, rel))
    if (!file.startsWith(normalize(opts.rendererDir) + sep)) return sendJson(res, 404, { error: 'not found' })
    try {
      const body = await readFile(file)
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        ...STATIC_HEADERS
      })
      res.end(body)
    } catch {
      sendJson(res, 404, { error: 'not found' })
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin)
      if (req.headers.host !== new URL(origin).host) return sendJson(res, 421, { error: 'wrong host' })
      const reqOrigin = req.headers.origin
      if (reqOrigin !== undefined && reqOrigin !== origin)
        return sendJson(res, 403, { error: 'origin refused' })

      if (!url.pathname.startsWith('/api/')) {
        if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' })
        return serveStatic(res, url.pathname)
      }
      if (!tokenOk(req)) return sendJson(res, 401, { error: 'token required' })

      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive'
        })
        res.write(': connected\n\n')
        // Events carry card reads: each frame goes only to a stream whose session is signed in and unlocked.
        subscribers.set(res, cookieSession(req))
        req.on('close', () => subscribers.delete(res))
        return
      }
      const m = /^\/api\/call\/([a-z]+:[a-zA-Z-]+)$/.exec(url.pathname)
      if (!m || req.method !== 'POST') return sendJson(res, 404, { error: 'not found' })
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'json required' })
      }
      const declared = Number(req.headers['content-length'])
      if (Number.isFinite(declared) && declared > MAX_BODY) return refuseTooLarge(res, declared)
      let input: unknown
      try {
        input = JSON.parse((await readBody(req)) || '{}')
      } catch (e) {
        if (e instanceof BodyTooLarge) return refuseTooLarge(res, e.bytes)
        return sendJson(res, 400, { error: 'bad json' })
      }
      const sessionId = cookieSession(req)
      const outcome = await opts.gate.call(sessionId, m[1]!, input, token)
      const headers: Record<string, string> =
        outcome.sessionId !== sessionId ? { 'Set-Cookie': sessionCookie(outcome.sessionId) } : {}
      // Sign-in, switch user or sign-out: streams of the old session end, and the page reconnects with its new
      // cookie (a stream never changes owner by itself).
      if (outcome.sessionId !== sessionId) {
        for (const [sub, sid] of subscribers) {
          if (sid !== sessionId) continue
          subscribers.delete(sub)
          sub.end()
        }
      }
      sendJson(res, 200, outcome.result, headers)
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' })
      else res.end()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: origin,
    launchUrl: `${origin}/#token=${token}`,
    token,
    publish(name, payload) {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const [s, sessionId] of subscribers) if (opts.gate.mayReceive(sessionId, token)) s.write(frame)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of subscribers.keys()) s.end()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
