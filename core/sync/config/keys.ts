import { z } from 'zod'
import { DESK_CODE } from '../../../contract/rules/patient-code'

/**
 * Every sync setting facility IT can change (`reception config set KEY VALUE`), with its type, default and
 * whether it is a secret. Values arrive as text from the command line and are stored typed in JSON.
 */
export type ConfigValue = string | number | boolean

export interface ConfigKeyDef {
  /** Turns the command-line text into the stored value; throws a ZodError on bad input. */
  parse: (raw: string) => ConfigValue
  /** Checks a value read from a file (machine files are written by hand). */
  check: z.ZodType<ConfigValue>
  default: ConfigValue | null
  secret: boolean
  /** Read only from IT's machine file: a desk cannot grant itself this (docs/adr/0017). */
  machineOnly?: boolean
  /** One line for `config get` and the ADR. */
  help: string
  /** A default that follows another key's effective value (his.lookup is on for a FHIR HIS). */
  defaultFrom?: { key: string; value: (other: ConfigValue | null) => ConfigValue }
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
export const windowSchema = z
  .string()
  .trim()
  .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'dạng HH:MM-HH:MM, ví dụ 22:00-05:00')
  .refine((s) => s.split('-').every((p) => TIME.test(p)), 'giờ không hợp lệ')
  .refine((s) => s.split('-')[0] !== s.split('-')[1], 'giờ bắt đầu và kết thúc phải khác nhau')

const url = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s)
      return u.protocol === 'http:' || u.protocol === 'https:'
    } catch {
      return false
    }
  }, 'địa chỉ phải bắt đầu bằng http:// hoặc https://')
const text = z.string().trim().min(1)
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', 'off', '1', '0'])])
  .transform((v) => (typeof v === 'boolean' ? v : v === 'true' || v === 'on' || v === '1'))
const int = (min: number, max: number) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/)])
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

function def(
  schema: z.ZodType<ConfigValue, unknown>,
  defaultValue: ConfigValue | null,
  help: string,
  secret = false
): ConfigKeyDef {
  return {
    parse: (raw) => schema.parse(raw),
    check: schema as z.ZodType<ConfigValue>,
    default: defaultValue,
    secret,
    help
  }
}

const auth = z.enum(['none', 'bearer', 'basic'])

function endpointKeys(prefix: 'his' | 'emch', name: string): Record<string, ConfigKeyDef> {
  return {
    [`${prefix}.url`]: def(url, null, `${name} endpoint (FHIR base URL, or the XML 4750 endpoint)`),
    [`${prefix}.auth`]: def(auth, 'none', `${name} authentication: none | bearer | basic`),
    [`${prefix}.token`]: def(text, null, `${name} bearer token (stored sealed)`, true),
    [`${prefix}.username`]: def(text, null, `${name} basic-auth user name`),
    [`${prefix}.password`]: def(text, null, `${name} basic-auth password (stored sealed)`, true),
    [`${prefix}.ca`]: def(text, null, `${name} PEM file of a private CA to trust`)
  }
}

export const configKeys: Record<string, ConfigKeyDef> = {
  'facility.code': def(
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{5}$/, '5 ký tự (MA_CSKCB)'),
    null,
    'facility code MA_CSKCB'
  ),
  'facility.name': def(text, null, 'facility name'),
  // The desk part of new patient codes BN-<desk>-<sequence> (docs/adr/0029); unset: derived per installation.
  'desk.code': def(
    z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{1,6}$/, '1–6 chữ cái hoặc chữ số, ví dụ Q1')
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(DESK_CODE)),
    null,
    'desk code in new patient codes BN-<desk>-<sequence>, 1-6 letters/digits (unset: derived per installation)'
  ),
  'his.protocol': def(z.enum(['fhir', 'xml4750']), 'fhir', 'how the HIS takes records: fhir | xml4750'),
  ...endpointKeys('his', 'HIS'),
  // The HIS as the facility's shared memory (docs/adr/0024): only a FHIR HIS can be asked for a patient.
  'his.lookup': {
    ...def(
      bool,
      null,
      'at a scan, ask the HIS for a patient another desk registered: true | false (default: true for fhir)'
    ),
    defaultFrom: { key: 'his.protocol', value: (protocol) => protocol !== 'xml4750' }
  },
  ...endpointKeys('emch', 'eMCH'),
  'xml.mode': def(z.enum(['post', 'folder']), 'post', 'XML 4750 delivery: post (to his.url) | folder'),
  'xml.folder': def(text, null, 'XML 4750 drop folder the HIS imports from'),
  'schedule.window': def(windowSchema, '22:00-05:00', 'nightly sending window, local time HH:MM-HH:MM'),
  'schedule.online': def(
    bool,
    false,
    'also send outside the window whenever the network allows: true | false'
  ),
  'schedule.onlineEveryMinutes': def(int(1, 1440), 15, 'minutes between small retries when schedule.online'),
  'sync.timeoutMs': def(int(1000, 600_000), 30_000, 'deadline of one request (ms)'),
  'sync.concurrency': def(int(1, 16), 4, 'exchanges in flight at once'),
  'sync.batchSize': def(int(1, 100), 20, 'records per FHIR transaction'),
  'sync.retry.baseMs': def(int(10, 86_400_000), 30_000, 'wait after a first failed attempt (ms), doubling'),
  'sync.retry.capMs': def(int(10, 86_400_000), 3_600_000, 'longest wait between attempts (ms)'),
  'sync.retry.maxAttempts': def(int(1, 1000), 20, 'attempts before a record is marked dead'),
  // No default URL: IT sets the training or the production gateway on purpose (docs/desk-duties.md §1.1).
  'bhxh.url': def(url, null, 'BHXH gateway base URL (training or production host)'),
  'bhxh.username': def(text, null, 'BHXH gateway account, usually <MA_CSKCB>_BV'),
  'bhxh.password': def(text, null, 'BHXH gateway password (stored sealed)', true),
  'bhxh.enabled': def(bool, true, 'check BHYT cards through the gateway: true | false'),
  'bhxh.ca': def(text, null, 'BHXH gateway PEM file of a private CA to trust'),
  // Daily automatic backup (core/backup, docs/adr/0016).
  'backup.folder': def(text, null, 'folder for the daily automatic backup (unset: no automatic backup)'),
  'backup.keep': def(int(1, 365), 14, 'how many daily backups to keep in backup.folder'),
  'backup.time': def(
    z.string().trim().regex(TIME, 'dạng HH:MM'),
    '12:00',
    "local time after which the day's backup is made (HH:MM)"
  ),
  'backup.passphrase': def(
    text,
    null,
    'seals the key into each backup so it restores on a new PC (stored sealed)',
    true
  ),
  'log.level': def(
    z.enum(['debug', 'info', 'warn', 'error', 'silent']),
    'info',
    'log file level (logs/ in the data dir)'
  ),
  'update.url': def(url, null, 'HTTP folder with app updates (latest.yml + MSI); unset = no update checks'),
  'sync.allowPlainHttp': {
    ...def(
      bool,
      false,
      'machine file only: allow plain http:// to a HIS/eMCH on the facility network (token and data in clear)'
    ),
    machineOnly: true
  }
}

/** The endpoint keys whose URL must pass the plain-http rule. */
export const urlKeys = ['his.url', 'emch.url'] as const

export function isConfigKey(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(configKeys, key)
}
