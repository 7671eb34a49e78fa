// Card-read benchmark on the real PC/SC stack (private pcscd + vpcd + the project's virtual chip), with PACE and
// with BAC on the same card, extended-length and short READ BINARY. Prints JSON and exits.
//   npx tsx bench/card-read.ts [--reads 20] [--card NAME | --card DIR [--can 6DIGITS]] [--max-read 223]
// NAME is a fixture card (default aa-genuine: PACE + BAC + Active Authentication, 15 KB photo). DIR is a folder of
// files (COM, SOD, DG1…DG16, CardAccess): PACE is measured when it has EF.CardAccess and --can is given.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ReaderManager, type ReaderInfo } from '../devices/pcsc'
import { smartcardBackend } from '../devices/pcsc/smartcard-backend'
import { readCccd, type ChipKeyInput } from '../core/card/read-cccd'
import { EXTENDED_RECV } from '../core/card/reader-limits'
import { parseSecurityInfos } from '../protocol/icao'
import { startStack, stopStack, stackUnavailableReason } from '../test/harness/stack'
import { chipOptionsFromFolder, VirtualCardHandle, type ChipOptions } from '../test/harness/virtual-chip'
import { fixtureCard, fixtureNames, type FixtureName } from '../test/harness/fixtures'

const { values } = parseArgs({
  options: {
    reads: { type: 'string' },
    card: { type: 'string' },
    can: { type: 'string' },
    'max-read': { type: 'string' }
  }
})
const READS = Number(values.reads ?? 20)
const CARD = values.card ?? 'aa-genuine'

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}
const round = (x: number): number => Math.round(x * 10) / 10

async function cardUnderTest(): Promise<{
  chip: ChipOptions
  pace: ChipKeyInput | null
  bac: ChipKeyInput | null
}> {
  if (fixtureNames.includes(CARD as FixtureName)) {
    const f = await fixtureCard(CARD as FixtureName)
    const chip = f.chipOptions(values['max-read'] ? { maxReadLength: Number(values['max-read']) } : undefined)
    return {
      chip,
      pace: chip.pace ? { mrzInfo: [], can: chip.pace.can } : null,
      bac: chip.bacRefused ? null : { mrzInfo: [f.mrz.mrzInfo], can: null }
    }
  }
  if (!existsSync(CARD)) throw new Error(`no fixture or folder ${CARD}`)
  const chip = chipOptionsFromFolder(CARD)
  const cardAccess = chip.files.get(0x011c)
  const can = values.can
  if (cardAccess && can) {
    const info = parseSecurityInfos(cardAccess).pace[0]
    if (info?.parameterId !== undefined)
      chip.pace = { protocol: info.protocol, parameterId: info.parameterId, can }
  }
  if (values['max-read']) chip.faults = { maxReadLength: Number(values['max-read']) }
  return {
    chip,
    pace: chip.pace ? { mrzInfo: [], can: chip.pace.can } : null,
    bac: { mrzInfo: [chip.mrzInfo], can: null }
  }
}

interface Run {
  protocol: string
  readSize: 'extended' | 'short'
  apdus: number
  chunkSize: number
  timeToIdentityMs: { median: number; p95: number }
  completeReadMs: { median: number; p95: number }
  activeAuthentication: string
  trust: string
}

async function main(): Promise<void> {
  const why = stackUnavailableReason()
  if (why) {
    console.log(JSON.stringify({ bench: 'card-read', skipped: why }))
    return
  }
  const under = await cardUnderTest()
  const stack = await startStack()
  const card = new VirtualCardHandle({ chip: under.chip, link: { port: stack.port } })
  await card.ready
  const manager = new ReaderManager(smartcardBackend(), { pollIntervalMs: 200 })
  manager.start()
  await manager.waitForState('ready', 10_000)
  const runs: Run[] = []
  try {
    const plans: [string, ChipKeyInput | null, boolean][] = [
      ['PACE', under.pace, true],
      ['PACE', under.pace, false],
      ['BAC', under.bac, true],
      ['BAC', under.bac, false]
    ]
    for (const [label, keys, extended] of plans) {
      if (!keys) continue
      const toIdentity: number[] = []
      const complete: number[] = []
      let last: Awaited<ReturnType<typeof readCccd>> | null = null
      for (let i = 0; i < READS; i++) {
        const inserted = new Promise<ReaderInfo>((resolve) => manager.once('card-inserted', resolve))
        await card.insert()
        await inserted
        // "Card present" is when the app learns of the card: from here the clock runs.
        const t0 = performance.now()
        const session = await manager.connect({ maxRecvLength: EXTENDED_RECV })
        let identityAt = 0
        try {
          last = await readCccd((a) => session.transmit(a), keys, {
            session: {
              ...(extended ? { extendedLength: true, maxChunk: 0xffff } : {}),
              cardPresent: () => session.cardPresent()
            },
            onIdentity: () => (identityAt = performance.now())
          })
        } finally {
          session.close()
        }
        complete.push(performance.now() - t0)
        toIdentity.push(identityAt - t0)
        const removed = new Promise((resolve) => manager.once('card-removed', resolve))
        await card.remove()
        await removed
      }
      runs.push({
        protocol: last!.chip.protocol,
        readSize: extended ? 'extended' : 'short',
        apdus: last!.apdus,
        chunkSize: last!.chunkSize,
        timeToIdentityMs: {
          median: round(quantile(toIdentity, 0.5)),
          p95: round(quantile(toIdentity, 0.95))
        },
        completeReadMs: { median: round(quantile(complete, 0.5)), p95: round(quantile(complete, 0.95)) },
        activeAuthentication: last!.chip.activeAuthentication.status,
        trust: last!.chip.trust
      })
      void label
    }
  } finally {
    await manager.stop()
    await stopStack(stack)
    await card.dispose()
  }
  console.log(
    JSON.stringify(
      {
        bench: 'card-read',
        card: CARD,
        reads: READS,
        runs,
        targets: { extendedFullReadApdus: 25 },
        peer: 'not measured in this run (see docs/adr/0018)'
      },
      null,
      1
    )
  )
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
