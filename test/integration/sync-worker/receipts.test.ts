import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { listRows } from '../../../db/outbox-store'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { syncSettingsFrom } from '../../../core/sync/config/sync-settings'
import { listQueue } from '../../../core/sync/worker/queue-admin'
import { runFlush } from '../../../core/sync/worker/run-flush'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { tempDir } from '../../support/fixtures'
import { registerVisits, servicesIn } from './support'

let server: HisServer
const cleanups: (() => void)[] = []
beforeAll(async () => {
  server = await startHisServer()
  // The first transaction compiles the R4 schema on the server side: do it before any timed exchange.
  const warm = desk({ 'his.url': `${server.url}/fhir`, 'sync.timeoutMs': '120000' })
  registerVisits(warm.services, 1)
  await warm.flush()
  server.reset()
}, 180_000)
afterAll(async () => {
  await server.close()
  for (const c of cleanups.reverse()) c()
})

function desk(config: Record<string, string>) {
  const t = tempDir('sync-receipts-')
  cleanups.push(t.cleanup)
  const services = servicesIn(t.dir)
  cleanups.push(() => services.close())
  const store = new SyncConfigStore({
    dataDir: t.dir,
    sealer: createKeyFileSealer(loadOrCreateKeyFile(t.dir)),
    env: { RECEPTION_MACHINE_CONFIG: join(t.dir, 'none.json') }
  })
  // A loaded test machine must not turn a slow answer into a timeout.
  for (const [k, v] of Object.entries({ 'sync.timeoutMs': '120000', ...config })) store.set(k, v)
  const flush = () =>
    runFlush({
      db: services.db,
      clock: services.clock,
      settings: syncSettingsFrom(store.values()),
      targets: ['his'],
      includeWaiting: true
    })
  return { services, flush }
}

/** Three answers with status 200 that prove nothing: each took all three test records out of the queue. */
const notReceipts = [
  {
    name: 'a captive-portal login page',
    body: '<html><head><title>Đăng nhập Wi-Fi</title></head><body>Vui lòng đăng nhập</body></html>',
    contentType: 'text/html; charset=utf-8'
  },
  { name: 'an empty body', body: '', contentType: 'application/json' },
  {
    name: 'broken JSON',
    body: '{"resourceType":"Bundle","type":"transaction-resp',
    contentType: 'application/fhir+json'
  }
]

describe('the queue screen after a 200 without a receipt', () => {
  it.each(notReceipts)(
    'FHIR: $name keeps all three records queued, says the HIS answered without a receipt, and a real receipt sends them',
    async ({ body, contentType }) => {
      server.reset()
      const { services, flush } = desk({ 'his.url': `${server.url}/fhir` })
      registerVisits(services, 3)
      server.injectFault({ kind: 'status', status: 200, body, contentType }, 10, '/fhir')

      const first = await flush()
      expect(first).toMatchObject({ sent: 0, retrying: 3, failed: 0, remaining: 3 })
      expect(server.stored().fhir).toHaveLength(0)
      const shown = listQueue(services.db, { target: 'his' })
      expect(shown.map((r) => r.status)).toEqual(['pending', 'pending', 'pending'])
      for (const row of shown) {
        expect(row.lastErrorCode).toBe('HIS_UNAVAILABLE')
        expect(row.lastError).toBe(
          'HIS đã trả lời nhưng không kèm biên nhận xác nhận đã nhận hồ sơ. Hồ sơ vẫn được giữ và sẽ tự gửi lại.'
        )
      }

      server.reset()
      expect(await flush()).toMatchObject({ sent: 3, remaining: 0 })
      const rows = listRows(services.db, { target: 'his', limit: 10 })
      for (const row of rows) {
        expect(row.status).toBe('sent')
        expect(row.receipt).toMatch(/^Encounter\/\d+$/)
        expect(row.receiptIds).toEqual([expect.stringMatching(/^Patient\/\d+$/), row.receipt])
      }
    },
    240_000
  )

  it('XML 4750: an acknowledgement that does not echo the record keeps it queued; the real one is kept', async () => {
    server.reset()
    const { services, flush } = desk({
      'his.protocol': 'xml4750',
      'his.url': `${server.url}/xml`,
      'facility.code': '22001'
    })
    registerVisits(services, 1)
    server.injectFault(
      { kind: 'status', status: 200, body: '{"maKetQua":"000","maGiaoDich":"GD1","maLk":"another-visit"}' },
      1,
      '/xml'
    )
    expect(await flush()).toMatchObject({ sent: 0, retrying: 1 })
    expect(listQueue(services.db, { target: 'his' })[0]!.lastError).toContain('không kèm biên nhận')

    expect(await flush()).toMatchObject({ sent: 1 })
    const [row] = listRows(services.db, { target: 'his', limit: 1 })
    expect(row!.receiptIds).toEqual([expect.stringMatching(/^GD\d+$/), row!.receipt])
  }, 240_000)
})
