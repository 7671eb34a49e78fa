import { parseArgs } from 'node:util'
import { AppError } from '../contract/errors'
import { createContext, type Command } from './context'
import { createOutput, printError } from './output'
import { register } from './commands/register'
import { patients } from './commands/patients'
import { queue } from './commands/queue'
import { parseQr } from './commands/parse-qr'
import { read, readers } from './commands/card'
import { config } from './commands/config'
import { report } from './commands/report'
import { importCatalog, normalize } from './commands/catalog'
import { scan, scanners } from './commands/scanners'
import { bhyt } from './commands/bhyt'
import { print } from './commands/print'
import { backup, restore } from './commands/backup'
import { users } from './commands/users'
import { audit } from './commands/audit'
import { privacy, retention } from './commands/privacy'
import { trust } from './commands/trust'

const commands: Record<string, Command> = {
  register,
  patients,
  queue,
  'parse-qr': parseQr,
  readers,
  read,
  config,
  report,
  'import-catalog': importCatalog,
  normalize,
  scanners,
  scan,
  bhyt,
  print,
  backup,
  restore,
  users,
  audit,
  privacy,
  retention,
  trust
}

const usage = `reception — công cụ dòng lệnh của phần mềm tiếp đón (for facility IT)

Usage: reception [--data-dir DIR] [--json] [--lang vi|en] <command> [...]
  register --from identity.json [--visit-type T]   save a patient + visit from an identity (JSON)
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
  normalize --from identity.json                   MoH-coded patient: codes, candidates, warnings, XML1 values
  backup --to FILE [--passphrase-stdin]            encrypted backup; with a passphrase (stdin) it restores on a new PC
  restore --from FILE [--passphrase-stdin] [--force]  put a backup into --data-dir; never over newer data without --force
  import-catalog admin-units FILE(.json|.csv)      import the national unit list; reports what changed
  parse-qr [TEXT | -]                              decode a CCCD QR text; prints identity and chip keys
  scanners                                         QR scanners found (HID-POS, keyboard mode, USB-COM)
  scan [--port PATH] [--baud N] [--timeout S]      wait for one scan and print it
  readers                                          list PC/SC readers (honours PCSCLITE_CSOCK_NAME)
  bhyt check --id ID12|--card CODE --name N --dob D --clerk-name N --clerk-id ID12
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
  retention run                                    delete what has outlived its retention (also nightly),
  read [--reader S] (--can 6DIGITS | --qr TEXT | --id ID [--dob D [--expiry D|none]] | --mrz-info M)
       [--photo-out F] [--no-photo]                read the chip (PACE, else BAC): identity, trust mark,
                                                   anti-clone check, timings; CLONE_SUSPECTED if AA fails
  trust import FILE                                import CSCA certificates (PEM/DER, ICAO master list)
  trust list                                       CSCAs imported and document signers seen

Errors print {"error":{"code","message"}} and exit non-zero.`

/** Global options come before the command; everything after the command is its own. */
export async function runCli(argv: string[]): Promise<number> {
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
  const ctx = createContext(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined, out)
  try {
    const command = commands[name]
    if (!command) throw AppError.of('VALIDATION', 'error.cli.unknownCommand', { name }).withDetail(usage)
    void rest
    await command(ctx, args)
    return 0
  } catch (e) {
    return printError(e, lang)
  } finally {
    ctx.close()
  }
}
