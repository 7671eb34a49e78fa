// Plants violating imports in real files inside each layer and proves `npm run lint`'s layer rule rejects
// them, while the same layer's allowed imports pass. The probes are deleted afterwards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { ESLint } from 'eslint'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const planted: string[] = []
afterAll(() => planted.forEach((p) => rmSync(p, { recursive: true, force: true })))

async function lintProbe(dir: string, source: string): Promise<string[]> {
  const probeDir = mkdtempSync(join(ROOT, dir, 'lint-probe-'))
  planted.push(probeDir)
  const file = join(probeDir, 'probe.ts')
  writeFileSync(file, source)
  const eslint = new ESLint({ cwd: ROOT })
  const [result] = await eslint.lintFiles([file])
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message)
}

describe('layering lint on resolved paths', () => {
  const violations: Array<[string, string, string]> = [
    ['renderer', `import { openDatabase } from '../../db'`, 'bare-folder import of db from the renderer'],
    ['renderer', `import '../../core/handlers'`, 'relative import of the core from the renderer'],
    ['renderer', `import { readFileSync } from 'node:fs'`, 'Node built-in in the sandboxed renderer'],
    ['contract', `import { createServices } from '../../core'`, 'contract importing the core (index.ts)'],
    ['contract', `import Database from 'better-sqlite3-multiple-ciphers'`, 'native addon in the contract'],
    ['core', `import { app } from 'electron'`, 'electron in the core'],
    ['core', `import '../../electron/main/security'`, 'core importing electron/main'],
    ['core', `import '../../web/server'`, 'core importing the browser transport'],
    ['db', `import '../../core/reception/registration'`, 'db importing the core'],
    ['protocol', `import '../../devices/pcsc'`, 'protocol code importing a device adapter'],
    ['protocol', `import { readFileSync } from 'node:fs'`, 'file I/O in pure protocol code'],
    ['devices', `import '../../db/patients'`, 'device adapter importing the database'],
    ['core', `import ExcelJS from 'exceljs'`, 'exceljs outside the report export'],
    ['core', `const card = require('smartcard')`, 'smartcard outside the PC/SC adapter (require)'],
    ['web', `export * from '../../electron/main/ipc'`, 'web re-exporting electron/main'],
    ['core', `void import('../../renderer/src/App')`, 'dynamic import of the renderer'],
    ['electron/preload', `import '../../../core/handlers'`, 'preload importing the core']
  ]
  it.each(violations)('in %s, `%s` fails (%s)', async (dir, source) => {
    const messages = await lintProbe(dir, source + '\n')
    expect(messages.length).toBe(1)
    expect(messages[0]).toMatch(/^Layer violation: /)
  })

  const allowed: Array<[string, string]> = [
    ['core', `import '../../db/patients'`],
    ['core', `import { z } from 'zod'`],
    ['renderer', `import type { Identity } from '../../contract/identity'`],
    ['protocol', `import { createHash } from 'node:crypto'`],
    ['cli', `import '../../core/handlers'`]
  ]
  it.each(allowed)('in %s, `%s` passes', async (dir, source) => {
    expect(await lintProbe(dir, source + '\n')).toEqual([])
  })
})

describe('import graph check', () => {
  it('fails on an import cycle and names its files', () => {
    const probeDir = mkdtempSync(join(ROOT, 'core', 'lint-probe-'))
    planted.push(probeDir)
    writeFileSync(join(probeDir, 'a.ts'), `import { b } from './b'\nexport const a = () => b\n`)
    writeFileSync(join(probeDir, 'b.ts'), `import { a } from './a'\nexport const b = () => a\n`)
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/lint/import-graph.mjs')], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/import cycle: core\/lint-probe-\w+\/a\.ts → core\/lint-probe-\w+\/b\.ts/)
  })
})
