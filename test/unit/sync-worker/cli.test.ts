import { textOf } from '../../../contract/messages'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../../cli/index'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { tempDir } from '../../support/fixtures'
import { registerVisits, servicesIn } from '../../integration/sync-worker/support'

let server: HisServer
const t = tempDir('sync-cli-')

beforeAll(async () => {
  process.env.RECEPTION_MACHINE_CONFIG = join(t.dir, 'machine.json')
  server = await startHisServer()
  const services = servicesIn(t.dir)
  registerVisits(services, 4)
  services.close()
}, 60_000)
afterAll(async () => {
  delete process.env.RECEPTION_MACHINE_CONFIG
  await server.close()
  t.cleanup()
})

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk)
    return true
  })
  try {
    const code = await runCli(['--data-dir', t.dir, ...args])
    return { code, out }
  } finally {
    spy.mockRestore()
  }
}

describe('reception queue / config commands', () => {
  it('config set/get, then queue flush prints the counts and queue list explains the refusal', async () => {
    expect((await cli('--json', 'config', 'set', 'his.url', `${server.url}/fhir`)).code).toBe(0)
    expect((await cli('--json', 'config', 'set', 'emch.url', `${server.url}/fhir`)).code).toBe(0)
    const got = JSON.parse((await cli('--json', 'config', 'get', 'his.url')).out) as {
      value: string
      source: string
    }
    expect(got).toMatchObject({ value: `${server.url}/fhir`, source: 'user' })
    const bad = await cli('--json', 'config', 'set', 'schedule.window', '22h-5h')
    expect(bad.code).not.toBe(0)
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'VALIDATION' } })

    // The HIS refuses the batch, then the first record on its own (a 422 with its reason): only that one fails.
    server.injectFault(
      { kind: 'status', status: 422, body: JSON.stringify({ message: 'Ngày sinh không hợp lệ' }) },
      2
    )
    const flush = await cli('--json', 'queue', 'flush', '--target', 'his')
    expect(flush.code).toBe(0)
    expect(JSON.parse(flush.out)).toMatchObject({ sent: 3, failed: 1, dead: 0, remaining: 0 })

    const listed = JSON.parse((await cli('--json', 'queue', 'list', '--status', 'failed')).out) as Record<
      string,
      unknown
    >[]
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({
      id: 1,
      target: 'his',
      status: 'failed',
      attempts: 1,
      lastErrorCode: 'TARGET_REJECTED'
    })
    expect(listed[0]!['lastError']).toBe(
      'HIS từ chối hồ sơ: Ngày sinh không hợp lệ. Hãy sửa hồ sơ rồi gửi lại.'
    )
    // The stored reason keeps its catalogue key, so the queue screen in English shows it in English.
    const ref = listed[0]!['lastErrorRef'] as { key: string; params: Record<string, string> }
    expect(textOf('en', { ...ref, message: '' })).toBe(
      'HIS refused the record: Ngày sinh không hợp lệ. Fix the record and send it again.'
    )
    // JSON output carries no personal data; the human table names the patient for the clerk.
    expect(JSON.stringify(listed)).not.toContain('Nguyễn')
    const human = await cli('queue', 'list', '--status', 'failed')
    expect(human.out).toContain('Nguyễn Thị Thử')
    expect(human.out).toContain('#1')
  })

  it('queue retry puts a refused record back and the next flush sends it', async () => {
    expect(JSON.parse((await cli('--json', 'queue', 'retry', '99')).out)).toMatchObject({
      error: { code: 'NOT_FOUND' }
    })
    expect(JSON.parse((await cli('--json', 'queue', 'retry', '1')).out)).toEqual({
      requeued: 1,
      notRequeued: []
    })
    const flush = JSON.parse((await cli('--json', 'queue', 'flush')).out) as Record<string, unknown>
    expect(flush).toMatchObject({ sent: 5, failed: 0, remaining: 0 })
    const all = JSON.parse((await cli('--json', 'queue', 'list')).out) as { status: string }[]
    expect(all.map((r) => r.status)).toEqual(Array(8).fill('sent'))
    const status = JSON.parse((await cli('--json', 'queue', 'status')).out) as { lastFlush: { sent: number } }
    expect(status.lastFlush.sent).toBe(5)
  })
})
