// his.lookup's default follows the HIS protocol; a patient with a known HIS id is sent as its visit only.
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { hisLookupSettingsFrom } from '../../../core/sync/config/his-lookup-settings'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { buildHisBatchBundle, buildHisBundle } from '../../../core/sync/connectors'
import { tempDir } from '../../support/fixtures'
import { makeSubmission } from '../sync/submission-fixtures'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function store(): SyncConfigStore {
  const t = tempDir('his-config-')
  cleanups.push(t.cleanup)
  return new SyncConfigStore({
    dataDir: t.dir,
    sealer: createKeyFileSealer(randomBytes(32)),
    env: { RECEPTION_MACHINE_CONFIG: join(t.dir, 'machine.json') }
  })
}

describe('his.lookup', () => {
  it('is on for a FHIR HIS, off for XML 4750, and an explicit value wins', () => {
    const s = store()
    expect(s.get('his.lookup')).toMatchObject({ value: true, source: 'default' })
    s.set('his.protocol', 'xml4750')
    expect(s.get('his.lookup')).toMatchObject({ value: false, source: 'default' })
    s.set('his.lookup', 'true')
    expect(s.get('his.lookup')).toMatchObject({ value: true, source: 'user' })
    expect(() => s.set('his.lookup', 'maybe')).toThrow()
  })

  it('asks only a FHIR HIS with an address, with the sending auth and CA', () => {
    const s = store()
    expect(hisLookupSettingsFrom(s.values())).toBeNull()
    s.set('his.url', 'https://his.example.invalid/fhir')
    s.set('his.auth', 'bearer')
    s.set('his.token', 'tok-123')
    s.set('his.ca', '/etc/his-ca.pem')
    expect(hisLookupSettingsFrom(s.values())).toEqual({
      endpoint: {
        url: 'https://his.example.invalid/fhir',
        auth: { kind: 'bearer', token: 'tok-123' },
        caFile: '/etc/his-ca.pem'
      },
      allowPlainHttp: false
    })
    s.set('his.lookup', 'off')
    expect(hisLookupSettingsFrom(s.values())).toBeNull()
    s.set('his.lookup', 'on')
    s.set('his.protocol', 'xml4750')
    expect(hisLookupSettingsFrom(s.values())).toBeNull()
  })
})

describe('sending a patient the HIS already knows', () => {
  it('sends only the Encounter, referencing Patient/<HIS id>', () => {
    const base = makeSubmission()
    const sub = makeSubmission({ patient: { ...base.patient, hisId: '41' } })
    const bundle = buildHisBundle(sub)
    expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual(['Encounter'])
    expect((bundle.entry[0]!.resource as { subject: { reference: string } }).subject.reference).toBe(
      'Patient/41'
    )
    // A batch with a patient the HIS knows and one it does not: a Patient entry only for the second.
    const batch = buildHisBatchBundle([sub, makeSubmission()])
    expect(batch.entry.map((e) => e.resource.resourceType)).toEqual(['Encounter', 'Patient', 'Encounter'])
  })
})
