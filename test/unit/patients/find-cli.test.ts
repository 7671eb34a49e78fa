import { rmSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registration, tempDir } from '../../support/fixtures'
import { patientsFind } from '../../../cli/commands/patients-find'
import { createContext } from '../../../cli/context'
import { createOutput } from '../../../cli/output'
import { openNodeServices } from '../../../core/node-runtime'

let dir: string
beforeEach(() => {
  dir = tempDir().dir
  const s = openNodeServices({ dataDir: dir, mode: 'cli' })
  s.register(registration({}, { oldIdNumber: '101234567', bhytCardNumber: 'GD4220123456789' }))
  s.close()
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function find(args: string[]): Promise<unknown> {
  const out: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out.push(String(chunk))
    return true
  })
  const ctx = createContext(dir, createOutput(true))
  try {
    await patientsFind(ctx, args)
  } finally {
    spy.mockRestore()
    ctx.close()
  }
  return JSON.parse(out.join(''))
}

describe('reception patients find', () => {
  it('finds by the 12-digit ID number', async () => {
    expect(await find(['--id', '022195001234', '--json'])).toMatchObject({
      by: 'idNumber',
      exact: { fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '022195001234' },
      candidates: []
    })
  })

  it('finds by the old 9-digit ID number and by the BHYT card', async () => {
    expect(await find(['--id', '101234567'])).toMatchObject({
      by: 'oldIdNumber',
      exact: { idNumber: '022195001234' }
    })
    expect(await find(['--bhyt', 'gd4220123456789'])).toMatchObject({
      by: 'bhyt',
      exact: { idNumber: '022195001234' }
    })
  })

  it('says NOT_FOUND for an unknown number and refuses a malformed one', async () => {
    await expect(find(['--id', '022195009999'])).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(find(['--id', '12345'])).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
