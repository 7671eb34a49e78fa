// What the desk remembers of the HIS's answers, and how a slow or dead HIS is kept from holding up every scan.
import { describe, expect, it } from 'vitest'
import { createHisMemory, NOT_FOUND_KEPT_MS, OFFLINE_PAUSE_MS } from '../../../core/reading/his-memory'
import type { HisLookupSettings } from '../../../core/sync/config/his-lookup-settings'
import type { HisLookupResult, HisPatientHit } from '../../../core/sync/connectors/fhir/patient-lookup'

const SETTINGS: HisLookupSettings = {
  endpoint: { url: 'https://his.example.invalid/fhir', auth: null, caFile: null },
  allowPlainHttp: false
}
const ID = '022195001234'
const found: HisLookupResult = {
  state: 'found',
  hit: { hisId: '7', fullName: 'A', birthDate: null, gender: null, identifiers: [] }
}

function memory(answers: HisLookupResult[], settings: () => HisLookupSettings | null = () => SETTINGS) {
  let clock = 1_000_000
  const asked: string[] = []
  let connects = 0
  const his = createHisMemory({
    settings,
    now: () => clock,
    connect: () => {
      connects++
      return {
        lookup: {
          findByIdNumber: (id) => {
            asked.push(id)
            const next = answers.shift()
            return next ? Promise.resolve(next) : Promise.reject(new Error('boom'))
          }
        },
        close: () => undefined
      }
    }
  })
  return { his, asked, advance: (ms: number) => (clock += ms), connects: () => connects }
}

describe('HIS memory', () => {
  it('asks once per ID number: the chip after the QR and the save use the answer kept', async () => {
    const m = memory([found])
    const [a, b] = await Promise.all([m.his.ask(ID), m.his.ask(ID)])
    expect(a).toEqual(found)
    expect(b).toEqual(found)
    expect(await m.his.ask(ID)).toEqual(found)
    expect(m.asked).toEqual([ID])
    expect(m.his.hisIdFor(ID)).toBe('7')
    expect(m.his.hisIdFor('022195009999')).toBeNull()
    // No facility patient code on that HIS Patient: the desk gives its own.
    expect(m.his.hisCodeFor(ID)).toBeNull()
  })

  it("keeps the facility patient code (MA_BN) of the HIS Patient, under the desks' identifier system", async () => {
    const withCode: HisLookupResult = {
      state: 'found',
      hit: {
        ...(found as { hit: HisPatientHit }).hit,
        identifiers: [
          { system: 'http://fhir.ehealth.gov.vn/core/sid/national_id', value: ID },
          { system: 'http://fhir.ehealth.gov.vn/core/sid/patient-internal-id', value: 'BN-Q1-00000007' }
        ]
      }
    }
    const m = memory([withCode])
    await m.his.ask(ID)
    expect(m.his.hisCodeFor(ID)).toBe('BN-Q1-00000007')
    expect(m.his.hisCodeFor('022195009999')).toBeNull()
  })

  it('"not found" is kept only briefly: desk 1 may send the patient a minute later', async () => {
    const m = memory([{ state: 'not-found' }, found])
    expect(await m.his.ask(ID)).toEqual({ state: 'not-found' })
    expect(await m.his.ask(ID)).toEqual({ state: 'not-found' })
    m.advance(NOT_FOUND_KEPT_MS + 1)
    expect(await m.his.ask(ID)).toEqual(found)
    expect(m.asked).toEqual([ID, ID])
  })

  it('after an outage the next scans are answered "offline" at once, and the HIS is asked again later', async () => {
    const m = memory([{ state: 'offline', why: 'timeout' }, found])
    expect(await m.his.ask(ID)).toMatchObject({ state: 'offline' })
    expect(await m.his.ask('022195005678')).toMatchObject({ state: 'offline' })
    expect(m.asked).toEqual([ID])
    m.advance(OFFLINE_PAUSE_MS + 1)
    expect(await m.his.ask(ID)).toEqual(found)
    // An unexpected failure of the lookup is an outage too, never an error at the desk.
    const broken = memory([])
    expect(await broken.his.ask(ID)).toMatchObject({ state: 'offline' })
  })

  it('does not ask when the lookup is off, and a broken configuration is an outage, not an error', async () => {
    const off = memory([found], () => null)
    expect(await off.his.ask(ID)).toBeNull()
    expect(off.asked).toEqual([])
    const broken = memory([found], () => {
      throw new Error('CONFIG_INVALID')
    })
    expect(await broken.his.ask(ID)).toMatchObject({ state: 'offline' })
    expect(await off.his.ask('12345')).toBeNull()
  })

  it('follows a configuration change with a new connection', async () => {
    let url = 'https://a.invalid/fhir'
    const m = memory([{ state: 'not-found' }, { state: 'not-found' }], () => ({
      ...SETTINGS,
      endpoint: { ...SETTINGS.endpoint, url }
    }))
    await m.his.ask(ID)
    url = 'https://b.invalid/fhir'
    await m.his.ask('022195005678')
    expect(m.connects()).toBe(2)
  })
})
