// Card-read benchmark on the real PC/SC stack (private pcscd + vpcd + the project's virtual chip), with PACE and
// with BAC on the same card, extended-length and short READ BINARY. Prints JSON and exits.
//   npx tsx bench/card-read.ts [--reads 20] [--card NAME | --card DIR [--can 6DIGITS]] [--max-read 223]
//   npx tsx bench/card-read.ts --peer CMD [--runs 9] [--reads 40] [--short]      (or CARD_READ_PEER=CMD)
//   npx tsx bench/card-read.ts --peer bench/floor/bac-floor --protocol BAC       (the C floor reader, BAC only)
// With a peer (an independent ICAO reader started as `sh -c CMD`, see bench/README.md) the same card is read
// alternately by this project and by the peer, read for read, over the same pcscd, and the ratios are printed.
// NAME is a fixture card (default aa-genuine: PACE + BAC + Active Authentication, 15 KB photo). DIR is a folder of
// files (COM, SOD, DG1…DG16, CardAccess): PACE is measured when it has EF.CardAccess and --can is given.
import { existsSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
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
    'max-read': { type: 'string' },
    peer: { type: 'string' },
    runs: { type: 'string' },
    short: { type: 'boolean' },
    protocol: { type: 'string' }
  }
})
const PEER = values.peer ?? process.env.CARD_READ_PEER ?? null
const READS = Number(values.reads ?? (PEER ? 40 : 20))
const RUNS = Number(values.runs ?? (PEER ? 9 : 1))
const CARD = values.card ?? 'aa-genuine'
const PROTOCOL = values.protocol?.toUpperCase() ?? null
if (PROTOCOL !== null && PROTOCOL !== 'PACE' && PROTOCOL !== 'BAC')
  throw new Error('--protocol is PACE or BAC')

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}
const round = (x: number): number => Math.round(x * 10) / 10

interface CardUnderTest {
  chip: ChipOptions
  pace: ChipKeyInput | null
  bac: ChipKeyInput | null
}

async function cardUnderTest(): Promise<CardUnderTest> {
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

type Plan = { protocol: 'PACE' | 'BAC'; extended: boolean; keys: ChipKeyInput }

interface Sample {
  /** Card connected (SCardConnect), from "card present". */
  connectMs: number
  /** BAC or PACE done, from "card present". */
  authMs: number
  identityMs: number
  completeMs: number
  apdus: number
}

interface Ours extends Sample {
  protocol: string
  chunkSize: number
  activeAuthentication: string
  chipAuthentication: string
  trust: string
}

interface Stage {
  manager: ReaderManager
  card: VirtualCardHandle
}

/** Lays the card on the reader, runs one read from "card present" on, and takes it off again. */
async function withCard<T>(stage: Stage, read: () => Promise<T>): Promise<T> {
  const inserted = new Promise<ReaderInfo>((resolve) => stage.manager.once('card-inserted', resolve))
  await stage.card.insert()
  await inserted
  try {
    return await read()
  } finally {
    const removed = new Promise((resolve) => stage.manager.once('card-removed', resolve))
    await stage.card.remove()
    await removed
  }
}

async function readOurs(stage: Stage, plan: Plan): Promise<Ours> {
  // "Card present" is when the app learns of the card: from here the clock runs.
  const t0 = performance.now()
  const session = await stage.manager.connect({ maxRecvLength: EXTENDED_RECV })
  const connectMs = performance.now() - t0
  let identityAt = 0
  let result: Awaited<ReturnType<typeof readCccd>>
  try {
    result = await readCccd((a) => session.transmit(a), plan.keys, {
      session: {
        ...(plan.extended ? { extendedLength: true, maxChunk: 0xffff } : {}),
        cardPresent: () => session.cardPresent()
      },
      onIdentity: () => (identityAt = performance.now())
    })
  } finally {
    session.close()
  }
  return {
    connectMs,
    authMs: connectMs + result.timings.authMs,
    identityMs: identityAt - t0,
    completeMs: performance.now() - t0,
    apdus: result.apdus,
    protocol: result.chip.protocol,
    chunkSize: result.chunkSize,
    activeAuthentication: result.chip.activeAuthentication.status,
    chipAuthentication: result.chip.chipAuthentication.status,
    trust: result.chip.trust
  }
}

/** The peer reader: a long-lived process that reads one line per read and answers one JSON line. */
interface Peer {
  banner: Record<string, unknown>
  read(plan: Plan, mrzInfo: string, can: string): Promise<Sample & Record<string, unknown>>
  stop(): void
}

async function startPeer(cmd: string, env: Record<string, string>): Promise<Peer> {
  const child = spawn('sh', ['-c', cmd], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const lines = createInterface({ input: child.stdout })
  const waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = []
  lines.on('line', (line) => waiting.shift()?.resolve(line))
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`peer exited (${code})`))
  })
  const next = (): Promise<string> => new Promise((resolve, reject) => waiting.push({ resolve, reject }))
  const banner = JSON.parse(await next()) as Record<string, unknown>
  return {
    banner,
    async read(plan, mrzInfo, can) {
      // Keys travel over the pipe, never on a command line.
      child.stdin.write(`read ${plan.protocol} ${plan.extended ? 'ext' : 'short'} ${mrzInfo} ${can}\n`)
      const answer = JSON.parse(await next()) as Record<string, unknown>
      if (answer.error) throw new Error(`peer: ${String(answer.error)}`)
      return answer as Sample & Record<string, unknown>
    },
    stop: () => {
      child.stdin.end()
      child.kill()
    }
  }
}

const stats = (xs: number[]) => ({ median: round(quantile(xs, 0.5)), p95: round(quantile(xs, 0.95)) })
const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100

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
  const stage: Stage = { manager, card }
  const plans: Plan[] = []
  for (const extended of PEER && !values.short ? [true] : [true, false]) {
    if (under.pace && PROTOCOL !== 'BAC') plans.push({ protocol: 'PACE', extended, keys: under.pace })
    if (under.bac && PROTOCOL !== 'PACE') plans.push({ protocol: 'BAC', extended, keys: under.bac })
  }
  plans.sort((a, b) => Number(b.protocol === 'PACE') - Number(a.protocol === 'PACE'))
  let output: Record<string, unknown>
  let peer: Peer | null = null
  try {
    if (!PEER) {
      const runs = []
      for (const plan of plans) {
        const samples: Ours[] = []
        for (let i = 0; i < READS; i++) samples.push(await withCard(stage, () => readOurs(stage, plan)))
        const last = samples.at(-1)!
        runs.push({
          protocol: last.protocol,
          readSize: plan.extended ? 'extended' : 'short',
          apdus: last.apdus,
          chunkSize: last.chunkSize,
          timeToIdentityMs: stats(samples.map((s) => s.identityMs)),
          completeReadMs: stats(samples.map((s) => s.completeMs)),
          activeAuthentication: last.activeAuthentication,
          trust: last.trust
        })
      }
      output = {
        bench: 'card-read',
        card: CARD,
        reads: READS,
        runs,
        targets: { extendedFullReadApdus: 25 },
        peer: 'not measured in this run (give --peer CMD; see bench/README.md)'
      }
    } else {
      const mrzInfo = under.bac?.mrzInfo[0] ?? under.chip.mrzInfo
      const can = under.pace?.can ?? '000000'
      peer = await startPeer(PEER, {
        PCSCLITE_CSOCK_NAME: stack.socketPath,
        PEER_READER: stack.readerName,
        // Equal work: the peer's identity is the CCCD's DG13 too (its banner says what it did instead).
        PEER_IDENTITY: process.env.PEER_IDENTITY ?? 'dg13'
      })
      const comparisons = []
      for (const plan of plans) {
        // Warm both readers up (JIT, TLS-free crypto caches, PC/SC context) before the clock counts.
        for (let i = 0; i < 5; i++) {
          await withCard(stage, () => readOurs(stage, plan))
          await withCard(stage, () => peer!.read(plan, mrzInfo, can))
        }
        const ours: Ours[] = []
        const theirs: (Sample & Record<string, unknown>)[] = []
        const perRun: { identity: number; complete: number }[] = []
        for (let r = 0; r < RUNS; r++) {
          const o: Ours[] = []
          const t: Sample[] = []
          // Interleaved read for read, alternating who goes first, so load on the machine falls on both.
          for (let i = 0; i < READS; i++) {
            const oursFirst = (r + i) % 2 === 0
            if (oursFirst) o.push(await withCard(stage, () => readOurs(stage, plan)))
            t.push(await withCard(stage, () => peer!.read(plan, mrzInfo, can)))
            if (!oursFirst) o.push(await withCard(stage, () => readOurs(stage, plan)))
          }
          ours.push(...o)
          theirs.push(...(t as (Sample & Record<string, unknown>)[]))
          const med = (xs: number[]) => quantile(xs, 0.5)
          perRun.push({
            identity: ratio(med(o.map((s) => s.identityMs)), med(t.map((s) => s.identityMs))),
            complete: ratio(med(o.map((s) => s.completeMs)), med(t.map((s) => s.completeMs)))
          })
        }
        const lastOurs = ours.at(-1)!
        const lastPeer = theirs.at(-1)!
        const oursIdentity = stats(ours.map((s) => s.identityMs))
        const oursComplete = stats(ours.map((s) => s.completeMs))
        const peerIdentity = stats(theirs.map((s) => s.identityMs))
        const peerComplete = stats(theirs.map((s) => s.completeMs))
        comparisons.push({
          protocol: plan.protocol,
          readSize: plan.extended ? 'extended' : 'short',
          ours: {
            protocol: lastOurs.protocol,
            apdus: lastOurs.apdus,
            chunkSize: lastOurs.chunkSize,
            connectMs: stats(ours.map((s) => s.connectMs)),
            authenticatedMs: stats(ours.map((s) => s.authMs)),
            timeToIdentityMs: oursIdentity,
            completeReadMs: oursComplete,
            passiveAuthentication: lastOurs.trust,
            activeAuthentication: lastOurs.activeAuthentication,
            chipAuthentication: lastOurs.chipAuthentication
          },
          peer: {
            apdus: lastPeer.apdus,
            connectMs: stats(theirs.map((s) => s.connectMs)),
            authenticatedMs: stats(theirs.map((s) => s.authMs)),
            timeToIdentityMs: peerIdentity,
            completeReadMs: peerComplete,
            passiveAuthentication: lastPeer.pa,
            activeAuthentication: lastPeer.aa,
            chipAuthentication: lastPeer.ca
          },
          ratio: {
            timeToIdentity: ratio(oursIdentity.median, peerIdentity.median),
            completeRead: ratio(oursComplete.median, peerComplete.median),
            perRun
          }
        })
      }
      // A floor reader (bench/floor) does the identity and nothing more: a yardstick, not a peer to beat.
      const floor = peer.banner.identityOnly === true
      output = {
        bench: 'card-read',
        card: CARD,
        runs: RUNS,
        readsPerRun: READS,
        peer: peer.banner,
        identity: {
          ours: 'DG13 read and decoded (the CCCD identity)',
          peer: typeof peer.banner.identity === 'string' ? peer.banner.identity : 'not stated by the peer'
        },
        sameWork: floor
          ? 'the peer stops at the identity (a floor reader): only the identity times compare'
          : 'both: PACE or BAC, DG1 DG13 SOD DG14 DG15 DG2, AA, CA + one command under the new keys, PA (hashes + SOD signature with the DS certificate, no CSCA)',
        comparisons,
        targets: floor
          ? 'not judged against a floor reader'
          : {
              completeReadRatio: 0.8,
              timeToIdentityRatio: 0.8,
              extendedFullReadApdus: 25,
              met: comparisons
                .filter((c) => c.readSize === 'extended')
                .every(
                  (c) => c.ratio.completeRead <= 0.8 && c.ratio.timeToIdentity <= 0.8 && c.ours.apdus <= 25
                )
            }
      }
    }
  } finally {
    peer?.stop()
    await manager.stop()
    await stopStack(stack)
    await card.dispose()
  }
  console.log(JSON.stringify(output, null, 1))
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
