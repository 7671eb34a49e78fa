import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const WEB = resolve(__dirname, '../../../out/main/web.js')
const rendererBuilt = existsSync(resolve(__dirname, '../../../out/renderer/index.html'))

/** Starts browser mode as a desk does and resolves with what it printed once it listens. */
function startDesk(
  dataDir: string,
  extra: string[] = []
): Promise<{ child: ChildProcess; out: string; port: number }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [WEB, '--data-dir', dataDir, '--no-scanner', '--no-pcsc', ...extra],
      {
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const m = /Open: http:\/\/127\.0\.0\.1:(\d+)\/#token=/.exec(out)
      if (m) done({ child, out, port: Number(m[1]) })
    })
    child.stderr!.resume()
    child.once('exit', (code) => fail(new Error(`browser mode exited (${code}) before listening: ${out}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

function occupy(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const s = createServer()
    s.once('error', fail)
    s.listen(port, '127.0.0.1', () => done(s))
  })
}

describe.skipIf(!(existsSync(WEB) && rendererBuilt))('browser mode port', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'reception-port-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('reuses the port of the last launch, and falls back to a free one (printing the URL) when it is taken', async () => {
    const first = await startDesk(dataDir)
    await stop(first.child)

    const second = await startDesk(dataDir)
    expect(second.port).toBe(first.port)
    await stop(second.child)

    const squatter = await occupy(first.port)
    const third = await startDesk(dataDir).finally(
      () => new Promise<void>((done) => squatter.close(() => done()))
    )
    expect(third.port).not.toBe(first.port)
    expect(third.out).toContain(`Port ${first.port} is in use; listening on ${third.port} instead`)
    const fallback = third.port
    await stop(third.child)

    // The fallback is what is remembered now; --port still wins over it.
    const fourth = await startDesk(dataDir)
    expect(fourth.port).toBe(fallback)
    await stop(fourth.child)
    const free = await occupy(0)
    const wanted = (free.address() as { port: number }).port
    await new Promise<void>((done) => free.close(() => done()))
    const fifth = await startDesk(dataDir, ['--port', String(wanted)])
    expect(fifth.port).toBe(wanted)
    await stop(fifth.child)
  }, 60_000)
})
