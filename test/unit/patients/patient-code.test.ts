// Facility patient codes (MA_BN) BN-<desk>-<sequence>: two desks never give the same code, a desk keeps its
// derived code across restarts, and codes written before the desk part existed stay valid (docs/adr/0029).
import fc from 'fast-check'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  deriveDeskCode,
  deskOfPatientCode,
  formatPatientCode,
  isAcceptablePatientCode,
  isOwnPatientCode,
  PATIENT_CODE_MAX
} from '../../../contract/rules/patient-code'
import {
  deskCodeChangeWarning,
  derivedDeskCode,
  installationId,
  resolveDeskCode
} from '../../../core/desk/desk-code'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { tempDir } from '../../support/fixtures'

const dirs: { cleanup: () => void }[] = []
function dataDir(): string {
  const t = tempDir('desk-code-')
  dirs.push(t)
  return t.dir
}
afterEach(() => dirs.splice(0).forEach((t) => t.cleanup()))

function store(dir: string, machineFile = join(dir, 'machine.json')): SyncConfigStore {
  return new SyncConfigStore({
    dataDir: dir,
    sealer: createKeyFileSealer(Buffer.alloc(32, 7)),
    env: { RECEPTION_MACHINE_CONFIG: machineFile },
    testBuild: true
  })
}

const deskCode = fc.stringMatching(/^[0-9A-Z]{1,6}$/)
const sequence = fc.integer({ min: 1, max: 99_999_999 })

describe('patient code format', () => {
  it('reads BN-<desk>-<8 digits> at the desk', () => {
    expect(formatPatientCode('Q1', 42)).toBe('BN-Q1-00000042')
    expect(deskOfPatientCode('BN-Q1-00000042')).toBe('Q1')
  })

  it('codes from two desks with different desk codes never collide, even when one code prefixes the other', () => {
    fc.assert(
      fc.property(deskCode, deskCode, sequence, sequence, (a, b, n, m) => {
        fc.pre(a !== b)
        expect(formatPatientCode(a, n)).not.toBe(formatPatientCode(b, m))
      })
    )
    const codes = ['Q', 'Q1', 'Q12', '1', '11'].flatMap((d) =>
      [1, 2, 11, 12, 111].map((n) => formatPatientCode(d, n))
    )
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('never equals a code written before the desk part existed (BN00000042)', () => {
    fc.assert(
      fc.property(deskCode, sequence, sequence, (d, n, m) => {
        expect(formatPatientCode(d, n)).not.toBe(`BN${String(m).padStart(8, '0')}`)
      })
    )
  })

  it('sorts in sequence order within one desk, and stays within MA_BN’s 100 characters', () => {
    const codes = [3, 10, 99, 100, 12_345_678].map((n) => formatPatientCode('Q1', n))
    expect([...codes].sort()).toEqual(codes)
    const longest = formatPatientCode('ABCDEF', Number.MAX_SAFE_INTEGER)
    expect(longest.length).toBeLessThanOrEqual(PATIENT_CODE_MAX)
    expect(isOwnPatientCode(longest)).toBe(true)
  })

  it('refuses a desk code that would make codes ambiguous', () => {
    for (const bad of ['', 'q1', 'Q-1', 'ABCDEFG', 'Q 1']) {
      expect(() => formatPatientCode(bad, 1)).toThrow(RangeError)
    }
    expect(() => formatPatientCode('Q1', 0)).toThrow(RangeError)
  })

  it('accepts the old and the new form as its own, and a HIS code only when it fits MA_BN', () => {
    expect(isOwnPatientCode('BN00000042')).toBe(true)
    expect(isOwnPatientCode('BN-Q1-00000042')).toBe(true)
    expect(isOwnPatientCode('BN-Q1-42')).toBe(false)
    expect(deskOfPatientCode('BN00000042')).toBeNull()
    expect(isAcceptablePatientCode('BN00000042')).toBe(true)
    expect(isAcceptablePatientCode('HIS/2026.000123')).toBe(true)
    expect(isAcceptablePatientCode('x'.repeat(101))).toBe(false)
    expect(isAcceptablePatientCode('BN 42')).toBe(false)
    expect(isAcceptablePatientCode('<BN>')).toBe(false)
    expect(isAcceptablePatientCode('')).toBe(false)
  })
})

describe('derived desk code', () => {
  it('is four readable base32 characters (no I, L, O, U)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const code = deriveDeskCode(Buffer.from(bytes).toString('hex'))
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/)
      })
    )
  })

  it('is stable across restarts of one installation and differs between two data dirs', () => {
    const one = dataDir()
    const first = derivedDeskCode(one)
    // A restart reads the installation file again: same id, same code.
    expect(installationId(one)).toBe(installationId(one))
    expect(derivedDeskCode(one)).toBe(first)
    const seen = new Set([first])
    for (let i = 0; i < 8; i++) seen.add(derivedDeskCode(dataDir()))
    // 2^20 codes: nine installations collide with a probability below 1 in 10 000.
    expect(seen.size).toBe(9)
  })

  it('is made again, not crashed on, when the installation file is unreadable', () => {
    const dir = dataDir()
    writeFileSync(join(dir, 'installation.json'), '{not json')
    expect(derivedDeskCode(dir)).toMatch(/^[0-9A-Z]{4}$/)
    expect(derivedDeskCode(dir)).toBe(derivedDeskCode(dir))
  })
})

describe('desk.code setting', () => {
  it('uses IT’s desk.code, upper-cased, else the derived code', () => {
    const dir = dataDir()
    const config = store(dir)
    expect(resolveDeskCode(dir, config)).toEqual({ code: derivedDeskCode(dir), source: 'derived' })
    expect(config.set('desk.code', 'q1').value).toBe('Q1')
    expect(resolveDeskCode(dir, config)).toEqual({ code: 'Q1', source: 'config' })
    expect(() => config.set('desk.code', 'Q-1')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => config.set('desk.code', 'ABCDEFG')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })

  it('takes the machine file first, and a broken one falls back to the derived code with the problem said', () => {
    const dir = dataDir()
    const machine = join(dir, 'machine.json')
    writeFileSync(machine, JSON.stringify({ desk: { code: 'K2' } }))
    expect(resolveDeskCode(dir, store(dir, machine))).toEqual({ code: 'K2', source: 'config' })
    writeFileSync(machine, JSON.stringify({ desk: { code: 'not a code' } }))
    const broken = resolveDeskCode(dir, store(dir, machine))
    expect(broken).toMatchObject({ code: derivedDeskCode(dir), source: 'derived' })
    expect(broken.problem).toContain('desk.code')
  })

  it('warns about a change only once patients have codes', () => {
    const q1 = { code: 'Q1', source: 'config' as const }
    const q2 = { code: 'Q2', source: 'config' as const }
    expect(deskCodeChangeWarning(q1, q2, 0)).toBeNull()
    expect(deskCodeChangeWarning(q1, q1, 5)).toBeNull()
    expect(deskCodeChangeWarning(q1, q2, 5)).toMatchObject({
      key: 'patientCode.deskCodeChanged',
      params: { from: 'Q1', to: 'Q2', count: 5 }
    })
  })
})
