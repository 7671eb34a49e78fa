import { AppError } from '../../contract/errors'
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
 * reception config get [KEY] | set KEY VALUE | unset KEY | validate-machine FILE | write-machine …
 * Sync settings in the data directory's config.json; the machine-wide file IT deploys wins over it. Secrets
 * (tokens, passwords) are sealed before they are written and never printed.
 */
export const config: Command = async (ctx, args) => {
  const [sub, key, ...rest] = args
  if (sub === 'validate-machine' || sub === 'write-machine') {
    const machine = await import('./machine-config')
    return (sub === 'validate-machine' ? machine.validateMachine : machine.writeMachine)(ctx, args.slice(1))
  }
  const store = openSyncConfig(ctx.services())
  if (sub === 'get') {
    if (!key) {
      const all = store.list()
      ctx.out.result(
        { machineFile: store.machinePath, userFile: store.userPath, entries: all },
        (v: { entries: ConfigEntry[] }) => v.entries.map(show).join('\n')
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
