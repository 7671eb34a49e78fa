import { AppError } from '../../contract/errors'
import { formatMessage } from '../../contract/messages'
import type { ConfigEntry } from '../../core/sync/config/config-store'
import { openSyncConfig } from '../../core/sync/config/open-config'
import type { Command } from '../context'
import { writeAudit } from '../../core/audit/audit-log'
import type { Localized } from '../../contract/messages'
import type { SyncConfigStore } from '../../core/sync/config/config-store'
import { deskCodeChangeWarning, describeDeskCode, resolveDeskCode } from '../../core/desk/desk-code'
import { patientCount } from '../../db/patients'

type Services = ReturnType<Parameters<Command>[0]['services']>

/** Before a change to desk.code: what the code was, so the change can be warned about once it is made. */
function deskCodeWatch(s: Services, store: SyncConfigStore, key: string): () => Localized | null {
  if (key !== 'desk.code') return () => null
  const before = resolveDeskCode(s.options.dataDir, store)
  return () => deskCodeChangeWarning(before, resolveDeskCode(s.options.dataDir, store), patientCount(s.db))
}

function showChanged(ctx: Parameters<Command>[0], entry: ConfigEntry, warning: Localized | null): void {
  if (!warning) {
    ctx.out.result(entry, show)
    return
  }
  ctx.out.result({ ...entry, warning }, (v: ConfigEntry & { warning: { message: string } }) =>
    [show(v), v.warning.message].join('\n')
  )
}

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
 * reception config get|show [KEY] | set KEY VALUE | unset KEY | validate-machine FILE | write-machine …
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
  if (sub === 'get' || sub === 'show') {
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
      const desk = resolveDeskCode(ctx.services().options.dataDir, store)
      ctx.out.result(
        {
          machineFile: store.machinePath,
          userFile: store.userPath,
          entries: all,
          ignoredEnvironment: ignored,
          deskCode: { code: desk.code, source: desk.source, notes: describeDeskCode(desk) }
        },
        (v: { entries: ConfigEntry[]; deskCode: { notes: { message: string }[] } }) =>
          [...v.entries.map(show), ...v.deskCode.notes.map((n) => n.message), ...warnings].join('\n')
      )
      return
    }
    ctx.out.result(store.get(key), show)
    return
  }
  if (sub === 'set') {
    if (!key || rest.length === 0) {
      throw AppError.of('VALIDATION', 'error.cli.usage', { usage: 'reception config set KEY VALUE' })
    }
    const change = deskCodeWatch(ctx.services(), store, key)
    const entry = store.set(key, rest.join(' '))
    auditConfig(ctx.services(), key, 'set')
    showChanged(ctx, entry, change())
    return
  }
  if (sub === 'unset' && key) {
    const change = deskCodeWatch(ctx.services(), store, key)
    const entry = store.unset(key)
    auditConfig(ctx.services(), key, 'unset')
    showChanged(ctx, entry, change())
    return
  }
  throw AppError.of('VALIDATION', 'error.cli.usage', {
    usage: 'reception config get [KEY] | set KEY VALUE | unset KEY'
  })
}

/** A configuration change is an audited act: the key and the kind of change, never the value (it may be a secret). */
function auditConfig(
  s: ReturnType<Parameters<Command>[0]['services']>,
  key: string,
  change: 'set' | 'unset'
): void {
  writeAudit(s.db, s.clock().toISOString(), {
    actor: s.actor,
    action: 'config',
    entity: 'setting',
    entityId: key,
    detail: { change }
  })
}
