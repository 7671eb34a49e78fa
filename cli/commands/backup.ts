import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { formatMessage } from '../../contract/messages'
import { createBackup, restoreBackup, type BackupResult, type RestoreResult } from '../../core/backup/backup'
import { defaultDataDir } from '../../core/config/data-dir'
import { APP_VERSION } from '../../core/node-runtime'
import type { Command } from '../context'

/** The passphrase is read from standard input (first line), never from the command line or the environment. */
function passphraseFromStdin(): string {
  const line = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? ''
  if (line.length === 0) throw AppError.of('VALIDATION', 'error.BACKUP_PASSPHRASE_EMPTY')
  return line
}

/** reception backup --to FILE [--passphrase-stdin] */
export const backup: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: { to: { type: 'string' }, 'passphrase-stdin': { type: 'boolean' } }
  })
  if (!values.to) throw AppError.of('VALIDATION', 'error.BACKUP_USAGE')
  const passphrase = values['passphrase-stdin'] ? passphraseFromStdin() : undefined
  const services = ctx.services()
  const result = createBackup({
    db: services.db,
    dataDir: services.options.dataDir,
    key: services.options.key,
    to: resolve(values.to),
    appVersion: APP_VERSION,
    now: services.clock(),
    ...(passphrase !== undefined ? { passphrase } : {})
  })
  ctx.out.result(result, (r: BackupResult) =>
    formatMessage('vi', 'status.backup.done', { patients: r.patients, queued: r.queued, file: r.file })
  )
}

/** reception --data-dir DIR restore --from FILE [--passphrase-stdin] [--force] — never opens the services first. */
export const restore: Command = (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'passphrase-stdin': { type: 'boolean' },
      force: { type: 'boolean' }
    }
  })
  if (!values.from) throw AppError.of('VALIDATION', 'error.RESTORE_USAGE')
  const passphrase = values['passphrase-stdin'] ? passphraseFromStdin() : undefined
  const result = restoreBackup({
    dataDir: resolve(ctx.dataDir ?? defaultDataDir()),
    from: resolve(values.from),
    force: values.force === true,
    now: new Date(),
    ...(passphrase !== undefined ? { passphrase } : {})
  })
  ctx.out.result(result, (r: RestoreResult) =>
    formatMessage('vi', 'status.restore.done', { patients: r.patients, queued: r.queued, dir: r.dataDir })
  )
}
