import { AppError } from '../../../contract/errors'
import type { HttpAuth } from '../http-client'
import type { RetryPolicy } from '../worker/backoff'
import type { ConfigValue } from './keys'

export interface EndpointSettings {
  url: string
  auth: HttpAuth | null
  caFile: string | null
}

/** A local-time span, "HH:MM" each; end before start means it crosses midnight (22:00–05:00). */
export interface TimeWindow {
  start: string
  end: string
}

/** What the worker and the scheduler run with: the effective configuration, typed, secrets opened. */
export interface SyncSettings {
  facility: { code: string | null; name: string | null }
  his: {
    protocol: 'fhir' | 'xml4750'
    endpoint: EndpointSettings | null
    xmlMode: 'post' | 'folder'
    xmlFolder: string | null
  }
  emch: EndpointSettings | null
  window: TimeWindow
  online: boolean
  onlineEveryMinutes: number
  timeoutMs: number
  concurrency: number
  batchSize: number
  retry: RetryPolicy
  /** IT allowed plain http:// beyond loopback in the machine config. */
  allowPlainHttp: boolean
}

type Values = Record<string, ConfigValue | null>

const str = (v: Values, k: string): string | null => (typeof v[k] === 'string' ? (v[k] as string) : null)
const num = (v: Values, k: string, d: number): number => (typeof v[k] === 'number' ? (v[k] as number) : d)

function missing(key: string): AppError {
  return AppError.of('CONFIG_INVALID', 'error.config.missing', { key })
}

function endpoint(v: Values, prefix: 'his' | 'emch'): EndpointSettings | null {
  const url = str(v, `${prefix}.url`)
  if (!url) return null
  let auth: HttpAuth | null = null
  const kind = str(v, `${prefix}.auth`) ?? 'none'
  if (kind === 'bearer') {
    const token = str(v, `${prefix}.token`)
    if (!token) throw missing(`${prefix}.token`)
    auth = { kind: 'bearer', token }
  } else if (kind === 'basic') {
    const username = str(v, `${prefix}.username`)
    const password = str(v, `${prefix}.password`)
    if (!username) throw missing(`${prefix}.username`)
    if (!password) throw missing(`${prefix}.password`)
    auth = { kind: 'basic', username, password }
  }
  return { url, auth, caFile: str(v, `${prefix}.ca`) }
}

export function parseWindow(text: string): TimeWindow {
  const [start, end] = text.split('-').map((s) => s.trim())
  return { start: start!, end: end! }
}

export function syncSettingsFrom(v: Values): SyncSettings {
  return {
    facility: { code: str(v, 'facility.code'), name: str(v, 'facility.name') },
    his: {
      protocol: str(v, 'his.protocol') === 'xml4750' ? 'xml4750' : 'fhir',
      endpoint: endpoint(v, 'his'),
      xmlMode: str(v, 'xml.mode') === 'folder' ? 'folder' : 'post',
      xmlFolder: str(v, 'xml.folder')
    },
    emch: endpoint(v, 'emch'),
    window: parseWindow(str(v, 'schedule.window') ?? '22:00-05:00'),
    online: v['schedule.online'] === true,
    onlineEveryMinutes: num(v, 'schedule.onlineEveryMinutes', 15),
    timeoutMs: num(v, 'sync.timeoutMs', 30_000),
    concurrency: num(v, 'sync.concurrency', 4),
    batchSize: num(v, 'sync.batchSize', 20),
    allowPlainHttp: v['sync.allowPlainHttp'] === true,
    retry: {
      baseMs: num(v, 'sync.retry.baseMs', 30_000),
      capMs: num(v, 'sync.retry.capMs', 3_600_000),
      maxAttempts: num(v, 'sync.retry.maxAttempts', 20)
    }
  }
}
