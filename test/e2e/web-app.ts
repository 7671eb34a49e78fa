import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startWebServer, type WebServer } from '../../web/server'
import type { Services } from '../../core'
import { startRuntime, type Runtime, type RuntimeOptions } from '../../core/runtime'
import { testServices } from '../support/fixtures'
import type { Page } from 'playwright-core'
import type { Role } from '../../contract/auth'
import { TEST_COST, TEST_PASSWORD, TEST_PIN } from '../support/accounts'

export const RENDERER_DIR = resolve(__dirname, '../../out/renderer')
export const rendererBuilt = existsSync(resolve(RENDERER_DIR, 'index.html'))

/**
 * The real services on a fresh encrypted database behind the real loopback transport, with the same runtime
 * `node out/main/web.js` starts (devices and sync off unless asked for).
 */
export async function startWebApp(options: RuntimeOptions = {}): Promise<{
  server: WebServer
  services: Services
  runtime: Runtime
  dir: string
  /** Opens the app in `page` and signs in through the sign-in screen as a (new) account of `role`. */
  openSignedIn: (page: Page, role?: Role, username?: string) => Promise<void>
  /** "Đổi người dùng" in the header, then sign in as (a new) account of `role`. */
  switchUser: (page: Page, role: Role, username?: string) => Promise<void>
  stop: () => Promise<void>
}> {
  const t = testServices()
  let server: WebServer | null = null
  const runtime = startRuntime(t.services, (name, payload) => server?.publish(name, payload), {
    devices: options.devices ?? false,
    sync: options.sync ?? false,
    scryptCost: options.scryptCost ?? TEST_COST,
    retention: false
  })
  server = await startWebServer({ gate: runtime.gate, rendererDir: RENDERER_DIR })
  const started = server
  const ensureAccount = async (role: Role, username: string): Promise<void> => {
    if (runtime.gate.accounts.users.byUsername(username)) return
    await runtime.gate.accounts.add(
      {
        username,
        fullName: `Nhân viên ${role}`,
        idNumber: '022190001111',
        role,
        password: TEST_PASSWORD,
        pin: TEST_PIN
      },
      'test'
    )
  }
  const signInOnScreen = async (page: Page, username: string): Promise<void> => {
    await page.getByLabel('Tên đăng nhập').fill(username)
    await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD)
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter')
    await page.getByTestId('session-bar').waitFor()
  }
  return {
    server: started,
    services: t.services,
    runtime,
    dir: t.dir,
    openSignedIn: async (page, role = 'clerk', username = `nv-${role}`) => {
      // The account first: a machine without one opens on the first-run screen.
      await ensureAccount(role, username)
      // Waits for readiness, not a fixed poll: a loaded CI machine may take seconds to the first screen.
      await page.goto(started.launchUrl, { waitUntil: 'load', timeout: 30_000 })
      await page.getByLabel('Tên đăng nhập').waitFor({ timeout: 30_000 })
      await signInOnScreen(page, username)
    },
    switchUser: async (page, role, username = `nv-${role}`) => {
      await ensureAccount(role, username)
      await page.getByRole('button', { name: 'Đổi người dùng' }).click()
      await signInOnScreen(page, username)
    },
    stop: async () => {
      await runtime.stop()
      await started.close()
      t.cleanup()
    }
  }
}
