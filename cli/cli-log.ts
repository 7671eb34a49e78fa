import { toErrorValue } from '../contract/errors'

/** Commands whose success is worth a line (they change or send data); read-only ones log only failures. */
const changes = new Set([
  'register',
  'queue flush',
  'queue retry',
  'import-catalog',
  'config set',
  'config unset',
  'patients merge'
])

/**
 * One line in logs/cli.N.log for a failed command or one that changed data: the command words and the error
 * code, never its arguments (they may be ID numbers or names). The logger is loaded only here, so a
 * successful `queue status` stays as fast as before.
 */
export async function logCliRun(
  dataDir: string | undefined,
  version: string,
  words: string[],
  ms: number,
  error: unknown
): Promise<void> {
  const command = words.slice(0, 2).join(' ')
  if (!error && !changes.has(command)) return
  if (process.env.RECEPTION_LOG_LEVEL === 'silent') return
  try {
    const [{ openLog }, { effectiveLogLevel }, { defaultDataDir }] = await Promise.all([
      import('../core/logging/open-log'),
      import('../core/logging/log'),
      import('../core/config/data-dir')
    ])
    const log = await openLog({
      dataDir: dataDir ?? defaultDataDir(),
      name: 'cli',
      level: effectiveLogLevel(null),
      version,
      appendOnly: true
    })
    if (error) {
      const v = toErrorValue(error)
      log[v.code === 'INTERNAL' ? 'error' : 'warn']('command failed', {
        command,
        ms: Math.round(ms),
        code: v.code,
        error: v.messageEn
      })
    } else log.info('command', { command, ms: Math.round(ms) })
    await log.flush()
  } catch {
    // A desk whose logs folder cannot be written still runs its commands.
  }
}
