import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { localized, type Localized } from '../../contract/messages'
import { deriveDeskCode, formatPatientCode, isDeskCode } from '../../contract/rules/patient-code'
import { writePrivateFile } from '../config/private-file'
import type { SyncConfigStore } from '../sync/config/config-store'

/** A random id made once per data directory: the derived desk code comes from it, never from personal data. */
export const INSTALLATION_FILE = 'installation.json'

export interface DeskCode {
  code: string
  /** 'config': IT's `desk.code`; 'derived': from this installation's random id. */
  source: 'config' | 'derived'
  /** Set when `desk.code` is stored but unusable: the desk goes on with the derived code (docs/adr/0029). */
  problem?: string
}

function readInstallationId(path: string): string | null {
  if (!existsSync(path)) return null
  try {
    const id = (JSON.parse(readFileSync(path, 'utf8')) as { id?: unknown }).id
    return typeof id === 'string' && /^[0-9a-f]{32}$/.test(id) ? id : null
  } catch {
    return null
  }
}

/** This installation's random id, created on first use and then read back unchanged. */
export function installationId(dataDir: string): string {
  const path = join(dataDir, INSTALLATION_FILE)
  const known = readInstallationId(path)
  if (known) return known
  const id = randomBytes(16).toString('hex')
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writePrivateFile(path, JSON.stringify({ id, createdAt: new Date().toISOString() }, null, 2) + '\n')
  return id
}

export function derivedDeskCode(dataDir: string): string {
  return deriveDeskCode(installationId(dataDir))
}

/**
 * The prefix of the codes this desk gives new patients: IT's `desk.code` when set, else the installation's
 * derived code. A broken `desk.code` in a hand-written file does not stop registration: the derived code is
 * unique too, and the problem is reported where IT looks (config show, diagnostics).
 */
export function resolveDeskCode(dataDir: string, config: Pick<SyncConfigStore, 'get'>): DeskCode {
  try {
    const value = config.get('desk.code').value
    if (typeof value === 'string' && isDeskCode(value)) return { code: value, source: 'config' }
  } catch (e) {
    return {
      code: derivedDeskCode(dataDir),
      source: 'derived',
      problem: e instanceof Error ? e.message : String(e)
    }
  }
  return { code: derivedDeskCode(dataDir), source: 'derived' }
}

/** What `config show` and diagnostics say about the desk code: the code, where it comes from, an example. */
export function describeDeskCode(desk: DeskCode): Localized[] {
  const params = { code: desk.code, example: formatPatientCode(desk.code, 1) }
  return [
    localized(desk.source === 'config' ? 'patientCode.deskCodeSet' : 'patientCode.deskCodeDerived', params),
    ...(desk.problem
      ? [localized('patientCode.deskCodeProblem', { problem: desk.problem, code: desk.code })]
      : [])
  ]
}

/**
 * The warning when the desk code changes on a computer that already gave codes: allowed (a desk renamed by IT),
 * but the old codes stay and the one sequence carries on, so IT must not pick another desk's code.
 */
export function deskCodeChangeWarning(before: DeskCode, after: DeskCode, patients: number): Localized | null {
  if (before.code === after.code || patients === 0) return null
  return localized('patientCode.deskCodeChanged', {
    from: before.code,
    to: after.code,
    count: patients,
    example: formatPatientCode(after.code, 1).replace(/\d+$/, '…')
  })
}
