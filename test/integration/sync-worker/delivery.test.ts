import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { requeueRow, rowPayload } from '../../../db/outbox-store'
import type { Submission } from '../../../contract/submission'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { syncSettingsFrom } from '../../../core/sync/config/sync-settings'
import { resubmitCorrectedSubmission } from '../../../core/sync/worker/queue-admin'
import { runFlush } from '../../../core/sync/worker/run-flush'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { tempDir } from '../../support/fixtures'
import { encountersPerVisit, registerVisits, servicesIn, type Stored } from './support'

let server: HisServer
const dirs: (() => void)[] = []
beforeAll(async () => {
  server = await startHisServer()
}, 60_000)
afterAll(async () => {
  await server.close()
  for (const d of dirs) d()
})

function desk(config: Record<string, string>) {
  const t = tempDir('sync-delivery-')
  dirs.push(t.cleanup)
  const services = servicesIn(t.dir)
  dirs.push(() => services.close())
  const store = new SyncConfigStore({
    dataDir: t.dir,
    sealer: createKeyFileSealer(loadOrCreateKeyFile(t.dir)),
    env: { RECEPTION_MACHINE_CONFIG: join(t.dir, 'none.json') }
  })
  for (const [k, v] of Object.entries(config)) store.set(k, v)
  const flush = () =>
    runFlush({
      db: services.db,
      clock: services.clock,
      settings: syncSettingsFrom(store.values()),
      targets: ['his']
    })
  return { services, flush, dir: t.dir }
}

describe('worker + real connectors', () => {
  it('a record corrected after the HIS refused it is accepted under a new key revision', async () => {
    server.reset()
    const { services, flush } = desk({ 'his.url': `${server.url}/fhir` })
    const [bad, good] = registerVisits(services, 2)
    const original = rowPayload(services.db, 1) as Submission
    expect(original.visit.id).toBe(bad)
    // FHIR allows offsets up to +14:00: the server refuses this snapshot with its reason.
    const broken = { ...original, visit: { ...original.visit, visitedAt: '2026-11-23T08:05:00+15:00' } }
    services.db.prepare('UPDATE outbox SET payload_json = ? WHERE id = 1').run(JSON.stringify(broken))

    expect(await flush()).toMatchObject({ sent: 1, failed: 1 })
    const failed = services.db
      .prepare<[], { status: string; last_error: string }>(
        'SELECT status, last_error FROM outbox WHERE id = 1'
      )
      .get()!
    expect(failed.status).toBe('failed')
    expect(failed.last_error).toContain('FHIR R4')

    // Fixing the content but keeping the key: the server remembers the key with the old body and refuses.
    services.db.prepare('UPDATE outbox SET payload_json = ? WHERE id = 1').run(JSON.stringify(original))
    requeueRow(services.db, 1, services.clock())
    expect(await flush()).toMatchObject({ sent: 0, failed: 1 })

    // The supported way: a new revision of the key with the corrected snapshot.
    const key = resubmitCorrectedSubmission(services.db, 1, original, services.clock())
    expect(key).toBe(`${bad}:his:r2`)
    expect(await flush()).toMatchObject({ sent: 1, failed: 0, remaining: 0 })
    const perVisit = encountersPerVisit(server.stored() as unknown as Stored)
    expect(perVisit.get(bad!)).toBe(1)
    expect(perVisit.get(good!)).toBe(1)
    expect(server.requests().some((r) => r.idempotencyKey === `${bad}:his:r2` && r.result === 200)).toBe(true)
  })

  it('XML 4750 into a drop folder: one check-in and one dossier per visit, a resend adds no file', async () => {
    const folder = tempDir('xml-drop-')
    dirs.push(folder.cleanup)
    const { services, flush } = desk({
      'his.protocol': 'xml4750',
      'xml.mode': 'folder',
      'xml.folder': folder.dir
    })
    registerVisits(services, 3)
    expect(await flush()).toMatchObject({ sent: 3, remaining: 0 })
    const files = readdirSync(folder.dir).sort()
    expect(files.filter((f) => f.includes('XML0'))).toHaveLength(3)
    expect(files.filter((f) => f.includes('HOSO'))).toHaveLength(3)
    // As if every reply had been lost: the same records go again.
    services.db.exec("UPDATE outbox SET status = 'pending' WHERE target = 'his'")
    expect(await flush()).toMatchObject({ sent: 3 })
    expect(readdirSync(folder.dir).sort()).toEqual(files)
  })
})
