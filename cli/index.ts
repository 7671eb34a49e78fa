import { parseArgs } from 'node:util'
import pkg from '../package.json'
import { AppError } from '../contract/errors'
import { createContextWith, type Command, type OpenServices } from './cli-context'
import { createOutput, printError } from './output'
import { logCliRun } from './cli-log'

/**
 * One line per command, each loaded only when it runs: `queue status` must not pay for exceljs, pkijs or the
 * PC/SC addon (bench/startup measures it). rolldown keeps every dynamic import as its own chunk.
 */
const commands: Record<string, () => Promise<Command>> = {
  register: () => import('./commands/register').then((m) => m.register),
  patients: () => import('./commands/patients').then((m) => m.patients),
  queue: () => import('./commands/queue').then((m) => m.queue),
  'parse-qr': () => import('./commands/parse-qr').then((m) => m.parseQr),
  readers: () => import('./commands/card').then((m) => m.readers),
  read: () => import('./commands/card').then((m) => m.read),
  config: () => import('./commands/config').then((m) => m.config),
  report: () => import('./commands/report').then((m) => m.report),
  'import-catalog': () => import('./commands/catalog').then((m) => m.importCatalog),
  normalize: () => import('./commands/catalog').then((m) => m.normalize),
  scanners: () => import('./commands/scanners').then((m) => m.scanners),
  scan: () => import('./commands/scanners').then((m) => m.scan),
  logs: () => import('./commands/logs').then((m) => m.logs),
  diagnostics: () => import('./commands/diagnostics').then((m) => m.diagnostics),
  bhyt: () => import('./commands/bhyt').then((m) => m.bhyt),
  print: () => import('./commands/print').then((m) => m.print),
  backup: () => import('./commands/backup').then((m) => m.backup),
  restore: () => import('./commands/backup').then((m) => m.restore),
  users: () => import('./commands/users').then((m) => m.users),
  audit: () => import('./commands/audit').then((m) => m.audit),
  privacy: () => import('./commands/privacy').then((m) => m.privacy),
  retention: () => import('./commands/privacy').then((m) => m.retention),
  trust: () => import('./commands/trust').then((m) => m.trust)
}

/** Commands that never open the database: they run without loading the SQLite addon. */
const noData = new Set(['parse-qr', 'readers', 'scanners', 'scan', 'logs'])

const usage = `reception — công cụ dòng lệnh của phần mềm tiếp đón (for facility IT)

Usage: reception [--data-dir DIR] [--json] [--lang vi|en] <command> [...]
  register --from identity.json [--visit-type T]   save a patient + visit from an identity (JSON)
    [--check-bhyt --as USER | --clerk-name N --clerk-id ID12]   with the BHYT card check (outage: saved unverified)
  patients search TEXT                             find by ID number or name (diacritics optional)
  patients find --id ID | --bhyt CARD              exact lookup by ID number, old ID number or BHYT card
  patients children MOTHER_ID                      children registered under a mother's/guardian's record
  patients merge KEEP_ID DUPLICATE_ID              merge a duplicate into the record kept (audited, reversible)
  report quality --from D --to D [--xlsx FILE]     data-quality report (Đúng – Đủ – Sạch – Sống)
  queue status                                     what waits to be sent to HIS / eMCH
  queue flush [--target his|emch] [--max-wait S]   send what waits now; prints {sent, failed, dead, remaining}
  queue list [--status S] [--target T]             queued records with the reason they wait
  queue retry ID... | --all-failed | --all-dead    put refused/dead records back in the queue
  config get [KEY] | set KEY VALUE | unset KEY     HIS/eMCH endpoints, auth, schedule (secrets sealed)
  config validate-machine FILE                     check a machine-wide config file before deploying it
  config write-machine [--his-url U] [--facility-code C] [--bhxh-url U] [--file F]   (the MSI runs this)
  normalize --from identity.json                   MoH-coded patient: codes, candidates, warnings, XML1 values
  backup --to FILE [--passphrase-stdin]            encrypted backup; with a passphrase (stdin) it restores on a new PC
  restore --from FILE [--passphrase-stdin] [--force]  put a backup into --data-dir; never over newer data without --force
  import-catalog admin-units FILE(.json|.csv)      import the national unit list; reports what changed
  import-catalog occupations FILE(.csv|.json)      import the QĐ 34/2020 occupation list (code,name)
  parse-qr [TEXT | -]                              decode a CCCD QR text; prints identity and chip keys
  scanners                                         QR scanners found (HID-POS, keyboard mode, USB-COM)
  scan [--port PATH] [--baud N] [--timeout S]      wait for one scan and print it
  readers                                          list PC/SC readers (honours PCSCLITE_CSOCK_NAME)
  bhyt check --id ID12|--card CODE --name N --dob D (--clerk-name N --clerk-id ID12 | --as USER)
                                                   check a BHYT card through the BHXH gateway
  print slip --visit ID --out slip.pdf [--format 58mm|80mm|a5]
                                                   the visit's queue slip (number, name, QR of MA_BN) as PDF
  users add USERNAME --role clerk|it|officer --name "…" --cccd ID12   named account (password: prompt or stdin)
  users list | disable U | enable U | reset-password U | set-role U ROLE
  audit verify                                     check the access log's hash chain (non-zero exit if broken)
  audit list [--patient ID] [--user U] [--from D --to D]   who did what; who looked at a patient
  privacy export --patient ID --out FILE.json      what is held, where it went, who accessed it (JSON + HTML)
  privacy restrict --patient ID | erase --patient ID   restrict processing; erase (refused inside retention)
  privacy inventory                                the data map: field, purpose, basis, recipients, retention
  retention run                                    delete what has outlived its retention (also nightly)
  read [--reader S] (--can 6DIGITS | --qr TEXT | --id ID [--dob D [--expiry D|none]] | --mrz-info M)
       [--photo-out F] [--no-photo]                read the chip (PACE, else BAC): identity, trust mark,
                                                   anti-clone check, timings; CLONE_SUSPECTED if AA fails
  trust import FILE                                import CSCA certificates (PEM/DER, ICAO master list)
  trust list                                       CSCAs imported and document signers seen
  logs [--tail N] [--level warn]                   last lines of the app and CLI logs (data dir logs/)
  diagnostics                                      versions, config (no secrets), queue, devices, recent errors

Errors print {"error":{"code","message"}} and exit non-zero.`

const APP_VERSION: string = pkg.version
/** Only these second words reach the CLI log: any other argument may be a name or an ID number. */
const subcommandWords = new Set(
  'status flush list retry get set unset search find children merge quality admin-units validate-machine write-machine check slip add disable enable reset-password set-role verify export restrict erase inventory run import'.split(
    ' '
  )
)

export interface RunCliOptions {
  /** How commands open the database; the Node CLI uses the data dir's key file, the packaged app its sealed key. */
  openServices?: OpenServices
}

/** Global options come before the command; everything after the command is its own. */
export async function runCli(argv: string[], options: RunCliOptions = {}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: false
  })
  const [name, ...rest] = positionals
  const args = argv.slice(argv.indexOf(name ?? '') + 1)
  const lang = values.lang === 'en' ? 'en' : 'vi'
  if (values.lang !== undefined && values.lang !== 'vi' && values.lang !== 'en')
    return printError(AppError.of('VALIDATION', 'error.cli.oneOf', { option: '--lang', options: 'vi, en' }))
  if (values.help || !name) {
    process.stdout.write(usage + '\n')
    return name || values.help ? 0 : 2
  }
  const out = createOutput(values.json === true, lang)
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined
  let ctx = createContextWith(dataDir, out, null)
  const started = performance.now()
  let failure: unknown = null
  try {
    const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined
    if (!load) throw AppError.of('VALIDATION', 'error.cli.unknownCommand', { name }).withDetail(usage)
    void rest
    const [command, runtime] = await Promise.all([
      load(),
      noData.has(name) || options.openServices ? null : import('../core/node-runtime')
    ])
    const open = noData.has(name) ? null : (options.openServices ?? runtime?.openNodeServices ?? null)
    if (open) ctx = createContextWith(dataDir, out, open)
    await command(ctx, args)
    return 0
  } catch (e) {
    failure = e
    return printError(e, lang)
  } finally {
    ctx.close()
    const sub = args.find((a) => !a.startsWith('-'))
    const known = Object.prototype.hasOwnProperty.call(commands, name) ? name : '(unknown)'
    const words = sub && subcommandWords.has(sub) ? [known, sub] : [known]
    await logCliRun(dataDir, APP_VERSION, words, performance.now() - started, failure)
  }
}
