import { arch, platform, release } from 'node:os'
import type { Services } from '../index'
import { queueStatus } from '../queue/queue-status'
import { openSyncConfig } from '../sync/config/open-config'
import { tailLogs, formatLogLine } from '../logging/log-files'
import { scrubText } from '../logging/scrub'
import { resolveDeskCode } from '../desk/desk-code'

export interface Diagnostics {
  generatedAt: string
  versions: { app: string; node: string; electron: string | null; chrome: string | null; os: string }
  mode: string
  /** Effective config with the source of each value; secrets say only whether they are set. */
  config: { key: string; value: string | number | boolean | null; source: string; secretSet?: boolean }[]
  configError: string | null
  machineConfigPath: string
  /** The desk part of new patient codes (docs/adr/0029) and where it comes from. */
  deskCode: { code: string; source: 'config' | 'derived'; problem: string | null }
  queue: ReturnType<typeof queueStatus>
  reader: { state: string; readerName: string | null }
  scanner: { state: string; name: string | null }
  /** The last warnings and errors of the app and CLI logs (already free of personal data). */
  recentErrors: string[]
}

/**
 * What facility IT needs to answer "this desk does not work" without a remote session: versions, config
 * (no secrets), queue counts, device state and recent errors. Nothing in it identifies a patient.
 */
export function collectDiagnostics(services: Services): Diagnostics {
  const store = openSyncConfig(services)
  let config: Diagnostics['config'] = []
  let configError: string | null = null
  try {
    config = store
      .list()
      .map((e) =>
        e.secret
          ? { key: e.key, value: null, source: e.source, secretSet: e.isSet }
          : { key: e.key, value: e.value, source: e.source }
      )
  } catch (e) {
    configError = e instanceof Error ? e.message : String(e)
  }
  const desk = resolveDeskCode(services.options.dataDir, store)
  const { reader, scanner } = services.devices
  return {
    generatedAt: services.clock().toISOString(),
    versions: {
      app: services.options.version,
      node: process.versions.node,
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      os: `${platform()} ${release()} ${arch()}`
    },
    mode: services.options.mode,
    config,
    configError,
    machineConfigPath: store.machinePath,
    deskCode: { code: desk.code, source: desk.source, problem: desk.problem ?? null },
    queue: queueStatus(services.db),
    reader: { state: reader.state, readerName: reader.readerName },
    scanner: { state: scanner.state, name: scanner.name },
    recentErrors: tailLogs(services.options.dataDir, 20, 'warn').map((l) => scrubText(formatLogLine(l)))
  }
}

/** Plain text for the clipboard or a ticket. */
export function formatDiagnostics(d: Diagnostics): string {
  const lines = [
    `Tiếp đón CCCD — chẩn đoán / diagnostics ${d.generatedAt}`,
    `app ${d.versions.app}, node ${d.versions.node}${d.versions.electron ? `, electron ${d.versions.electron}` : ''}, ${d.versions.os}, mode ${d.mode}`,
    `reader: ${d.reader.state}${d.reader.readerName ? ` (${d.reader.readerName})` : ''}; scanner: ${d.scanner.state}${d.scanner.name ? ` (${d.scanner.name})` : ''}`,
    `queue: ${d.queue.waiting} waiting; ${Object.entries(d.queue.byTarget)
      .map(([t, c]) => `${t} ${JSON.stringify(c)}`)
      .join('; ')}`,
    `machine config: ${d.machineConfigPath}`,
    `desk code: ${d.deskCode.code} [${d.deskCode.source}]${d.deskCode.problem ? ` (${d.deskCode.problem})` : ''}`,
    ...(d.configError ? [`config error: ${d.configError}`] : []),
    ...d.config.map(
      (c) =>
        `  ${c.key} = ${c.secretSet === undefined ? String(c.value) : c.secretSet ? '(set, sealed)' : '(not set)'} [${c.source}]`
    ),
    `recent warnings/errors (${d.recentErrors.length}):`,
    ...d.recentErrors.map((l) => `  ${l}`)
  ]
  return lines.join('\n')
}
