// Simulated reader for demos, training and manual testing:
//   npx tsx test/harness/virtual-chip/cli.ts --port 40000 --card card-2021 [--delay 5] [--max-read 223]
//     (or --dir FOLDER with COM, SOD, DG1, DG2, DG13… files, see folder.ts)
//     [--remove-after 40] [--corrupt-mac] [--missing 010D,0102] [--host 127.0.0.2] [--verbose]
// Type "remove", "insert" or "quit" on stdin. The card reconnects by itself if pcscd restarts.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { type FixtureName, fixtureCard, fixtureNames } from '../fixtures'
import { type ChipFaults, EmrtdChip } from './chip'
import { chipOptionsFromFolder } from './folder'
import { VpcdCard } from './vpcd-card'

function usage(message?: string): never {
  if (message) console.error(message)
  console.error(
    `usage: cli.ts --port P --card NAME [--delay MS] [--max-read N] [--remove-after N] [--corrupt-mac]\n` +
      `              [--missing FID,...] [--host H] [--verbose]\ncards: ${fixtureNames.join(', ')}`
  )
  process.exit(2)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      card: { type: 'string', default: 'card-2021' },
      dir: { type: 'string' },
      host: { type: 'string', default: '127.0.0.2' },
      delay: { type: 'string' },
      'max-read': { type: 'string' },
      'remove-after': { type: 'string' },
      'corrupt-mac': { type: 'boolean', default: false },
      missing: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  })
  if (values.help) usage()
  const port = Number(values.port ?? process.env.VPCD_PORT)
  if (!Number.isInteger(port) || port <= 0) usage('--port (or VPCD_PORT) is required')
  if (!values.dir && !fixtureNames.includes(values.card as FixtureName)) usage(`unknown card ${values.card}`)
  const faults: ChipFaults = {
    ...(values['max-read'] ? { maxReadLength: Number(values['max-read']) } : {}),
    ...(values['corrupt-mac'] ? { corruptMac: true } : {}),
    ...(values.missing ? { missingFiles: values.missing.split(',').map((f) => parseInt(f, 16)) } : {})
  }
  const fixture = values.dir ? null : await fixtureCard(values.card as FixtureName)
  const options = fixture ? fixture.chipOptions(faults) : { ...chipOptionsFromFolder(values.dir!), faults }
  const card = new VpcdCard(new EmrtdChip(options), {
    port,
    host: values.host,
    ...(values.delay ? { delayMs: Number(values.delay) } : {}),
    ...(values['remove-after'] ? { removeAfterApdus: Number(values['remove-after']) } : {}),
    ...(values.verbose
      ? {
          onApdu: (c: Buffer, r: Buffer | null) =>
            console.log(`> ${c.toString('hex')}\n< ${r ? r.toString('hex') : '(card pulled)'}`)
        }
      : {})
  })

  let wanted = true
  let retry: NodeJS.Timeout | null = null
  const tryInsert = (delay: number) => {
    retry = setTimeout(() => {
      retry = null
      if (!wanted || card.inserted) return
      card.insert().catch(() => tryInsert(Math.min(delay * 2, 2000)))
    }, delay)
  }
  const label = fixture?.name ?? values.dir!
  card.on('inserted', () => console.log(`card "${label}" inserted (vpcd port ${port})`))
  card.on('removed', (reason) => {
    console.log(`card removed (${reason})`)
    if (wanted && reason === 'peer') tryInsert(250) // pcscd went away: wait for it to come back
  })

  if (fixture) {
    console.log(`${fixture.description}`)
    console.log(`  holder: ${fixture.identity.fullName}, ID ${fixture.identity.idNumber}`)
    console.log(`  MRZ:    ${fixture.mrz.lines.join(' / ')}`)
    console.log(`  BAC:    ${fixture.mrz.mrzInfo}   CAN: ${fixture.mrz.can}`)
  } else {
    console.log(`card from ${values.dir}: ${options.files.size} files, BAC: ${options.mrzInfo}`)
  }
  await card.insert().catch((e: Error) => {
    console.log(`vpcd not reachable on ${values.host}:${port} (${e.message}); retrying`)
    tryInsert(250)
  })

  const rl = createInterface({ input: process.stdin })
  const quit = async () => {
    wanted = false
    if (retry) clearTimeout(retry)
    rl.close()
    await card.remove()
    process.exit(0)
  }
  rl.on('line', (line) => {
    const cmd = line.trim()
    if (cmd === 'remove') {
      wanted = false
      void card.remove()
    } else if (cmd === 'insert') {
      wanted = true
      card.insert().catch((e: Error) => console.log(`insert failed: ${e.message}`))
    } else if (cmd === 'quit') void quit()
    else if (cmd) console.log('commands: remove | insert | quit')
  })
  process.on('SIGINT', () => void quit())
  process.on('SIGTERM', () => void quit())
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
