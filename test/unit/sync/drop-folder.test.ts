import { mkdtemp, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildXml4750Documents,
  createXml4750Connector,
  dropFileName,
  writeFileAtomic
} from '../../../core/sync/connectors'
import { makeSubmission } from './submission-fixtures'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xml-drop-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('atomic drop-folder writes', () => {
  it('a reader polling the folder never sees a partial file', async () => {
    const size = 8 * 1024 * 1024
    const versions = [0x41, 0x42, 0x43].map((b) => Buffer.alloc(size, b))
    let stop = false
    let observations = 0
    const watcher = (async () => {
      while (!stop) {
        for (const name of await readdir(dir)) {
          if (!name.endsWith('.xml')) continue
          const content = await readFile(join(dir, name)).catch(() => null)
          if (!content) continue
          observations += 1
          // Whatever is visible under the final name is one complete version, never a mix or a prefix.
          expect(content.length).toBe(size)
          expect(content.every((b) => b === content[0])).toBe(true)
        }
        await new Promise((r) => setImmediate(r))
      }
    })()
    for (const v of versions) await writeFileAtomic(dir, 'F_XML0.xml', v)
    stop = true
    await watcher
    expect(observations).toBeGreaterThan(0)
    expect(await readdir(dir)).toEqual(['F_XML0.xml'])
  })

  it('leaves neither the file nor a temporary behind when the final rename fails', async () => {
    // A directory where the file should go makes rename fail after the data was written.
    await mkdir(join(dir, 'X_HOSO.xml'))
    await expect(writeFileAtomic(dir, 'X_HOSO.xml', Buffer.from('data'))).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['X_HOSO.xml'])
  })

  it('names files by facility and episode, stable across resends and collision-free when escaped', () => {
    expect(dropFileName('22001', 'LK-1', 'XML0')).toBe('22001_LK-1_XML0.xml')
    const a = dropFileName('22001', 'a/b', 'HOSO')
    const b = dropFileName('22001', 'a:b', 'HOSO')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^22001_a_b_[0-9a-f]{10}_HOSO\.xml$/)
  })
})

describe('XML 4750 connector, drop-folder delivery', () => {
  it('writes the check-in and the dossier; a resend replaces them instead of adding files', async () => {
    const connector = createXml4750Connector({ delivery: { kind: 'drop-folder', dir } })
    const sub = makeSubmission()
    const first = await connector.send(sub)
    const second = await connector.send(sub)
    expect(first).toEqual(second)
    expect(first.kind).toBe('sent')
    const names = (await readdir(dir)).sort()
    expect(names).toEqual([`22001_${sub.visit.id}_HOSO.xml`, `22001_${sub.visit.id}_XML0.xml`])
    const docs = buildXml4750Documents(sub)
    expect((await readFile(join(dir, names[0]!))).equals(docs.dossier)).toBe(true)
    expect((await readFile(join(dir, names[1]!))).equals(docs.checkIn!)).toBe(true)
  })

  it('an emergency gets the dossier only: XML0 is not sent for MA_DOITUONG_KCB 2', async () => {
    const connector = createXml4750Connector({ delivery: { kind: 'drop-folder', dir } })
    const base = makeSubmission()
    const sub = { ...base, visit: { ...base.visit, emergency: true, objectCode: '2' } }
    const sent = await connector.send(sub)
    expect(sent).toMatchObject({ kind: 'sent', ids: [`22001_${sub.visit.id}_HOSO.xml`] })
    expect(await readdir(dir)).toEqual([`22001_${sub.visit.id}_HOSO.xml`])
  })

  it('a missing folder is retryable (the share may be offline); a bad record is rejected', async () => {
    const offline = createXml4750Connector({ delivery: { kind: 'drop-folder', dir: join(dir, 'absent') } })
    expect(await offline.send(makeSubmission())).toMatchObject({
      kind: 'retryable',
      error: { code: 'HIS_UNAVAILABLE' }
    })
    const connector = createXml4750Connector({ delivery: { kind: 'drop-folder', dir } })
    const sub = makeSubmission()
    const outcome = await connector.send({ ...sub, visit: { ...sub.visit, id: 'L'.repeat(101) } })
    expect(outcome).toMatchObject({ kind: 'rejected', error: { code: 'VALIDATION' } })
    expect(await readdir(dir)).toEqual([])
  })
})
