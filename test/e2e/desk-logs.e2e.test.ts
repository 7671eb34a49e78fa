import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { chromiumAvailable, launchChromium, openApp } from './browser'
import { rendererBuilt } from './web-app'
import { TEST_PASSWORD, TEST_PIN } from '../support/accounts'
import { wedgeType } from './support/wedge'

const ROOT = resolve(__dirname, '../..')
const WEB = join(ROOT, 'out/main/web.js')
const CLI = join(ROOT, 'bin/reception.cjs')
const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Thành phố Hạ Long, Quảng Ninh|10042021'
/** Everything personal the flow below puts through the desk; none of it may reach a log file. */
const PERSONAL = [
  '022195001234',
  '100123456',
  'Nhung',
  'Nguyễn Thị',
  'Hồng Hải',
  '0912345678',
  '14031995',
  '1995-03-14'
]

/** Starts browser mode as a desk runs it (`node out/main/web.js`) and resolves with its URL once listening. */
function startDesk(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [WEB, '--data-dir', dataDir, '--port', '0', '--no-scanner'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8')
      const m = /Open: (\S+)/.exec(out)
      if (m) done({ child, url: m[1]! })
    })
    child.stderr!.resume()
    child.once('exit', (code) => fail(new Error(`browser mode exited (${code}) before listening: ${out}`)))
  })
}

function allLogText(dataDir: string): string {
  const dir = join(dataDir, 'logs')
  if (!existsSync(dir)) return ''
  return readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
}

describe.skipIf(!(chromiumAvailable && rendererBuilt && existsSync(WEB)))(
  'desk logs after a full desk flow',
  () => {
    let dataDir: string
    let env: NodeJS.ProcessEnv
    let desk: { child: ChildProcess; url: string }
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'desk-logs-'))
      env = {
        ...process.env,
        RECEPTION_LOG_LEVEL: 'debug', // the most talkative level must still carry nothing personal
        RECEPTION_MACHINE_CONFIG: join(dataDir, 'no-machine-config.json'),
        PCSCLITE_CSOCK_NAME: join(dataDir, 'no-pcscd.sock')
      }
      // A named clerk first (accounts: nothing with personal data before sign-in), made by IT's CLI.
      const added = spawnSync(
        process.execPath,
        [
          CLI,
          '--data-dir',
          dataDir,
          'users',
          'add',
          'nv-log',
          '--role',
          'clerk',
          '--name',
          'Nhân viên Log',
          '--cccd',
          '022190001111'
        ],
        { env, input: `${TEST_PASSWORD}\n${TEST_PIN}\n`, encoding: 'utf8' }
      )
      expect(added.status, added.stdout + added.stderr).toBe(0)
      desk = await startDesk(dataDir, env)
      ;({ context, page } = await launchChromium())
      await page.goto(desk.url, { waitUntil: 'load', timeout: 30_000 })
      await page.getByLabel('Tên đăng nhập').waitFor({ timeout: 30_000 })
      await page.getByLabel('Tên đăng nhập').fill('nv-log')
      await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_PASSWORD)
      await page.getByLabel('Mật khẩu', { exact: true }).press('Enter')
      await openApp(page, null)
    }, 60_000)

    afterAll(async () => {
      await context?.close()
      if (desk?.child.exitCode === null) desk.child.kill('SIGKILL')
      rmSync(dataDir, { recursive: true, force: true })
    })

    it('scan, save, search, CLI queue commands: the logs tell what happened and nothing about who', async () => {
      await page.getByLabel('Điện thoại').click()
      await wedgeType(page, QR)
      await expect
        .poll(() => page.getByLabel('Họ và tên').inputValue(), { timeout: 10_000 })
        .toBe('Nguyễn Thị Hồng Nhung')
      await page.getByLabel('Điện thoại').fill('0912345678')
      const commune = page.getByTestId('address-candidates')
      if (await commune.isVisible()) await commune.getByRole('button').first().click()
      // No service is assumed: the clerk picks one (ADR 0026).
      await page.locator('#f-serviceType').selectOption('general')
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
      await expect
        .poll(() => page.getByTestId('save-notice').textContent(), { timeout: 10_000 })
        .toContain('Đã tạo hồ sơ mới')
      await page.getByRole('tab', { name: 'Tìm bệnh nhân' }).click()
      await page.getByRole('searchbox').fill('Nhung')
      await page.getByRole('button', { name: 'Tìm', exact: true }).click()
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Nhung' }).count()).toBe(1)

      // 'Copy diagnostics' gives IT versions, devices, queue counts, and nothing about the patient.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(desk.url).origin
      })
      await page.getByTestId('copy-diagnostics').click()
      await expect.poll(() => page.getByTestId('diagnostics-note').isVisible()).toBe(true)
      const copied = await page.evaluate(async () => {
        const manual = document.querySelector<HTMLTextAreaElement>('[data-testid="diagnostics-text"]')
        return manual ? manual.value : await navigator.clipboard.readText().catch(() => '')
      })
      expect(copied).toContain('diagnostics')
      expect(copied).toMatch(/queue: 2 waiting/)
      for (const p of PERSONAL) expect(copied).not.toContain(p)

      // IT at the same desk: a failing flush and a lookup by ID number leave CLI lines too.
      const cli = (...args: string[]) =>
        spawnSync(process.execPath, [CLI, '--data-dir', dataDir, ...args], { env, encoding: 'utf8' })
      expect(cli('queue', 'flush').status).not.toBe(0)
      cli('patients', 'find', '--id', '100123456')

      // A clean stop flushes the app's log.
      const exited = new Promise((r) => desk.child.once('exit', r))
      desk.child.kill('SIGTERM')
      await exited

      const text = allLogText(dataDir)
      expect(text).toContain('"msg":"start"')
      expect(text).toContain('"msg":"listening"')
      expect(text).toContain('"msg":"qr read"')
      expect(text).toMatch(/"call":"patients:register"/)
      expect(text).toMatch(/"call":"patients:search"/)
      expect(text).toMatch(/"command":"queue flush".*"code":"CONFIG_INVALID"/)
      expect(text).toContain('"msg":"stop"')
      for (const p of PERSONAL) expect(text, `log contains "${p}"`).not.toContain(p)

      // `reception logs` shows the same lines to IT.
      const tail = cli('logs', '--tail', '100')
      expect(tail.status).toBe(0)
      expect(tail.stdout).toContain('command failed')
      expect(tail.stdout).toContain('patients:register')
    })
  }
)
