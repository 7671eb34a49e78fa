import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scrubFields, scrubText } from '../../../core/logging/scrub'
import { effectiveLogLevel } from '../../../core/logging/log'
import { openLog } from '../../../core/logging/open-log'
import { deferredLog } from '../../../core/logging/app-log'
import { tailLogs } from '../../../core/logging/log-files'

const dirs: string[] = []
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'logs-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('log scrubbing', () => {
  it('drops fields named like personal data and masks ID-length digit runs in texts', () => {
    const out = scrubFields({
      fullName: 'Nguyễn Thị Hồng Nhung',
      idNumber: '022195001234',
      address: 'Tổ 5',
      patientName: 'X',
      call: 'patients:register',
      error: 'no patient 022195001234 / 100123456',
      ms: 12,
      patientId: 'p-1'
    })
    expect(out).toEqual({
      call: 'patients:register',
      error: 'no patient ############ / #########',
      ms: 12,
      patientId: 'p-1'
    })
    expect(scrubText('visit 12345678 kept')).toBe('visit 12345678 kept')
  })

  it('RECEPTION_LOG_LEVEL wins over the configured level; unknown values fall back to info', () => {
    expect(effectiveLogLevel('warn', {})).toBe('warn')
    expect(effectiveLogLevel('warn', { RECEPTION_LOG_LEVEL: 'debug' })).toBe('debug')
    expect(effectiveLogLevel('loud', {})).toBe('info')
  })
})

describe('log files', () => {
  it('writes JSON lines under logs/ at the chosen level, readable by tailLogs', async () => {
    const dataDir = temp()
    const log = await openLog({ dataDir, name: 'app', level: 'info', version: '9.9.9' })
    log.debug('hidden at info')
    log.info('call', { call: 'queue:status', ms: 3 })
    log.warn('call failed', { call: 'patients:get', code: 'NOT_FOUND', idNumber: '022195001234' })
    await log.flush()
    expect(readdirSync(join(dataDir, 'logs'))).toEqual(['app.1.log'])
    const lines = tailLogs(dataDir, 10)
    expect(lines.map((l) => l.msg)).toEqual(['call', 'call failed'])
    expect(lines[1]).toMatchObject({ level: 'warn', name: 'app', code: 'NOT_FOUND', v: '9.9.9' })
    expect(JSON.stringify(lines)).not.toContain('022195001234')
    expect(tailLogs(dataDir, 10, 'warn').map((l) => l.msg)).toEqual(['call failed'])
  })

  it('a deferred log keeps lines written before its file is open, in order, with their time', async () => {
    const dataDir = temp()
    let open!: (l: Awaited<ReturnType<typeof openLog>>) => void
    const log = deferredLog(new Promise((r) => (open = r)))
    log.info('first')
    log.info('second')
    open(await openLog({ dataDir, name: 'app', level: 'info', version: '1' }))
    log.info('third')
    await log.flush()
    const lines = tailLogs(dataDir, 10)
    expect(lines.map((l) => l.msg)).toEqual(['first', 'second', 'third'])
    expect(lines[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it("the CLI appends to today's file without loading pino-roll", async () => {
    const dataDir = temp()
    for (const msg of ['one', 'two']) {
      const log = await openLog({ dataDir, name: 'cli', level: 'info', version: '1', appendOnly: true })
      log.warn(msg)
      await log.flush()
    }
    expect(readdirSync(join(dataDir, 'logs'))).toEqual(['cli.1.log'])
    expect(tailLogs(dataDir, 10).map((l) => l.msg)).toEqual(['one', 'two'])
  })

  it('tailLogs merges the app and CLI files in time order and ignores foreign files', () => {
    const dataDir = temp()
    mkdirSync(join(dataDir, 'logs'))
    writeFileSync(
      join(dataDir, 'logs', 'app.1.log'),
      '{"time":"2026-01-01T10:00:02Z","level":"info","name":"app","msg":"b"}\n'
    )
    writeFileSync(
      join(dataDir, 'logs', 'cli.1.log'),
      '{"time":"2026-01-01T10:00:01Z","level":"warn","name":"cli","msg":"a"}\nnot json\n'
    )
    writeFileSync(join(dataDir, 'logs', 'notes.txt'), 'x')
    expect(tailLogs(dataDir, 10).map((l) => l.msg)).toEqual(['a', 'b'])
    expect(tailLogs(dataDir, 1).map((l) => l.msg)).toEqual(['b'])
  })
})
