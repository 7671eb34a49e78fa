import { describe, expect, it, vi } from 'vitest'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writePrivateFile } from '../../../core/config/private-file'
import { openNodeServices } from '../../../core/node-runtime'
import { report } from '../../../cli/commands/report'
import { createContext } from '../../../cli/context'
import { createOutput } from '../../../cli/output'
import { registration, tempDir } from '../../support/fixtures'

const mode = (path: string): number => statSync(path).mode & 0o777

describe.runIf(process.platform !== 'win32')('files the app writes with personal data', () => {
  it('a photo or export written over an old 0644 file ends up 0600 with the new bytes', () => {
    const t = tempDir()
    try {
      const photo = join(t.dir, 'photo.jpg')
      writeFileSync(photo, 'old', { mode: 0o644 })
      writePrivateFile(photo, Buffer.from([0xff, 0xd8, 0xff]))
      expect(mode(photo)).toBe(0o600)
      expect(readFileSync(photo)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
    } finally {
      t.cleanup()
    }
  })

  it('reception report quality --xlsx over an existing world-readable file leaves it 0600', async () => {
    const t = tempDir()
    try {
      const s = openNodeServices({ dataDir: t.dir, mode: 'cli' })
      s.register(registration())
      s.close()
      const file = join(t.dir, 'bao-cao.xlsx')
      writeFileSync(file, 'old', { mode: 0o644 })
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
      const ctx = createContext(t.dir, createOutput(true))
      try {
        await report(ctx, ['quality', '--from', '2020-01-01', '--to', '2030-01-01', '--xlsx', file])
      } finally {
        spy.mockRestore()
        ctx.close()
      }
      expect(mode(file)).toBe(0o600)
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK')
    } finally {
      t.cleanup()
    }
  })
})
