import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliJson } from '../../support/run-cli'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { machineConfigJsonSchema, machineConfigProblems } from '../../../core/config/machine-config-schema'
import { SyncConfigStore } from '../../../core/sync/config/config-store'
import { tempDir } from '../../support/fixtures'

const ROOT = resolve(__dirname, '../../..')
const readmeExample = (): string => {
  const m = /```json machine-config\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))
  if (!m) throw new Error('README has no ```json machine-config block')
  return m[1]!
}

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir('machine-config-')))
afterEach(() => cleanup())

const cli = (...args: string[]) => runCliJson<Record<string, unknown>>(dir, ...args)

describe('machine-wide config', () => {
  it("the README's example validates, and the desk reads its values", async () => {
    const file = join(dir, 'machine.json')
    writeFileSync(file, readmeExample())
    const r = await cli('config', 'validate-machine', file)
    expect(r.code).toBe(0)
    expect(r.out).toMatchObject({
      valid: true,
      keys: expect.arrayContaining(['his.url', 'facility.code', 'bhxh.url'])
    })
    const store = new SyncConfigStore({
      dataDir: dir,
      sealer: { seal: (s) => s, open: (s) => s },
      env: { RECEPTION_MACHINE_CONFIG: file }
    })
    expect(store.get('his.url')).toMatchObject({
      value: 'https://his.benhvien.example/fhir',
      source: 'machine'
    })
    expect(store.get('facility.code').value).toBe('22001')
  })

  it('names every wrong key and value, and exits non-zero', async () => {
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ his: { url: 'ftp://x', colour: 'red' }, facility: { code: '1' } }))
    const r = await cli('config', 'validate-machine', file)
    expect(r.code).not.toBe(0)
    const error = r.out.error as { code: string; messageEn: string }
    expect(error.code).toBe('CONFIG_INVALID')
    expect(error.messageEn).toContain('3 error(s)')
    expect(error.messageEn).toContain('his.colour: unknown key')
    expect(error.messageEn).toContain('his.url')
    expect(error.messageEn).toContain('facility.code')
    writeFileSync(file, '{ not json')
    expect((await cli('config', 'validate-machine', file)).code).not.toBe(0)
  })

  it('write-machine (what the MSI runs) merges the install properties, skips empty ones, and validates', async () => {
    const file = join(dir, 'ProgramData', 'reception-desk', 'config.json')
    const first = await cli(
      'config',
      'write-machine',
      '--file',
      file,
      '--his-url',
      'https://his.example/fhir',
      '--facility-code',
      '22001',
      '--bhxh-url',
      ''
    )
    expect(first.code).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      'his.url': 'https://his.example/fhir',
      'facility.code': '22001'
    })
    expect(
      (await cli('config', 'write-machine', '--file', file, '--bhxh-url', 'https://bhxh.example/')).code
    ).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      'his.url': 'https://his.example/fhir',
      'bhxh.url': 'https://bhxh.example/'
    })
    const refused = await cli('config', 'write-machine', '--file', file, '--facility-code', 'not-a-code')
    expect(refused.code).not.toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))['facility.code']).toBe('22001')
  })

  it('docs/machine-config.schema.json is the schema the code checks with (npm run build:machine-schema when keys change)', () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, 'docs/machine-config.schema.json'), 'utf8')) as unknown
    expect(onDisk).toEqual(machineConfigJsonSchema())
    expect(machineConfigProblems(JSON.parse(readmeExample()))).toEqual([])
  })
})

describe('MSI packaging', () => {
  const require = createRequire(__filename)
  const hook = require(join(ROOT, 'build/msi-project-created.cjs')) as {
    addMachineConfig(wxs: string): string
  }
  const wxs = `<Wix><Product Id="*"><ComponentGroup Id="ProductComponents"><Component><File Id="mainExecutable" Source="app.exe"/></Component></ComponentGroup></Product></Wix>`

  it('the WiX hook adds HIS_URL, FACILITY_CODE and BHXH_URL and a deferred write-machine action', () => {
    const out = hook.addMachineConfig(wxs)
    for (const p of ['HIS_URL', 'FACILITY_CODE', 'BHXH_URL'])
      expect(out).toContain(`<Property Id="${p}" Secure="yes"/>`)
    expect(out).toMatch(
      /CustomAction Id="WriteMachineConfig" FileKey="mainExecutable" ExeCommand="--cli config write-machine --his-url &quot;\[HIS_URL\]&quot;/
    )
    expect(out).toContain('Execute="deferred" Impersonate="no"')
    expect(out.indexOf('WriteMachineConfig')).toBeLessThan(out.indexOf('</Product>'))
    expect(hook.addMachineConfig(out)).toBe(out)
    expect(() => hook.addMachineConfig('<Wix><Product/></Wix>')).toThrow(/unexpected WiX project/)
  })

  it('electron-builder.yml: per machine, fixed upgrade code, the hook, the CLI shim, RunAsNode off', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')
    expect(yml).toMatch(/perMachine: true/)
    expect(yml).toMatch(/upgradeCode: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
    expect(yml).toContain('msiProjectCreated: build/msi-project-created.cjs')
    expect(yml).toMatch(/runAsNode: false/)
    expect(existsSync(join(ROOT, 'build/reception.cmd'))).toBe(true)
    expect(readFileSync(join(ROOT, 'build/reception.cmd'), 'utf8')).toContain('--cli %*')
    const workflow = readFileSync(join(ROOT, '.github/workflows/windows.yml'), 'utf8')
    for (const step of ['electron-builder --win msi', 'check-fuses.mjs', 'HIS_URL=', 'electron.e2e.test.ts'])
      expect(workflow).toContain(step)
  })
})
