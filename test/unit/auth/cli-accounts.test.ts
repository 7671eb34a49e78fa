import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Readable } from 'node:stream'
import { userInfo } from 'node:os'
import { runCli } from '../../../cli/index'
import { tempDir, testServices } from '../../support/fixtures'
import { loadOrCreateKeyFile } from '../../../db/key-file'
import { writeAudit } from '../../../core/audit/audit-log'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('reception-cli-users-')))
afterEach(() => cleanup())

/** Runs the CLI in-process with `stdin` as its standard input; returns its exit code and the JSON it printed. */
async function cli(stdin: string, ...args: string[]): Promise<{ code: number; out: unknown }> {
  const chunks: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c))
    return true
  })
  const input = Readable.from([Buffer.from(stdin)])
  const original = Object.getOwnPropertyDescriptor(process, 'stdin')!
  Object.defineProperty(process, 'stdin', {
    value: Object.assign(input, { isTTY: false }),
    configurable: true
  })
  try {
    const code = await runCli(['--data-dir', dir, '--json', ...args])
    return { code, out: JSON.parse(chunks.join('')) }
  } finally {
    Object.defineProperty(process, 'stdin', original)
    spy.mockRestore()
  }
}

const login = `os:${userInfo().username}`

describe('reception users and audit', () => {
  it('adds an IT account with the password from stdin, never from the arguments', async () => {
    const r = await cli(
      'mat-khau-cntt-rat-dai\n1357\n',
      'users',
      'add',
      'cntt',
      '--role',
      'it',
      '--name',
      'Trần Văn Tin',
      '--cccd',
      '022190001111'
    )
    expect(r).toMatchObject({ code: 0, out: { username: 'cntt', role: 'it', status: 'active' } })
    expect(JSON.stringify(r.out)).not.toMatch(/scrypt|mat-khau/)
    const short = await cli(
      'ngan\n',
      'users',
      'add',
      'b',
      '--role',
      'clerk',
      '--name',
      'B',
      '--cccd',
      '022190001111'
    )
    expect(short.code).not.toBe(0)
    const list = await cli('', 'users', 'list')
    expect(list.out).toMatchObject([{ username: 'cntt' }])
  })

  it('disables, enables, changes role and logs each change as the OS user', async () => {
    await cli(
      'mat-khau-tiep-don\n\n',
      'users',
      'add',
      'tiepdon',
      '--role',
      'clerk',
      '--name',
      'Lê Thị A',
      '--cccd',
      '022190001111'
    )
    expect((await cli('', 'users', 'disable', 'tiepdon')).out).toMatchObject({ status: 'disabled' })
    expect((await cli('', 'users', 'enable', 'tiepdon')).out).toMatchObject({ status: 'active' })
    expect((await cli('', 'users', 'set-role', 'tiepdon', 'officer')).out).toMatchObject({ role: 'officer' })
    expect((await cli('mat-khau-moi-dai-hon\n', 'users', 'reset-password', 'tiepdon')).code).toBe(0)
    const log = (await cli('', 'audit', 'list', '--user', login)).out as {
      action: string
      detail: { change: string }
    }[]
    expect(log.map((r) => r.detail.change)).toEqual(['add', 'disable', 'enable', 'role', 'reset-password'])
  })

  it('audit verify passes an untouched log and fails on an edited row', async () => {
    await cli(
      'mat-khau-tiep-don\n',
      'users',
      'add',
      'tiepdon',
      '--role',
      'clerk',
      '--name',
      'Lê Thị A',
      '--cccd',
      '022190001111'
    )
    expect(await cli('', 'audit', 'verify')).toMatchObject({ code: 0, out: { ok: true, rows: 1 } })
    const t = testServices({ dir, key: loadOrCreateKeyFile(dir) })
    writeAudit(t.services.db, new Date().toISOString(), {
      actor: 'x',
      action: 'view',
      entity: 'patient',
      entityId: 'p1'
    })
    t.services.db.prepare("UPDATE audit_log SET entity_id = 'p2' WHERE entity_id = 'p1'").run()
    t.services.close()
    const r = await cli('', 'audit', 'verify')
    expect(r.code).not.toBe(0)
    expect(r.out).toMatchObject({ error: { code: 'CONFLICT' } })
  })
})
