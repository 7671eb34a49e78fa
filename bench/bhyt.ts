// BHYT check benchmark against the loopback test gateway: the round trip of one forced check (token cached), and
// what the sender's BHYT step adds to a flush (1,000 queued visits in batches of 20, the gateway configured, no
// unverified card, so it is the per-record latest-check read). Prints JSON and exits.
//   npx tsx bench/bhyt.ts [--checks 50] [--visits 1000]
import { parseArgs } from 'node:util'
import { createDeskBhyt } from '../core/bhyt/desk-bhyt'
import { createBhytSendStep } from '../core/bhyt/send-step'
import { openSyncConfig } from '../core/sync/config/open-config'
import { submissionSchema } from '../contract/submission'
import { startBhxhGateway } from '../test/harness/bhxh-gateway/server'
import { registration, testServices } from '../test/support/fixtures'
import { claimDue } from '../db/outbox-store'

const { values } = parseArgs({ options: { checks: { type: 'string' }, visits: { type: 'string' } } })
const CHECKS = Number(values.checks ?? 50)
const VISITS = Number(values.visits ?? 1000)

async function main(): Promise<void> {
  const gw = await startBhxhGateway({
    cards: {
      '022195001234': {
        hoTen: 'Nguyễn Thị Hồng Nhung',
        ngaySinh: '14/03/1995',
        fields: { maThe: 'GD4222221234567' }
      }
    }
  })
  const t = testServices()
  const config = openSyncConfig(t.services)
  config.set('bhxh.url', gw.url)
  config.set('bhxh.username', '22001_BV')
  config.set('bhxh.password', 'mat-khau-thu')
  const bhyt = createDeskBhyt({ db: t.services.db, clock: t.services.clock, values: () => config.values() })
  const clerk = { fullName: 'Trần Thị Lễ Tân', staffIdNumber: '022190001111' }
  const ask = {
    cardKey: '022195001234',
    fullName: 'Nguyễn Thị Hồng Nhung',
    dateOfBirth: '1995-03-14',
    force: true
  }
  await bhyt.check(ask, clerk) // token
  const times: number[] = []
  for (let i = 0; i < CHECKS; i++) {
    const s = performance.now()
    await bhyt.check(ask, clerk)
    times.push(performance.now() - s)
  }
  for (let i = 0; i < VISITS; i++)
    t.services.register(registration({}, { idNumber: String(22195100000 + i).padStart(12, '0') }))
  const rows = claimDue(t.services.db, { now: new Date(), limit: VISITS, targets: ['his'], leaseMs: 600_000 })
  const subs = rows.map((r) => submissionSchema.parse(JSON.parse(r.payloadJson)))
  const step = createBhytSendStep({ db: t.services.db, bhyt })
  const s = performance.now()
  for (let i = 0; i < subs.length; i += 20) await step(subs.slice(i, i + 20))
  const stepMs = performance.now() - s
  times.sort((a, b) => a - b)
  console.log(
    JSON.stringify({
      checks: CHECKS,
      checkMedianMs: +times[Math.floor(times.length / 2)]!.toFixed(2),
      checkP95Ms: +times[Math.ceil(0.95 * times.length) - 1]!.toFixed(2),
      visits: subs.length,
      sendStepTotalMs: +stepMs.toFixed(1),
      sendStepPerRecordMs: +(stepMs / subs.length).toFixed(3)
    })
  )
  bhyt.close()
  t.cleanup()
  await gw.close()
}

void main()
