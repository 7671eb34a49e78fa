import type { HisLookupSettings } from '../sync/config/his-lookup-settings'
import {
  createHisPatientLookup,
  LOOKUP_TIMEOUT_MS,
  type HisLookupResult,
  type HisPatientLookup,
  facilityCodeOf
} from '../sync/connectors/fhir/patient-lookup'
import { createHttpClient } from '../sync/http-client'

/**
 * The HIS as the facility's shared memory (docs/adr/0024): the desk asks the HIS whether another desk already
 * registered an ID number, and remembers the answer for this running app so that the chip read after a QR, and
 * the save after either, do not ask again. A slow or dead HIS costs one deadline; the next scans within
 * OFFLINE_PAUSE_MS are answered "offline" at once, so the desk is never held up scan after scan.
 */
export interface HisMemory {
  /** The HIS's answer for a 12-digit ID number; null when the desk does not ask (lookup off, no FHIR HIS). */
  ask(idNumber: string): Promise<HisLookupResult | null>
  /** The HIS Patient.id the HIS gave for this ID number during this run, for the save. */
  hisIdFor(idNumber: string): string | null
  /** The facility patient code (MA_BN) that HIS Patient carries, if any (docs/adr/0029). */
  hisCodeFor(idNumber: string): string | null
  close(): void
}

export interface HisMemoryOptions {
  /** Read at every ask, so `config set his.lookup false` takes effect at the next scan. May throw CONFIG_INVALID. */
  settings: () => HisLookupSettings | null
  /** Monotonic-enough milliseconds for the memory's timers (not the app clock, which tests freeze). */
  now?: () => number
  /** Builds the lookup for a configuration (tests inject one). */
  connect?: (s: HisLookupSettings) => { lookup: HisPatientLookup; close: () => void }
  timeoutMs?: number
}

/** A found patient stays known for a working day: the form may be left open a long time before the save. */
export const FOUND_KEPT_MS = 12 * 60 * 60 * 1000
/** "Not found" only covers the QR-then-chip of one patient: desk 1 may send the record a minute later. */
export const NOT_FOUND_KEPT_MS = 60 * 1000
export const OFFLINE_PAUSE_MS = 30 * 1000
const MAX_REMEMBERED = 2000

interface Remembered {
  result: HisLookupResult
  until: number
}

function connectOver(s: HisLookupSettings, timeoutMs: number) {
  const http = createHttpClient({
    baseUrl: s.endpoint.url,
    auth: s.endpoint.auth,
    caFile: s.endpoint.caFile,
    timeoutMs,
    maxSockets: 2,
    allowPlainHttp: s.allowPlainHttp
  })
  return { lookup: createHisPatientLookup(http, { timeoutMs }), close: () => http.close() }
}

export function createHisMemory(options: HisMemoryOptions): HisMemory {
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS
  const connect = options.connect ?? ((s: HisLookupSettings) => connectOver(s, timeoutMs))
  const remembered = new Map<string, Remembered>()
  const inFlight = new Map<string, Promise<HisLookupResult>>()
  let offlineUntil = 0
  let current: { key: string; lookup: HisPatientLookup; close: () => void } | null = null

  function lookupFor(s: HisLookupSettings): HisPatientLookup {
    const key = JSON.stringify(s)
    if (current?.key !== key) {
      current?.close()
      current = { key, ...connect(s) }
    }
    return current.lookup
  }

  function remember(idNumber: string, result: HisLookupResult): void {
    if (result.state === 'offline') {
      offlineUntil = now() + OFFLINE_PAUSE_MS
      return
    }
    remembered.delete(idNumber)
    remembered.set(idNumber, {
      result,
      until: now() + (result.state === 'found' ? FOUND_KEPT_MS : NOT_FOUND_KEPT_MS)
    })
    if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!)
  }

  function recall(idNumber: string): HisLookupResult | null {
    const r = remembered.get(idNumber)
    if (!r) return null
    if (r.until > now()) return r.result
    remembered.delete(idNumber)
    return null
  }

  async function askHis(lookup: HisPatientLookup, idNumber: string): Promise<HisLookupResult> {
    try {
      return await lookup.findByIdNumber(idNumber)
    } catch {
      // Whatever went wrong on the way, the desk goes on with its own records.
      return { state: 'offline', why: 'lookup failed' }
    }
  }

  return {
    async ask(idNumber) {
      if (!/^\d{12}$/.test(idNumber)) return null
      let settings: HisLookupSettings | null
      try {
        settings = options.settings()
      } catch {
        return { state: 'offline', why: 'config' }
      }
      if (!settings) return null
      const known = recall(idNumber)
      if (known) return known
      if (offlineUntil > now()) return { state: 'offline', why: 'recently offline' }
      const pending = inFlight.get(idNumber)
      if (pending) return pending
      const asked = askHis(lookupFor(settings), idNumber).then((result) => {
        inFlight.delete(idNumber)
        remember(idNumber, result)
        return result
      })
      inFlight.set(idNumber, asked)
      return asked
    },
    hisIdFor(idNumber) {
      const known = recall(idNumber)
      return known?.state === 'found' ? known.hit.hisId : null
    },
    hisCodeFor(idNumber) {
      const known = recall(idNumber)
      return known?.state === 'found' ? facilityCodeOf(known.hit) : null
    },
    close() {
      current?.close()
      current = null
      remembered.clear()
    }
  }
}
