import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { FaultPlan, type Fault, type FaultPath } from './faults'
import { FhirStore, type HandlerReply, type StoredResource } from './fhir-store'
import { XmlStore, type StoredXml } from './xml-store'

/**
 * A loopback-only HIS/eMCH stand-in for tests: POST /fhir takes FHIR R4 transaction Bundles, POST /xml takes
 * XML 4750 documents. It validates what arrives, dedups (conditional create on identifiers, one record per
 * MA_LK, and replays by Idempotency-Key), records what it stored, and fails on command. Admin routes under
 * /_admin/ let a test in another process inspect and steer it. It keeps no payloads beyond its store and
 * never prints them.
 */
export interface HisServerOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number
  /** Serve https with the self-signed certificate in ./tls (caFile tells clients which CA to trust). */
  https?: boolean
  /** Share of requests that fail at random (0–1), drawn from a seeded generator. */
  failureRate?: number
  seed?: number
  /** Exact Authorization header value required on /fhir and /xml, if set. */
  authorization?: string
  /** Validate Bundles against FHIR R4 (default true). */
  validate?: boolean
}

export interface RequestRecord {
  method: string
  path: string
  idempotencyKey: string | null
  /** HTTP status sent, or the fault that replaced the answer. */
  result: number | Fault['kind']
  replayed: boolean
  /** POST /fhir: the resource types of the Bundle's entries, in order (what a desk sent, never its content). */
  entryTypes?: string[]
}

export interface StoredSnapshot {
  fhir: StoredResource[]
  xml: StoredXml[]
}

export interface HisServer {
  url: string
  port: number
  /** PEM file to trust in https mode; null for http. */
  caFile: string | null
  stored(): StoredSnapshot
  requests(): RequestRecord[]
  /** TCP (or TLS) connections accepted so far: shows whether clients reuse keep-alive sockets. */
  connections(): number
  injectFault(fault: Fault, times?: number, path?: FaultPath | null): void
  setFailureRate(rate: number, seed?: number): void
  /** Empties the store, the key cache, the log and the fault plan. */
  reset(): void
  close(): Promise<void>
}

const MAX_BODY = 10 * 1024 * 1024

function entryTypesOf(body: Buffer): string[] | null {
  try {
    const b = JSON.parse(body.toString('utf8')) as { entry?: { resource?: { resourceType?: unknown } }[] }
    return (b.entry ?? []).map((e) => String(e.resource?.resourceType))
  } catch {
    return null
  }
}
const tlsDir = fileURLToPath(new URL('./tls/', import.meta.url))

interface KeyEntry {
  hash: string
  reply: HandlerReply | null
}

export async function startHisServer(options: HisServerOptions = {}): Promise<HisServer> {
  const fhir = new FhirStore()
  const xml = new XmlStore()
  const faults = new FaultPlan(options.seed ?? 1)
  if (options.failureRate) faults.setFailureRate(options.failureRate)
  const keys = new Map<string, KeyEntry>()
  let log: RequestRecord[] = []
  const hanging = new Set<http.ServerResponse>()
  const timers = new Set<NodeJS.Timeout>()

  function send(res: http.ServerResponse, r: HandlerReply, extra: Record<string, string> = {}): void {
    res.writeHead(r.status, {
      'content-type': r.contentType,
      'content-length': Buffer.byteLength(r.body),
      ...extra
    })
    res.end(r.body)
  }

  function sendSlowly(res: http.ServerResponse, r: HandlerReply, delayMs: number): void {
    const bytes = Buffer.from(r.body)
    // The client may die mid-reply (that is the point of this fault); its socket errors are expected.
    res.on('error', () => undefined)
    res.writeHead(r.status, { 'content-type': r.contentType, 'content-length': bytes.length })
    let i = 0
    const tick = (): void => {
      if (res.destroyed || i >= bytes.length) return void res.end()
      res.write(bytes.subarray(i, i + 1))
      i += 1
      const t = setTimeout(() => {
        timers.delete(t)
        tick()
      }, delayMs)
      timers.add(t)
    }
    tick()
  }

  function process(path: FaultPath, body: Buffer): HandlerReply {
    if (path === '/xml') return xml.receive(body)
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8'))
    } catch {
      parsed = null
    }
    return fhir.transaction(parsed, { validate: options.validate ?? true })
  }

  /** Idempotency-Key semantics (IETF draft): replay on same body, 422 on a different body, 409 while busy. */
  function processOnce(
    path: FaultPath,
    body: Buffer,
    key: string | null
  ): { reply: HandlerReply; replayed: boolean } {
    if (!key) return { reply: process(path, body), replayed: false }
    const hash = createHash('sha256').update(path).update(body).digest('hex')
    const seen = keys.get(`${path} ${key}`)
    if (seen) {
      if (seen.hash !== hash) {
        return {
          reply: {
            status: 422,
            contentType: 'application/json; charset=utf-8',
            body: JSON.stringify({ message: 'Idempotency-Key đã được dùng cho một nội dung khác.' })
          },
          replayed: false
        }
      }
      if (!seen.reply) {
        return {
          reply: {
            status: 409,
            contentType: 'application/json; charset=utf-8',
            body: '{"message":"Đang xử lý."}'
          },
          replayed: false
        }
      }
      return { reply: seen.reply, replayed: true }
    }
    const entry: KeyEntry = { hash, reply: null }
    keys.set(`${path} ${key}`, entry)
    const reply = process(path, body)
    // Server errors are not remembered: the client must be able to retry them.
    if (reply.status >= 500) keys.delete(`${path} ${key}`)
    else entry.reply = reply
    return { reply, replayed: false }
  }

  function admin(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
    const json = (status: number, value: unknown): void =>
      send(res, { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) })
    try {
      const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {}
      if (req.method === 'GET' && req.url === '/_admin/stored') return json(200, api.stored())
      if (req.method === 'GET' && req.url === '/_admin/requests') return json(200, api.requests())
      if (req.method === 'POST' && req.url === '/_admin/faults') {
        api.injectFault(
          input['fault'] as Fault,
          Number(input['times'] ?? 1),
          (input['path'] as FaultPath) ?? null
        )
        return json(200, { ok: true })
      }
      if (req.method === 'POST' && req.url === '/_admin/failure-rate') {
        api.setFailureRate(
          Number(input['rate']),
          input['seed'] === undefined ? undefined : Number(input['seed'])
        )
        return json(200, { ok: true })
      }
      if (req.method === 'POST' && req.url === '/_admin/reset') {
        api.reset()
        return json(200, { ok: true })
      }
      json(404, { message: 'unknown admin route' })
    } catch (e) {
      json(400, { message: e instanceof Error ? e.message : 'bad admin request' })
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = req.url ?? ''
      if (url.startsWith('/_admin/')) return admin(req, res, body)
      // The desk's lookup of a patient another desk registered (the HIS as the facility's shared memory), under
      // the same authorization as sending; a queued fault (e.g. hang) applies to it too.
      if (req.method === 'GET' && url.startsWith('/fhir/Patient?')) {
        const entry = (result: RequestRecord['result']): void =>
          void log.push({
            method: 'GET',
            path: '/fhir/Patient',
            idempotencyKey: null,
            result,
            replayed: false
          })
        if (options.authorization && req.headers['authorization'] !== options.authorization) {
          entry(401)
          return send(res, {
            status: 401,
            contentType: 'application/json',
            body: '{"message":"Sai thông tin đăng nhập."}'
          })
        }
        const lookupFault = faults.next('/fhir/Patient')
        if (lookupFault?.kind === 'hang') {
          entry('hang')
          hanging.add(res)
          res.on('close', () => hanging.delete(res))
          return
        }
        if (lookupFault?.kind === 'status') {
          entry(lookupFault.status)
          return send(res, { status: lookupFault.status, contentType: 'application/json', body: '{}' })
        }
        if (lookupFault) {
          entry(lookupFault.kind)
          return void req.socket.destroy()
        }
        entry(200)
        return send(res, fhir.search('Patient', url.slice('/fhir/Patient?'.length)))
      }
      const path: FaultPath | null =
        url === '/fhir' || url === '/fhir/' ? '/fhir' : url === '/xml' ? '/xml' : null
      const keyHeader = req.headers['idempotency-key']
      const key = typeof keyHeader === 'string' ? keyHeader : null
      const record = (result: RequestRecord['result'], replayed = false): void => {
        const types = path === '/fhir' ? entryTypesOf(body) : null
        log.push({
          method: req.method ?? '',
          path: url,
          idempotencyKey: key,
          result,
          replayed,
          ...(types ? { entryTypes: types } : {})
        })
      }
      if (!path || req.method !== 'POST') {
        record(404)
        return send(res, {
          status: 404,
          contentType: 'application/json',
          body: '{"message":"Không tìm thấy."}'
        })
      }
      if (size > MAX_BODY) {
        record(413)
        return send(res, { status: 413, contentType: 'application/json', body: '{"message":"Tệp quá lớn."}' })
      }
      if (options.authorization && req.headers['authorization'] !== options.authorization) {
        record(401)
        return send(res, {
          status: 401,
          contentType: 'application/json',
          body: '{"message":"Sai thông tin đăng nhập."}'
        })
      }
      const fault = faults.next(path)
      if (fault) record(fault.kind === 'status' ? fault.status : fault.kind)
      switch (fault?.kind) {
        case 'status': {
          const headers: Record<string, string> = fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}
          const errorBody = fault.body ?? JSON.stringify({ message: `Lỗi thử nghiệm ${fault.status}` })
          return send(
            res,
            { status: fault.status, contentType: fault.contentType ?? 'application/json', body: errorBody },
            headers
          )
        }
        case 'hang':
          hanging.add(res)
          res.on('close', () => hanging.delete(res))
          return
        case 'reset':
          return void req.socket.destroy()
        case 'reset-after-store':
          processOnce(path, body, key)
          return void req.socket.destroy()
        case 'slow-body':
          return sendSlowly(res, processOnce(path, body, key).reply, fault.chunkDelayMs)
        default: {
          const { reply, replayed } = processOnce(path, body, key)
          record(reply.status, replayed)
          return send(res, reply, replayed ? { 'idempotent-replayed': 'true' } : {})
        }
      }
    })
  }

  const server: http.Server = options.https
    ? https.createServer(
        { cert: readFileSync(`${tlsDir}cert.pem`), key: readFileSync(`${tlsDir}key.pem`) },
        handle
      )
    : http.createServer(handle)
  // Longer than any client's idle reuse window, so a keep-alive socket is not closed as it is reused.
  server.keepAliveTimeout = 30_000
  server.on('clientError', (_e, socket) => socket.destroy())
  let accepted = 0
  server.on(options.https ? 'secureConnection' : 'connection', () => {
    accepted += 1
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  const api: HisServer = {
    url: `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    caFile: options.https ? `${tlsDir}cert.pem` : null,
    stored: () => ({ fhir: fhir.all(), xml: xml.all() }),
    requests: () => log.map((r) => ({ ...r })),
    connections: () => accepted,
    injectFault: (fault, times = 1, path = null) => faults.inject(fault, times, path),
    setFailureRate: (rate, seed) => faults.setFailureRate(rate, seed),
    reset: () => {
      fhir.clear()
      xml.clear()
      keys.clear()
      faults.clear()
      log = []
    },
    close: async () => {
      for (const t of timers) clearTimeout(t)
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
  return api
}
