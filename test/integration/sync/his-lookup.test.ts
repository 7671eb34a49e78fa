// The HIS as the facility's shared memory: what desk 1 sent, desk 2 finds by the ID number; an HIS that does not
// answer leaves the desk working locally, told so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildHisBundle, createHisFhirConnector, type Connector } from '../../../core/sync/connectors'
import { createHisPatientLookup } from '../../../core/sync/connectors/fhir/patient-lookup'
import { createHttpClient } from '../../../core/sync/http-client'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { validateR4 } from '../../harness/his-server/r4-validation'
import { makeSubmission } from '../../unit/sync/submission-fixtures'

let server: HisServer
let desk1: Connector

beforeAll(async () => {
  // The test HIS compiles the R4 schema on its first Bundle (seconds on a loaded machine): not in the send's deadline.
  validateR4(buildHisBundle(makeSubmission()))
  server = await startHisServer()
  desk1 = createHisFhirConnector(createHttpClient({ baseUrl: `${server.url}/fhir`, timeoutMs: 10_000 }))
}, 60_000)
afterAll(async () => {
  desk1.close()
  await server.close()
})

describe('patient lookup in the HIS', () => {
  it('desk 2 finds the patient desk 1 sent, with the HIS id to keep', async () => {
    const sub = makeSubmission()
    expect((await desk1.send(sub)).kind).toBe('sent')
    const desk2 = createHisPatientLookup(
      createHttpClient({ baseUrl: `${server.url}/fhir`, timeoutMs: 5_000 })
    )
    const found = await desk2.findByIdNumber(sub.patient.form.idNumber!)
    expect(found).toMatchObject({
      state: 'found',
      hit: { hisId: expect.any(String), fullName: sub.patient.form.fullName }
    })
    expect(await desk2.findByIdNumber('022199999999')).toEqual({ state: 'not-found' })
  })

  it('an HIS that cannot be reached is "offline", never an error that stops the desk', async () => {
    const lookup = createHisPatientLookup(
      createHttpClient({ baseUrl: 'http://127.0.0.1:9/fhir', timeoutMs: 1_000 })
    )
    expect(await lookup.findByIdNumber('022195001234')).toMatchObject({ state: 'offline' })
  })
})
