/**
 * What synchronous=FULL (the default, docs/adr/0016) costs against NORMAL, measured in one run: bench/flush and
 * bench/search each run twice per mode, alternating, on the same machine. Prints JSON with the medians.
 * Run: npx tsx bench/synchronous-cost.ts [--visits N] [--patients N]
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    visits: { type: 'string', default: '5000' },
    patients: { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '2' }
  }
})

function run(script: string, args: string[], env: Record<string, string>): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`)
  const start = r.stdout.indexOf('{')
  return JSON.parse(r.stdout.slice(start)) as Record<string, unknown>
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

type Mode = 'NORMAL' | 'FULL'
const flush: Record<Mode, number[]> = { NORMAL: [], FULL: [] }
const saveP95: Record<Mode, number[]> = { NORMAL: [], FULL: [] }
const registerP95: Record<Mode, number[]> = { NORMAL: [], FULL: [] }
for (let round = 0; round < Number(values.rounds); round++) {
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const f = run('flush.ts', ['--visits', values.visits], { BENCH_SYNCHRONOUS: mode })
    flush[mode].push(f.recordsPerSecond as number)
    const s = run('search.ts', [], {
      BENCH_SYNCHRONOUS: mode,
      BENCH_PATIENTS: values.patients,
      BENCH_NAME_QUERIES: '50'
    })
    const reg = s.codeAndRegisterMs as { p95: number; saveOnly: { p95: number } }
    saveP95[mode].push(reg.saveOnly.p95)
    registerP95[mode].push(reg.p95)
  }
}
process.stdout.write(
  JSON.stringify(
    {
      visits: Number(values.visits),
      patients: Number(values.patients),
      rounds: Number(values.rounds),
      flushRecordsPerSecond: { NORMAL: median(flush.NORMAL), FULL: median(flush.FULL), runs: flush },
      saveP95Ms: { NORMAL: median(saveP95.NORMAL), FULL: median(saveP95.FULL), runs: saveP95 },
      codeAndRegisterP95Ms: { NORMAL: median(registerP95.NORMAL), FULL: median(registerP95.FULL) }
    },
    null,
    2
  ) + '\n'
)
