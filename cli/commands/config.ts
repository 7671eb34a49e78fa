import { AppError } from '../../contract/errors'
import { formatMessage } from '../../contract/messages'
import type { ConfigEntry } from '../../core/sync/config/config-store'
import { openSyncConfig } from '../../core/sync/config/open-config'
import type { Command } from '../context'

function show(e: ConfigEntry): string {
  const value = e.secret
    ? e.isSet
      ? '(đã đặt, được mã hoá)'
      : '(chưa đặt)'
    : e.value === null
      ? '(chưa đặt)'
      : String(e.value)
  return `${e.key} = ${value}   [${e.source}]`
}

/**
 * reception config get [KEY] | set KEY VALUE | unset KEY
 * Sync settings in the data directory's config.json; the machine-wide file IT deploys wins over it. Secrets
 * (tokens, passwords) are sealed before they are written and never printed.
 */
export const config: Command = (ctx, args) => {
  const [sub, key, ...rest] = args
  const store = openSyncConfig(ctx.services())
  if (sub === 'get') {
    if (!key) {
      const all = store.list()
      const ignored = store.ignoredEnvironment
      const tls = ignored.filter((n) => n !== 'RECEPTION_MACHINE_CONFIG')
      const warnings = [
        ...(ignored.includes('RECEPTION_MACHINE_CONFIG')
          ? [formatMessage('vi', 'config.ignoredMachinePath', { path: store.machinePath })]
          : []),
        ...(tls.length ? [formatMessage('vi', 'config.ignoredEnvironment', { names: tls.join(', ') })] : [])
      ]
      ctx.out.result(
        {
          machineFile: store.machinePath,
          userFile: store.userPath,
          entries: all,
          ignoredEnvironment: ignored
        },
        (v: { entries: ConfigEntry[] }) => [...v.entries.map(show), ...warnings].join('\n')
      )
      return
    }
    ctx.out.result(store.get(key), show)
    return
  }
  if (sub === 'set') {
    if (!key || rest.length === 0) {
      throw new AppError(
        'VALIDATION',
        'Dùng: reception config set KHOÁ GIÁ_TRỊ',
        'usage: config set KEY VALUE'
      )
    }
    ctx.out.result(store.set(key, rest.join(' ')), show)
    return
  }
  if (sub === 'unset' && key) {
    ctx.out.result(store.unset(key), show)
    return
  }
  throw new AppError(
    'VALIDATION',
    'Dùng: reception config get [KHOÁ] | set KHOÁ GIÁ_TRỊ | unset KHOÁ',
    'usage: config get [KEY] | set KEY VALUE | unset KEY'
  )
}
