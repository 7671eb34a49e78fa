import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const guard = createRequire(__filename)(resolve(root, 'scripts/node-guard.cjs')) as {
  isSupported(version: string): boolean
}

describe('Node guard', () => {
  it('accepts Node 22.12 and newer, refuses older ones', () => {
    expect(guard.isSupported('22.12.0')).toBe(true)
    expect(guard.isSupported('v22.23.5')).toBe(true)
    expect(guard.isSupported('24.0.0')).toBe(true)
    expect(guard.isSupported('22.11.9')).toBe(false)
    expect(guard.isSupported('20.20.2')).toBe(false)
  })

  it('an old Node gets a bilingual message with the fix and exit 1, not a crash', () => {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(resolve(root, 'scripts/node-guard.cjs'))}).assertSupportedNode('20.20.2')`
      ],
      { encoding: 'utf8' }
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('source scripts/env.sh')
    expect(r.stderr).toContain('Node 22')
    expect(r.stderr).toMatch(/quá cũ/)
    const line = JSON.parse(r.stdout) as { error: { code: string; message: string; messageEn: string } }
    expect(line.error.messageEn).toContain('source scripts/env.sh')
  })

  // The machine's own Node (Debian's Node 20 here) used to die with SIGSEGV inside better-sqlite3.
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p))
  const systemMajor = systemNode
    ? Number(
        spawnSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout
      )
    : 0
  it.runIf(systemNode && systemMajor > 0 && systemMajor < 22)(
    'the reception command under the system Node prints the message instead of a segfault',
    () => {
      const r = spawnSync(systemNode!, [resolve(root, 'bin/reception.cjs'), 'queue', 'status'], {
        encoding: 'utf8'
      })
      expect(r.signal).toBeNull()
      expect(r.status).toBe(1)
      expect(r.stderr).toContain('source scripts/env.sh')
    }
  )
})
