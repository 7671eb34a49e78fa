/**
 * Startup cost of the built entry points, paired in one run against bare `node -e 0` so a busy machine slows
 * both sides alike: `queue status`, `parse-qr`, `read` up to the reader (no pcscd: it stops at the first PC/SC
 * call), and browser mode up to its 'running' line; then, where Debian's Chromium is installed, browser mode from
 * launch to the form drawn on screen (the Electron window cannot be measured on machines without its binary).
 * Prints JSON: median/p90 ms per case, the ratio of the median to bare Node's, and the targets (queue status
 * ≤ 3× bare Node, first form on screen ≤ 1 s after launch).
 *
 * Run after `npm run build`: npx tsx bench/startup.ts [--rounds N]
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } })
const rounds = Math.max(3, Number(values.rounds))
const root = resolve(import.meta.dirname, '..')
const cli = join(root, 'bin', 'reception.cjs')
const web = join(root, 'out', 'main', 'web.js')
const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'))
const noPcscd = join(dataDir, 'no-pcscd.sock')
const env = { ...process.env, PCSCLITE_CSOCK_NAME: noPcscd }
const qr =
  '022093004712|100987654|Đặng Quốc Hưởng|05011993|Nam|Tổ 4, Khu 5, Phường Hồng Hải, Hạ Long, Quảng Ninh|12042021'

interface Case {
  name: string
  args: string[]
  /** Resolve when this text appears on stdout (then the process is stopped); otherwise wait for exit. */
  until?: string
}

const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'queue status', args: [cli, '--data-dir', dataDir, 'queue', 'status'] },
  { name: 'parse-qr', args: [cli, 'parse-qr', qr] },
  { name: 'read (to the reader)', args: [cli, '--data-dir', dataDir, 'read', '--qr', qr, '--no-photo'] },
  {
    name: 'browser mode (to listening)',
    args: [web, '--data-dir', dataDir, '--port', '0', '--no-scanner'],
    until: 'is running'
  }
]

function timeOnce(c: Case): Promise<number> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint()
    const child = spawn(process.execPath, c.args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let seen = ''
    let stopped = false
    const elapsed = (): number => Number(process.hrtime.bigint() - start) / 1e6
    child.stdout.on('data', (chunk: Buffer) => {
      if (!c.until || stopped) return
      seen += chunk.toString('utf8')
      if (seen.includes(c.until)) {
        stopped = true
        const ms = elapsed()
        child.once('exit', () => done(ms))
        child.kill('SIGTERM')
      }
    })
    child.stderr.resume()
    child.on('error', fail)
    child.on('exit', (code) => {
      if (stopped) return
      if (c.until) fail(new Error(`${c.name} exited (${code}) before printing '${c.until}'`))
      else done(elapsed())
    })
  })
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

/**
 * Launch of browser mode to its first screen usable in an already open Chromium page: the sign-in (or first-run)
 * form, which is what a desk sees first since accounts exist.
 */
async function firstFormSamples(count: number): Promise<number[] | null> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(chromiumPath)) return null
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox']
  })
  const page = await browser.newPage()
  const samples: number[] = []
  try {
    for (let i = 0; i < count; i++) {
      const start = process.hrtime.bigint()
      const child = spawn(process.execPath, [web, '--data-dir', dataDir, '--port', '0', '--no-scanner'], {
        env,
        stdio: ['ignore', 'pipe', 'ignore']
      })
      const url = await new Promise<string>((done, fail) => {
        let seen = ''
        child.stdout.on('data', (c: Buffer) => {
          seen += c.toString('utf8')
          const m = /Open: (\S+)/.exec(seen)
          if (m) done(m[1]!)
        })
        child.once('exit', () => fail(new Error('browser mode exited')))
      })
      await page.goto(url)
      await page.locator('input').first().waitFor({ timeout: 30_000 })
      samples.push(Number(process.hrtime.bigint() - start) / 1e6)
      await new Promise((r) => {
        child.once('exit', r)
        child.kill('SIGTERM')
      })
    }
  } finally {
    await browser.close()
  }
  return samples
}

async function main(): Promise<void> {
  for (const c of cases) await timeOnce(c) // warm-up: creates the database, fills the OS file cache
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]))
  for (let r = 0; r < rounds; r++) for (const c of cases) samples.get(c.name)!.push(await timeOnce(c))
  const bare = quantile(samples.get('node -e 0')!, 0.5)
  const results = cases.map((c) => {
    const xs = samples.get(c.name)!
    const median = quantile(xs, 0.5)
    return {
      name: c.name,
      medianMs: Math.round(median),
      p90Ms: Math.round(quantile(xs, 0.9)),
      ratioToBareNode: Math.round((median / bare) * 100) / 100
    }
  })
  const firstForm = await firstFormSamples(Math.min(rounds, 8))
  if (firstForm) {
    results.push({
      name: 'browser mode (launch to form on screen)',
      medianMs: Math.round(quantile(firstForm, 0.5)),
      p90Ms: Math.round(quantile(firstForm, 0.9)),
      ratioToBareNode: Math.round((quantile(firstForm, 0.5) / bare) * 100) / 100
    })
  }
  const byName = Object.fromEntries(results.map((r) => [r.name, r]))
  const queueRatio = byName['queue status']!.ratioToBareNode
  const webMs = (byName['browser mode (launch to form on screen)'] ?? byName['browser mode (to listening)'])!
    .medianMs
  console.log(
    JSON.stringify(
      {
        node: process.version,
        rounds,
        results,
        targets: {
          queueStatusAtMost3xBareNode: { ratio: queueRatio, met: queueRatio <= 3 },
          firstFormWithin1s: {
            ms: webMs,
            measured: firstForm ? 'form on screen' : 'listening',
            met: webMs <= 1000
          }
        }
      },
      null,
      2
    )
  )
}

main()
  .catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => rmSync(dataDir, { recursive: true, force: true }))
