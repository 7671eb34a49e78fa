import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { flattenMachineConfig, machineConfigProblems } from '../../core/config/machine-config-schema'
import { machineConfigPath } from '../../core/sync/config/config-store'
import type { CliContext } from '../context'

function readMachineFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    throw AppError.of('CONFIG_INVALID', 'machineConfig.unreadable', { file, reason })
  }
}

function assertValid(file: string, parsed: unknown): void {
  const problems = machineConfigProblems(parsed)
  if (problems.length === 0) return
  throw AppError.of(
    'CONFIG_INVALID',
    'machineConfig.invalid',
    { file, count: problems.length, errors: problems.map((p) => `${p.key}: ${p.message}`).join('; ') },
    { problems }
  )
}

/** reception config validate-machine FILE: the file IT is about to deploy, checked against every key's rules. */
export function validateMachine(ctx: CliContext, args: string[]): void {
  const file = args.find((a) => !a.startsWith('-'))
  if (!file) throw AppError.of('VALIDATION', 'machineConfig.usage')
  const parsed = readMachineFile(file)
  assertValid(file, parsed)
  const keys = Object.keys(flattenMachineConfig(parsed))
  ctx.out.result(
    { file: resolve(file), valid: true, keys },
    () => `${file}: hợp lệ / valid (${keys.length} khoá)`
  )
}

/**
 * reception config write-machine --his-url U --facility-code C --bhxh-url U [--file F]: what the MSI runs on
 * install with its HIS_URL, FACILITY_CODE and BHXH_URL properties. Empty values (a property not given) leave
 * the key as it was; the result is validated before it replaces the file, atomically.
 */
export function writeMachine(ctx: CliContext, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      'his-url': { type: 'string' },
      'facility-code': { type: 'string' },
      'bhxh-url': { type: 'string' },
      file: { type: 'string' }
    }
  })
  const file = values.file ?? machineConfigPath()
  const current = existsSync(file) ? readMachineFile(file) : {}
  const flat = flattenMachineConfig(current)
  const given: Record<string, string | undefined> = {
    'his.url': values['his-url'],
    'facility.code': values['facility-code'],
    'bhxh.url': values['bhxh-url']
  }
  for (const [key, value] of Object.entries(given)) if (value?.trim()) flat[key] = value.trim()
  assertValid(file, flat)
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(flat, null, 2) + '\n')
  renameSync(tmp, file)
  ctx.out.result({ file, keys: Object.keys(flat) }, () => `${file}: ${Object.keys(flat).join(', ')}`)
}
