// scripts/pcsc-stack.sh lifecycle and the virtual-chip CLI ("simulated reader") as a separate process.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { LDS_FILES, openBac } from '../../../protocol/icao'
import { fixtureCard } from '../../harness/fixtures'
import { startSimulatedReader } from '../../harness/simulated-reader'
import { stopStack } from '../../harness/stack'
import { nextEvent, processEnded, startManagedStack, unavailable } from './helpers'

const run = promisify(execFile)
const SCRIPT = resolve(__dirname, '../../../scripts/pcsc-stack.sh')
const ROOT = resolve(__dirname, '../../..')

async function script(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(SCRIPT, args)
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe.skipIf(unavailable !== null)('pcsc-stack.sh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pcsc-script-'))
  afterAll(async () => {
    await script('stop', dir)
  })

  it('starts, reports status, refuses a second start, and stops without leaving pcscd behind', async () => {
    const started = await script('start', dir)
    expect(started.code).toBe(0)
    const socket = /^export PCSCLITE_CSOCK_NAME=(.+)$/m.exec(started.stdout)?.[1]
    const pid = Number(/^export PCSCD_PID=(\d+)$/m.exec(started.stdout)?.[1])
    expect(socket).toBe(join(dir, 'run', 'pcscd.comm'))
    expect(existsSync(socket!)).toBe(true)
    expect((await script('status', dir)).stdout).toMatch(new RegExp(`^running pid=${pid} port=\\d+`))
    const again = await script('start', dir)
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/already running/)

    const stopped = await script('stop', dir)
    expect(stopped.stdout.trim()).toBe('stopped')
    await processEnded(pid, 100) // stop returned only after pcscd ended
    expect(existsSync(socket!)).toBe(false)
    const status = await script('status', dir)
    expect(status.code).toBe(3)
    expect((await script('stop', dir)).code).toBe(0) // idempotent
  })
})

describe.skipIf(unavailable !== null)('virtual-chip CLI as a simulated reader', () => {
  let cli: ChildProcessWithoutNullStreams | null = null
  let cleanup: (() => Promise<void>) | null = null

  afterAll(async () => {
    cli?.kill('SIGTERM')
    await cleanup?.()
  })

  it('puts the chosen fixture card on the reader and takes it off on "remove"', async () => {
    const { stack, manager } = await startManagedStack()
    cleanup = async () => {
      await manager.stop()
      await stopStack(stack)
    }
    const inserted = nextEvent(manager, 'card-inserted', (r) => r.name === stack.readerName, 15_000)
    cli = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'test/harness/virtual-chip/cli.ts',
        '--port',
        String(stack.port),
        '--card',
        'no-expiry'
      ],
      { cwd: ROOT }
    )
    let output = ''
    cli.stdout.on('data', (d: Buffer) => (output += d.toString()))
    cli.stderr.on('data', (d: Buffer) => (output += d.toString()))
    await inserted
    expect(output).toMatch(/Đào Văn Khải/)
    const fixture = await fixtureCard('no-expiry')
    expect(output).toContain(`BAC:    ${fixture.mrz.mrzInfo}`)
    expect(output).toContain(`CAN: ${fixture.mrz.can}`)
    const session = await manager.connect()
    try {
      const icao = await openBac(session.transmit.bind(session), {
        documentNumber: fixture.mrz.documentNumber,
        dateOfBirth: fixture.mrz.dateOfBirth,
        dateOfExpiry: fixture.mrz.dateOfExpiry
      })
      const dg1 = await icao.readFile(LDS_FILES.DG1)
      expect(Buffer.from(dg1.data).subarray(5).toString('ascii')).toBe(fixture.mrz.lines.join(''))
    } finally {
      session.close()
    }

    const removed = nextEvent(manager, 'card-removed', (r) => r.name === stack.readerName)
    cli.stdin.write('remove\n')
    await removed
    const exited = new Promise((r) => cli!.once('exit', r))
    cli.stdin.write('quit\n')
    expect(await exited).toBe(0)
    cli = null
  })
})

describe.skipIf(unavailable !== null)('simulated reader helper', () => {
  it('gives a child process a reader whose cards can be swapped', async () => {
    const reader = await startSimulatedReader()
    try {
      await reader.insert('card-2024')
      // A separate process sees the card through the env the helper hands out (pcsc_scan-like probe).
      const probe = `
        const { Context } = require('smartcard')
        const ctx = new Context()
        const deadline = Date.now() + 5000
        const poll = () => {
          const r = ctx.listReaders().find((x) => x.name.endsWith(' 00 00'))
          if (r && r.atr) { console.log(r.name + ' ' + r.atr.toString('hex')); ctx.close(); return }
          if (Date.now() > deadline) { console.log('no card'); ctx.close(); return }
          setTimeout(poll, 50)
        }
        poll()`
      const { stdout } = await run(process.execPath, ['-e', probe], {
        cwd: ROOT,
        env: { ...process.env, ...reader.env }
      })
      expect(stdout.trim()).toBe(`${reader.stack.readerName} 3b80800101`)
      await reader.remove()
    } finally {
      await reader.stop()
    }
  })
})
