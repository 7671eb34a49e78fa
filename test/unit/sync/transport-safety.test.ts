import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildConnectors } from '../../../core/sync/config/build-connectors'
import { machineConfigPath, SyncConfigStore } from '../../../core/sync/config/config-store'
import { createKeyFileSealer } from '../../../core/sync/config/secret-sealer'
import { syncSettingsFrom } from '../../../core/sync/config/sync-settings'
import { createHisFhirConnector } from '../../../core/sync/connectors'
import { createHttpClient } from '../../../core/sync/http-client'
import { isLoopbackHost } from '../../../core/sync/transport/plain-http'
import { startHisServer, type HisServer } from '../../harness/his-server/server'
import { tempDir } from '../../support/fixtures'
import { makeSubmission } from './submission-fixtures'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function desk(options: { testBuild?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const t = tempDir('transport-safety-')
  cleanups.push(t.cleanup)
  const machine = join(t.dir, 'machine.json')
  const store = new SyncConfigStore({
    dataDir: t.dir,
    sealer: createKeyFileSealer(randomBytes(32)),
    env: { RECEPTION_MACHINE_CONFIG: machine, ...options.env },
    ...(options.testBuild === undefined ? {} : { testBuild: options.testBuild })
  })
  return { store, machine, userFile: join(t.dir, 'config.json') }
}

describe('plain http:// to the HIS', () => {
  it('config set his.url http://… for a host on the network fails with CONFIG_INVALID and says why', () => {
    const { store } = desk()
    let thrown: unknown
    try {
      store.set('his.url', 'http://his.benhvien.vn/fhir')
    } catch (e) {
      thrown = e
    }
    expect(thrown).toMatchObject({ code: 'CONFIG_INVALID', key: 'config.plainHttpRefused' })
    const e = thrown as { messageVi: string; message: string }
    expect(e.messageVi).toContain('http://his.benhvien.vn không được mã hoá')
    expect(e.messageVi).toContain('https://')
    expect(e.message).toContain('sync.allowPlainHttp')
    expect(store.get('his.url').isSet).toBe(false)
  })

  it('is accepted on this machine (loopback) and when IT allows it in the machine file', () => {
    const { store, machine } = desk()
    store.set('his.url', 'http://127.0.0.1:8080/fhir')
    store.set('emch.url', 'http://localhost:8081/fhir')
    expect(() => store.set('his.url', 'http://10.0.0.5/fhir')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' })
    )
    writeFileSync(machine, JSON.stringify({ sync: { allowPlainHttp: true } }))
    store.set('his.url', 'http://10.0.0.5/fhir')
    expect(syncSettingsFrom(store.values()).allowPlainHttp).toBe(true)
  })

  it('a desk cannot allow it itself: not with config set, not by editing its own file', () => {
    const { store, userFile } = desk()
    expect(() => store.set('sync.allowPlainHttp', 'true')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', key: 'config.machineOnly' })
    )
    writeFileSync(
      userFile,
      JSON.stringify({ 'sync.allowPlainHttp': true, 'his.url': 'http://his.benhvien.vn/fhir' })
    )
    expect(() => store.values()).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', key: 'config.plainHttpRefused' })
    )
  })

  it('sends nothing: no connector is built and the client refuses before any socket opens', () => {
    const spy = vi.spyOn(http, 'request')
    try {
      expect(() =>
        buildConnectors({
          ...syncSettingsFrom({}),
          his: {
            protocol: 'fhir',
            endpoint: {
              url: 'http://his.benhvien.vn/fhir',
              auth: { kind: 'bearer', token: 't' },
              caFile: null
            },
            xmlMode: 'post',
            xmlFolder: null
          }
        })
      ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
      expect(() => createHttpClient({ baseUrl: 'http://192.168.1.20/his' })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' })
      )
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('knows loopback from look-alikes', () => {
    for (const h of ['localhost', '127.0.0.1', '127.8.9.10', '[::1]']) expect(isLoopbackHost(h)).toBe(true)
    for (const h of ['localhost.evil.vn', '127.0.0.1.nip.io', '10.0.0.1', '[::ffff:7f00:1]'])
      expect(isLoopbackHost(h)).toBe(false)
  })
})

describe('TLS verification cannot be switched off from the environment', () => {
  let server: HisServer
  beforeAll(async () => {
    server = await startHisServer({ https: true, validate: false })
  }, 60_000)
  afterAll(() => server.close())

  it('NODE_TLS_REJECT_UNAUTHORIZED=0 sends nothing to a server whose certificate is not trusted', async () => {
    const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    try {
      const his = createHisFhirConnector(
        createHttpClient({ baseUrl: `${server.url}/fhir`, timeoutMs: 10_000 })
      )
      const outcome = await his.send(makeSubmission())
      his.close()
      expect(outcome).toMatchObject({ kind: 'retryable', error: { code: 'CONFIG_INVALID' } })
      expect(server.stored().fhir).toHaveLength(0)
      expect(server.requests()).toHaveLength(0)
    } finally {
      warn.mockRestore()
      if (before === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = before
    }
  }, 30_000)

  it('the facility CA configured by IT is still trusted', async () => {
    const his = createHisFhirConnector(
      createHttpClient({ baseUrl: `${server.url}/fhir`, caFile: server.caFile, timeoutMs: 60_000 })
    )
    expect((await his.send(makeSubmission())).kind).toBe('sent')
    his.close()
  }, 120_000)

  it('the ignored overrides are reported', () => {
    const { store } = desk({
      env: { NODE_TLS_REJECT_UNAUTHORIZED: '0', NODE_EXTRA_CA_CERTS: '/tmp/evil.pem' }
    })
    expect(store.ignoredEnvironment).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_EXTRA_CA_CERTS'])
  })
})

describe('the machine config path', () => {
  it('is fixed per OS in a release: RECEPTION_MACHINE_CONFIG cannot replace IT’s locked file', () => {
    const env = { RECEPTION_MACHINE_CONFIG: '/home/clerk/mine.json' }
    expect(machineConfigPath(env, 'linux', false)).toBe('/etc/reception-desk/config.json')
    expect(machineConfigPath({ ...env, PROGRAMDATA: 'C:\\ProgramData' }, 'win32', false)).toBe(
      join('C:\\ProgramData', 'reception-desk', 'config.json')
    )
    const { store } = desk({ testBuild: false })
    expect(store.machinePath).toBe('/etc/reception-desk/config.json')
    expect(store.ignoredEnvironment).toContain('RECEPTION_MACHINE_CONFIG')
  })

  it('moves only in a test build', () => {
    expect(machineConfigPath({ RECEPTION_MACHINE_CONFIG: '/x/y.json' }, 'linux', true)).toBe('/x/y.json')
  })
})
