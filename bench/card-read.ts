// Card-read benchmark on the real PC/SC stack (private pcscd + vpcd + the project's virtual chip):
// 50 reads of a fixture card with a 15 KB photo. Prints JSON.
//   npx tsx bench/card-read.ts [--reads 50] [--max-read 223]
import { parseArgs } from 'node:util'
import { ReaderManager, type ReaderInfo } from '../devices/pcsc'
import { smartcardBackend } from '../devices/pcsc/smartcard-backend'
import { readCccd } from '../core/card/read-cccd'
import { startStack, stopStack, stackUnavailableReason } from '../test/harness/stack'
import { virtualCard } from '../test/harness/virtual-chip'
import { fixtureCard } from '../test/harness/fixtures'

const { values } = parseArgs({ options: { reads: { type: 'string' }, 'max-read': { type: 'string' } } })
const READS = Number(values.reads ?? 50)
const MAX_READ = Number(values['max-read'] ?? 223)

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}
const round = (x: number): number => Math.round(x * 10) / 10

async function main(): Promise<void> {
  const why = stackUnavailableReason()
  if (why) {
    console.log(JSON.stringify({ skipped: why }))
    return
  }
  const stack = await startStack()
  const fixture = await fixtureCard('card-2024')
  const card = await virtualCard('card-2024', { port: stack.port }, { maxReadLength: MAX_READ })
  const manager = new ReaderManager(smartcardBackend(), { pollIntervalMs: 200 })
  manager.start()
  await manager.waitForState('ready', 10_000)
  const toIdentity: number[] = []
  const complete: number[] = []
  let apdus = 0
  let minimum = 0
  let bytes = 0
  let chunk = 0
  let photoBytes = 0
  try {
    for (let i = 0; i < READS; i++) {
      const inserted = new Promise<ReaderInfo>((resolve) => manager.once('card-inserted', resolve))
      await card.insert()
      await inserted
      // "Card present" is when the app learns of the card: from here the clock runs.
      const t0 = performance.now()
      const session = await manager.connect()
      let identityAt = 0
      const r = await readCccd(
        (a) => session.transmit(a),
        { mrzInfo: [fixture.mrz.mrzInfo], can: null },
        {
          session: { maxChunk: MAX_READ, cardPresent: () => session.cardPresent() },
          onIdentity: () => (identityAt = performance.now())
        }
      )
      const done = performance.now()
      session.close()
      if (r.chip.passiveAuthentication.status !== 'valid')
        throw new Error('passive authentication failed in bench')
      toIdentity.push(identityAt - t0)
      complete.push(done - t0)
      apdus = r.apdus
      minimum = r.minimumApdus
      bytes = r.bytesRead
      chunk = r.chunkSize
      photoBytes = r.photo?.bytes.length ?? 0
      const removed = new Promise((resolve) => manager.once('card-removed', resolve))
      await card.remove()
      await removed
    }
  } finally {
    await manager.stop()
    await stopStack(stack)
    await card.remove()
  }
  console.log(
    JSON.stringify({
      bench: 'card-read',
      reads: READS,
      photoBytes,
      timeToIdentityMs: { median: round(quantile(toIdentity, 0.5)), p95: round(quantile(toIdentity, 0.95)) },
      completeReadMs: { median: round(quantile(complete, 0.5)), p95: round(quantile(complete, 0.95)) },
      apdus,
      theoreticalMinimumApdus: minimum,
      chunkSize: chunk,
      bytesRead: bytes,
      targets: { timeToIdentityMedianMs: 60, completeReadMs: 250, apdusEqualMinimum: apdus === minimum }
    })
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
