import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { createServices } from '../../../core'
import { runCli } from '../../../cli/index'
import { cliArgsOf, runPackagedCli } from '../../../cli/packaged'
import { tempDir } from '../../support/fixtures'

const QR =
  '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Tổ 5, Khu 3, Phường Hồng Hải, Hạ Long|10042021'
const EXE = 'C:\\Program Files\\Tiep don CCCD\\Tiep don CCCD.exe'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('packaged-cli-')))
afterEach(() => cleanup())

async function captured(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const chunks: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c))
    return true
  })
  try {
    return { code: await run(), out: chunks.join('') }
  } finally {
    spy.mockRestore()
  }
}

describe('the CLI inside the packaged app (--cli)', () => {
  it('takes the arguments after --cli, wherever Electron put the exe and app path', () => {
    expect(cliArgsOf([EXE, '--cli', 'queue', 'status'])).toEqual(['queue', 'status'])
    expect(cliArgsOf(['electron', '.', '--cli', '--json', 'parse-qr', '-'])).toEqual([
      '--json',
      'parse-qr',
      '-'
    ])
    expect(cliArgsOf([EXE])).toBeNull()
  })

  it('answers the same commands with the same output as the Node CLI, over the key the app passes in', async () => {
    // The app's key is sealed by safeStorage, not in a key file: the opener is the only way in.
    const appKey = randomBytes(32)
    const opened: string[] = []
    const open = ({ dataDir }: { dataDir?: string }) => {
      opened.push(dataDir ?? '(default)')
      return createServices({ dataDir: dataDir ?? dir, key: appKey, mode: 'cli', version: '0.1.0' })
    }
    for (const args of [
      ['--json', 'queue', 'status'],
      ['--json', 'parse-qr', QR],
      ['queue', 'status'],
      ['--help'],
      ['nonsense']
    ]) {
      const packaged = await captured(() => runPackagedCli([EXE, '--cli', '--data-dir', dir, ...args], open))
      const node = await captured(() => runCli(['--data-dir', dir, ...args], { openServices: open }))
      expect(packaged, args.join(' ')).toEqual(node)
    }
    expect(
      JSON.parse(
        (
          await captured(() =>
            runPackagedCli([EXE, '--cli', '--json', '--data-dir', dir, 'queue', 'status'], open)
          )
        ).out
      )
    ).toMatchObject({ waiting: 0 })
    // parse-qr and --help needed no database.
    expect(opened.every((d) => d === dir)).toBe(true)
    expect(opened.length).toBe(5)
  })
})
