import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import { AppError } from '../../contract/errors'
import type { MessageKey } from '../../contract/messages'
import { plainHttpRefusal } from './transport/plain-http'

/**
 * A small HTTP client for the sync connectors on node:http/https: keep-alive agents, one deadline for the
 * whole exchange (so a server that trickles its body cannot hold a send forever), a bounded response
 * body, bearer or basic auth, an optional CA file for a facility's private TLS root, and the
 * Idempotency-Key header. It never logs: bodies and headers may carry personal data.
 *
 * Its safety cannot be talked away (docs/adr/0017): plain http:// only to this machine unless IT allowed it;
 * certificates always verified against an explicit CA list, whatever NODE_TLS_REJECT_UNAUTHORIZED or
 * NODE_EXTRA_CA_CERTS say.
 */
export type HttpAuth =
  { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string }

export interface HttpClientOptions {
  /** e.g. https://his.example.vn/fhir — request paths are appended to it. */
  baseUrl: string
  auth?: HttpAuth | null
  /** PEM file with the CA(s) that sign the target's certificate, added to Node's default roots. */
  caFile?: string | null
  /** Deadline for one request, from connect to the last body byte. Default 30 s. */
  timeoutMs?: number
  /** Largest response body accepted. Default 1 MiB. */
  maxResponseBytes?: number
  /** Concurrent sockets per target. Default 4. */
  maxSockets?: number
  /** Plain http:// to another host; only IT's machine config turns this on (sync.allowPlainHttp). */
  allowPlainHttp?: boolean
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT'
  /** Appended to the base URL; '' posts to the base URL itself. */
  path?: string
  /** Query-string parameters (URL-encoded here). A URL may then carry secrets: never log it. */
  query?: Record<string, string>
  headers?: Record<string, string>
  body?: string | Buffer
  /** Sent as Idempotency-Key; the same key for every resend of one record. */
  idempotencyKey?: string
  signal?: AbortSignal
}

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export type HttpFailureKind = 'timeout' | 'network' | 'tls' | 'too-large' | 'aborted'

/** A request that produced no usable response. `code` is Node's error code, never request content. */
export class HttpTransportError extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly code: string | undefined,
    message: string
  ) {
    super(message)
    this.name = 'HttpTransportError'
  }
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>
  /** Closes idle keep-alive sockets. */
  close(): void
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH'
])

export function isTlsErrorCode(code: string | undefined): boolean {
  return !!code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
}

function joinPath(base: URL, path: string | undefined): URL {
  const url = new URL(base.href)
  if (path) url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  return url
}

function authHeader(auth: HttpAuth | null | undefined): string | null {
  if (!auth) return null
  if (auth.kind === 'bearer') return `Bearer ${auth.token}`
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`
}

function configError(key: MessageKey, en: string): AppError {
  return AppError.of('CONFIG_INVALID', key).withDetail(en)
}

function readCa(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    throw configError('error.config.caUnreadable', 'CA file cannot be read')
  }
}

/** Throws AppError CONFIG_INVALID for a malformed URL or an unreadable CA file (settings IT must fix). */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  let base: URL
  try {
    base = new URL(options.baseUrl)
  } catch {
    throw configError('error.config.urlInvalid', 'target URL is malformed')
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw configError('error.config.urlProtocol', 'unsupported protocol')
  }
  const refusedHost = plainHttpRefusal(base.href, options.allowPlainHttp === true)
  if (refusedHost !== null)
    throw AppError.of('CONFIG_INVALID', 'config.plainHttpRefused', { host: refusedHost })
  const isHttps = base.protocol === 'https:'
  const timeoutMs = options.timeoutMs ?? 30_000
  const maxBytes = options.maxResponseBytes ?? 1024 * 1024
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 4, keepAliveMsecs: 10_000 }
  const agent = isHttps
    ? new https.Agent({
        ...agentOptions,
        // Pinned: an explicit option wins over NODE_TLS_REJECT_UNAUTHORIZED=0, an explicit CA list over
        // NODE_EXTRA_CA_CERTS. A facility's private root is added to Node's bundled roots.
        rejectUnauthorized: true,
        ca: [...tls.rootCertificates, ...(options.caFile ? [readCa(options.caFile)] : [])]
      })
    : new http.Agent(agentOptions)
  const authorization = authHeader(options.auth)

  function request(req: HttpRequest): Promise<HttpResponse> {
    const url = joinPath(base, req.path)
    for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v)
    const headers: Record<string, string> = { accept: '*/*', ...req.headers }
    if (authorization) headers['authorization'] = authorization
    if (req.idempotencyKey) headers['idempotency-key'] = req.idempotencyKey
    const body =
      req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body)
    if (body) headers['content-length'] = String(body.length)

    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false
      const finish = (fn: () => void): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        req.signal?.removeEventListener('abort', onAbort)
        fn()
      }
      const fail = (e: HttpTransportError): void => {
        finish(() => reject(e))
        outgoing.destroy()
      }
      const send = isHttps ? https.request : http.request
      const outgoing = send(url, {
        method: req.method,
        headers,
        agent,
        ...(isHttps ? { rejectUnauthorized: true } : {})
      })
      const timer = setTimeout(
        () =>
          fail(new HttpTransportError('timeout', 'ETIMEDOUT', `no complete response within ${timeoutMs} ms`)),
        timeoutMs
      )
      const onAbort = (): void => fail(new HttpTransportError('aborted', 'ABORT_ERR', 'request aborted'))
      if (req.signal?.aborted) return onAbort()
      req.signal?.addEventListener('abort', onAbort, { once: true })

      outgoing.on('error', (e: NodeJS.ErrnoException) => {
        const code = e.code
        const kind: HttpFailureKind = isTlsErrorCode(code) ? 'tls' : 'network'
        finish(() => reject(new HttpTransportError(kind, code, `${kind} error ${code ?? e.name}`)))
      })
      outgoing.on('response', (res) => {
        const declared = Number(res.headers['content-length'])
        if (Number.isFinite(declared) && declared > maxBytes) {
          return fail(
            new HttpTransportError(
              'too-large',
              undefined,
              `response of ${declared} bytes exceeds ${maxBytes}`
            )
          )
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) {
            fail(new HttpTransportError('too-large', undefined, `response exceeds ${maxBytes} bytes`))
            res.destroy()
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () =>
          finish(() =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
          )
        )
        res.on('error', (e: NodeJS.ErrnoException) =>
          finish(() =>
            reject(new HttpTransportError('network', e.code, `response interrupted ${e.code ?? e.name}`))
          )
        )
        res.on('aborted', () =>
          finish(() => reject(new HttpTransportError('network', 'ECONNRESET', 'response interrupted')))
        )
      })
      outgoing.end(body)
    })
  }

  return { request, close: () => agent.destroy() }
}
