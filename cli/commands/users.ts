import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { roleSchema, staffIdNumberSchema, usernameSchema, pinSchema } from '../../contract/auth'
import { Accounts } from '../../core/auth/accounts'
import type { UserView } from '../../core/auth/users'
import type { CliContext, Command } from '../context'
import { readSecrets } from '../secret-input'

const usage =
  'Dùng: reception users add USERNAME --role clerk|it|officer --name "HỌ TÊN" --cccd SỐ12 | list | disable U | enable U | reset-password U | set-role U ROLE'

const bad = (what: string): AppError => new AppError('VALIDATION', `${usage}`, `Usage (${what})`)

function show(u: UserView): string {
  const state =
    u.status === 'active'
      ? u.lockedUntil
        ? `tạm khoá tới ${u.lockedUntil}`
        : 'hoạt động'
      : `vô hiệu (${u.disabledReason ?? ''})`
  return `${u.username.padEnd(16)} ${u.role.padEnd(8)} ${state.padEnd(24)} ${u.lastLoginAt ?? 'chưa đăng nhập'}  ${u.fullName}`
}

/** Password and PIN: prompted (echo off) or one per line on stdin, never on the command line. */
async function secrets(): Promise<{ password: string; pin: string | null }> {
  const [password = '', pin = ''] = await readSecrets([
    'Mật khẩu: ',
    'Mã PIN (4–8 chữ số, Enter để bỏ qua): '
  ])
  if (pin && !pinSchema.safeParse(pin).success)
    throw new AppError('VALIDATION', 'Mã PIN phải có 4–8 chữ số.', 'PIN: 4–8 digits')
  return { password, pin: pin || null }
}

function parseUsername(raw: string | undefined): string {
  const r = usernameSchema.safeParse(raw ?? '')
  if (!r.success) throw bad('username')
  return r.data
}

/**
 * reception users add | list | disable | enable | reset-password | set-role. Run by whoever can read the data
 * directory and its key; every change is logged as `os:<login name>`.
 */
export const users: Command = async (ctx: CliContext, args) => {
  const [sub, ...rest] = args
  const s = ctx.services()
  const accounts = new Accounts(s.db, s.clock)
  const by = s.actor
  const print = (u: UserView): void => ctx.out.result(u, show)
  switch (sub) {
    case 'list': {
      const list = accounts.list()
      return ctx.out.result(list, (l: UserView[]) =>
        l.length ? l.map(show).join('\n') : 'Chưa có tài khoản nào.'
      )
    }
    case 'add': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, name: { type: 'string' }, cccd: { type: 'string' } },
        allowPositionals: true
      })
      const role = roleSchema.safeParse(values.role)
      const cccd = staffIdNumberSchema.safeParse(values.cccd)
      if (!role.success || !cccd.success || !values.name?.trim()) throw bad('add')
      const username = parseUsername(positionals[0])
      const { password, pin } = await secrets()
      return print(
        await accounts.add(
          { username, fullName: values.name.trim(), idNumber: cccd.data, role: role.data, password, pin },
          by
        )
      )
    }
    case 'disable':
    case 'enable':
      return print(accounts.setStatus(parseUsername(rest[0]), sub === 'enable' ? 'active' : 'disabled', by))
    case 'reset-password': {
      const username = parseUsername(rest[0])
      const { password, pin } = await secrets()
      return print(await accounts.resetPassword(username, password, pin, by))
    }
    case 'set-role': {
      const role = roleSchema.safeParse(rest[1])
      if (!role.success) throw bad('set-role')
      return print(accounts.setRole(parseUsername(rest[0]), role.data, by))
    }
    default:
      throw bad(String(sub))
  }
}
