import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { createServices, type Services } from '../../../core'
import { registration } from '../../support/fixtures'

export const root = resolve(__dirname, '../../..')
export const tsx = join(root, 'node_modules/.bin/tsx')
/** Environment for the CLI child processes. */
export const tsxEnv = { ...process.env }
/**
 * Runs a TypeScript entry point in one node process (tsx as a loader). The tsx command line would start a second
 * process and SIGKILL would reach only the wrapper: the real CLI would go on flushing behind the test's back.
 */
export const tsxNode = (script: string, args: string[]): [string, string[]] => [
  process.execPath,
  ['--import', 'tsx', script, ...args]
]
export const FACILITY = { code: '22001', name: 'Trạm Y tế thử nghiệm' }

/** Services over `dir` with the key file the CLI will find there (the CLI opens the same database). */
export function servicesIn(dir: string): Services {
  return createServices({
    dataDir: dir,
    key: loadOrCreateKeyFile(dir),
    mode: 'cli',
    version: 'test',
    facility: FACILITY
  })
}

/** Registers `n` different patients, one visit each, through the real registration service. */
export function registerVisits(services: Services, n: number, offset = 0): string[] {
  const visits: string[] = []
  for (let i = offset; i < offset + n; i++) {
    const r = services.register(
      registration({}, { idNumber: `0221950${String(i).padStart(5, '0')}`, fullName: `Nguyễn Thị Thử ${i}` })
    )
    visits.push(r.visitId)
  }
  return visits
}

export interface ServerChild {
  url: string
  child: ChildProcess
  stop(): void
}

/** The loopback HIS test server as its own process (it keeps its store when the client is killed). */
export async function startServerChild(args: string[] = []): Promise<ServerChild> {
  const child = spawn(tsx, [join(root, 'test/harness/his-server/cli.ts'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: tsxEnv
  })
  const line = await new Promise<string>((res, rej) => {
    createInterface({ input: child.stdout! }).once('line', res)
    child.once('exit', (code) => rej(new Error(`test server exited with ${code}`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  return { url, child, stop: () => void child.kill('SIGTERM') }
}

/** One admin call on a fresh connection. */
export function admin<T>(url: string, path: string, body?: object): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      `${url}/_admin/${path}`,
      { method: body ? 'POST' : 'GET', agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolvePromise(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T))
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(body ? JSON.stringify(body) : undefined)
  })
}

export interface Stored {
  fhir: {
    resourceType: string
    id: string
    resource: { identifier?: { system?: string; value?: string }[] }
  }[]
}

/** How many Encounters the server holds per visit id (the visit is the record; MA_LK is its identifier). */
export function encountersPerVisit(stored: Stored): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of stored.fhir) {
    if (r.resourceType !== 'Encounter') continue
    const id = r.resource.identifier?.find((x) => x.system?.endsWith(':ma-lk'))?.value
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}
