import type { SyncTarget } from '../../../contract/status'
import { createEmchConnector } from '../connectors/emch/emch-connector'
import { createHisFhirConnector } from '../connectors/his/his-connector'
import type { Connector } from '../connectors/types'
import { createXml4750Connector } from '../connectors/xml4750/xml4750-connector'
import { createHttpClient, type HttpClient } from '../http-client'
import type { EndpointSettings, SyncSettings } from './sync-settings'

function client(e: EndpointSettings, s: SyncSettings): HttpClient {
  return createHttpClient({
    baseUrl: e.url,
    auth: e.auth,
    caFile: e.caFile,
    timeoutMs: s.timeoutMs,
    maxSockets: s.concurrency,
    allowPlainHttp: s.allowPlainHttp
  })
}

/**
 * One connector per configured target. A target without an endpoint gets none: its rows stay queued and the
 * flush reports it as unconfigured instead of failing them.
 */
export function buildConnectors(s: SyncSettings): Partial<Record<SyncTarget, Connector>> {
  const out: Partial<Record<SyncTarget, Connector>> = {}
  const batch = { maxBatch: s.batchSize }
  if (s.his.protocol === 'xml4750') {
    if (s.his.xmlMode === 'folder' && s.his.xmlFolder) {
      out.his = createXml4750Connector({ delivery: { kind: 'drop-folder', dir: s.his.xmlFolder } })
    } else if (s.his.xmlMode === 'post' && s.his.endpoint) {
      out.his = createXml4750Connector({ delivery: { kind: 'http', client: client(s.his.endpoint, s) } })
    }
  } else if (s.his.endpoint) {
    out.his = createHisFhirConnector(client(s.his.endpoint, s), batch)
  }
  if (s.emch) out.emch = createEmchConnector(client(s.emch, s), batch)
  return out
}

export function closeConnectors(connectors: Partial<Record<SyncTarget, Connector>>): void {
  for (const c of Object.values(connectors)) c?.close()
}
