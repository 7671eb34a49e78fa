import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildConnectors, closeConnectors } from '../../../core/sync/config/build-connectors'
import { machineConfigPath, SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { syncSettingsFrom } from '../../../core/sync/config/sync-settings'
import { tempDir } from '../../support/fixtures'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function store(key = randomBytes(32)) {
  const t = tempDir('sync-config-')
  cleanups.push(t.cleanup)
  const machine = join(t.dir, 'machine.json')
  const make = (k = key) =>
    new SyncConfigStore({
      dataDir: t.dir,
      sealer: createKeyFileSealer(k),
      env: { RECEPTION_MACHINE_CONFIG: machine }
    })
  return { dir: t.dir, machine, s: make(), make }
}

describe('sync configuration', () => {
  it('stores typed values in the data directory file and reads them back with their source', () => {
    const { s, dir } = store()
    expect(s.get('schedule.window')).toMatchObject({ value: '22:00-05:00', source: 'default' })
    s.set('his.url', 'https://his.benhvien.vn/fhir')
    s.set('sync.retry.maxAttempts', '5')
    s.set('schedule.online', 'on')
    expect(s.get('his.url')).toMatchObject({ value: 'https://his.benhvien.vn/fhir', source: 'user' })
    const file = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>
    expect(file).toMatchObject({ 'sync.retry.maxAttempts': 5, 'schedule.online': true })
    const settings = syncSettingsFrom(s.values())
    expect(settings.retry.maxAttempts).toBe(5)
    expect(settings.online).toBe(true)
    expect(settings.window).toEqual({ start: '22:00', end: '05:00' })
  })

  it('refuses unknown keys and bad values with a Vietnamese reason', () => {
    const { s } = store()
    expect(() => s.set('his.urll', 'x')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => s.set('his.url', 'ftp://x')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => s.set('schedule.window', '22:00-22:00')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
    expect(() => s.set('schedule.window', '25:00-05:00')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' })
    )
    expect(() => s.set('xml.mode', 'email')).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => s.set('sync.concurrency', '0')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', messageVi: expect.stringContaining('không hợp lệ') })
    )
  })

  it('seals secrets: never in clear on disk, never shown, opened only with the same database key', () => {
    const key = randomBytes(32)
    const { s, dir, make } = store(key)
    s.set('his.auth', 'bearer')
    s.set('his.token', 'bí-mật-123')
    const raw = readFileSync(join(dir, 'config.json'), 'utf8')
    expect(raw).not.toContain('bí-mật-123')
    expect(s.get('his.token')).toMatchObject({ value: null, isSet: true, secret: true })
    expect(s.values()['his.token']).toBe('bí-mật-123')
    s.set('his.url', 'http://127.0.0.1:9/fhir')
    expect(syncSettingsFrom(s.values()).his.endpoint?.auth).toEqual({ kind: 'bearer', token: 'bí-mật-123' })
    // Another desk's key (a copied config file) cannot open it.
    expect(() => make(randomBytes(32)).values()).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })

  it('the machine-wide file wins, may be nested, and its keys cannot be changed at the desk', () => {
    const { s, machine } = store()
    s.set('emch.url', 'https://desk.example/fhir')
    writeFileSync(
      machine,
      JSON.stringify({ emch: { url: 'https://emch.soyte.vn/fhir' }, 'schedule.window': '23:00-04:00' })
    )
    expect(s.get('emch.url')).toMatchObject({ value: 'https://emch.soyte.vn/fhir', source: 'machine' })
    expect(s.get('schedule.window')).toMatchObject({ value: '23:00-04:00', source: 'machine' })
    expect(() => s.set('emch.url', 'http://x.example')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' })
    )
    writeFileSync(machine, '{ not json')
    expect(() => s.values()).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })

  it('finds the machine file where IT puts it on each platform', () => {
    expect(machineConfigPath({ RECEPTION_MACHINE_CONFIG: '/x/y.json' }, 'linux')).toBe('/x/y.json')
    expect(machineConfigPath({}, 'linux')).toBe('/etc/reception-desk/config.json')
    expect(machineConfigPath({ PROGRAMDATA: 'C:\\ProgramData' }, 'win32')).toBe(
      join('C:\\ProgramData', 'reception-desk', 'config.json')
    )
  })

  it('builds one connector per configured target, and says what is missing for auth', () => {
    const { s } = store()
    expect(Object.keys(buildConnectors(syncSettingsFrom(s.values())))).toEqual([])
    s.set('his.url', 'http://127.0.0.1:9/fhir')
    s.set('emch.url', 'http://127.0.0.1:9/emch')
    const both = buildConnectors(syncSettingsFrom(s.values()))
    expect(Object.values(both).map((c) => c?.name)).toEqual(['his-fhir', 'emch-fhir'])
    closeConnectors(both)
    s.set('his.protocol', 'xml4750')
    s.set('xml.mode', 'folder')
    s.set('xml.folder', '/srv/his-import')
    const xml = buildConnectors(syncSettingsFrom(s.values()))
    expect(xml.his?.name).toBe('xml-4750-folder')
    closeConnectors(xml)
    s.set('emch.auth', 'basic')
    s.set('emch.username', 'tiepdon')
    expect(() => syncSettingsFrom(s.values())).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })
})
