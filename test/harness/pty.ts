// A USB-COM scanner's virtual COM port for tests: a socat pseudo-terminal pair. The app opens `app`; the test
// plays the scanner by writing into `scanner`. Killing socat is an unplug, restarting it (same links) a replug.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0

/** A socat pty pair: `scanner` is the device's end, `app` the port the app opens (symlinks survive restarts). */
export class PtyPair {
  readonly dir = mkdtempSync(join(tmpdir(), 'scanner-pty-'))
  readonly scanner = join(this.dir, 'scanner')
  readonly app = join(this.dir, 'app')
  private proc: ChildProcess | null = null

  async plug(): Promise<void> {
    const proc = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${this.scanner}`, `pty,raw,echo=0,link=${this.app}`],
      {
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    this.proc = proc
    await new Promise<void>((resolve, reject) => {
      let log = ''
      const timer = setTimeout(() => reject(new Error(`socat did not start: ${log}`)), 5000)
      proc.stderr?.on('data', (d: Buffer) => {
        log += d.toString()
        if (log.includes('starting data transfer loop')) {
          clearTimeout(timer)
          resolve()
        }
      })
      proc.on('exit', (code) => reject(new Error(`socat exited with ${code}: ${log}`)))
    })
  }

  async unplug(): Promise<void> {
    const proc = this.proc
    this.proc = null
    if (!proc || proc.exitCode !== null) return
    await new Promise<void>((resolve) => {
      proc.on('exit', () => resolve())
      proc.kill('SIGTERM')
    })
  }

  /** The scanner's side: write bytes into the other end of the pair, in the given chunks. */
  async scannerWrites(chunks: Uint8Array[]): Promise<void> {
    const handle = await open(this.scanner, 'w')
    try {
      for (const chunk of chunks) {
        await handle.write(chunk)
        await new Promise((r) => setTimeout(r, 5))
      }
    } finally {
      await handle.close()
    }
  }

  async dispose(): Promise<void> {
    await this.unplug()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

export function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const tick = (): void => {
      const value = probe()
      if (value !== undefined) return resolve(value)
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`))
      setTimeout(tick, 20)
    }
    tick()
  })
}
