import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { PatientForm, RegistrationInput } from '../../contract/patient'
import { createServices, type Services } from '../../core'

export function tempDir(prefix = 'reception-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function testServices(opts: { dir?: string; key?: Buffer; now?: () => Date } = {}): {
  services: Services
  dir: string
  key: Buffer
  cleanup: () => void
} {
  const t = opts.dir ? { dir: opts.dir, cleanup: () => undefined } : tempDir()
  const key = opts.key ?? randomBytes(32)
  const services = createServices({ dataDir: t.dir, key, mode: 'cli', version: 'test', clock: opts.now })
  return {
    services,
    dir: t.dir,
    key,
    cleanup: () => {
      services.close()
      t.cleanup()
    }
  }
}

export function patientForm(overrides: Partial<PatientForm> = {}): PatientForm {
  return {
    fullName: 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: '1995-03-14',
    sex: 'female',
    idNumber: '022195001234',
    oldIdNumber: null,
    bhytCardNumber: null,
    ethnicityCode: '01',
    nationalityCode: '000',
    occupationCode: null,
    address: {
      text: 'Tổ 5, Khu 3, Phường Hạ Long, Quảng Ninh',
      provinceCode: '22',
      communeCode: null,
      unitListVersion: null
    },
    phone: '0912345678',
    guardian: null,
    cardDetails: null,
    ...overrides
  }
}

export function registration(
  overrides: Partial<RegistrationInput> = {},
  form: Partial<PatientForm> = {}
): RegistrationInput {
  return {
    patientId: null,
    patient: patientForm(form),
    visit: { serviceType: 'general', department: null, reason: null },
    identityReadId: null,
    source: 'manual',
    ...overrides
  }
}
