import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../../..')
const bundle = join(root, 'out/main/cli.js')

/** Runs the built CLI with a hook that lists every npm package it loads. */
function packagesLoaded(args: string[]): { status: number | null; packages: string[] } {
  const hook = `
    const M = require('node:module'); const seen = new Set(); const orig = M._load
    M._load = function (request, parent, isMain) {
      if (!request.startsWith('.') && !request.startsWith('node:') && !request.startsWith('/')) seen.add(request.split('/')[0])
      return orig.apply(this, arguments)
    }
    process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n'))`
  const dir = mkdtempSync(join(tmpdir(), 'lazy-'))
  try {
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `${hook}; process.argv.splice(1, 0, 'x'); require(${JSON.stringify(bundle)}).runCli(${JSON.stringify(['--data-dir', dir, ...args])}).then((c) => { process.exitCode = c })`
      ],
      {
        encoding: 'utf8'
      }
    )
    const line = r.stderr.split('\n').find((l) => l.startsWith('LOADED '))
    return { status: r.status, packages: line ? (JSON.parse(line.slice(7)) as string[]) : [] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe.runIf(existsSync(bundle))('built CLI loads only what a command uses', () => {
  const heavy = ['exceljs', 'pkijs', 'xmlbuilder2', 'smartcard', 'node-hid', 'serialport', 'asn1js']

  it('queue status opens the database and nothing heavy', () => {
    const r = packagesLoaded(['queue', 'status'])
    expect(r.status).toBe(0)
    expect(r.packages).toContain('better-sqlite3-multiple-ciphers')
    for (const p of heavy) expect(r.packages).not.toContain(p)
  })

  it('parse-qr needs no database and no addon', () => {
    const r = packagesLoaded([
      'parse-qr',
      '022195001234|100123456|Nguyễn Thị Hồng Nhung|14031995|Nữ|Hạ Long|10042021'
    ])
    expect(r.status).toBe(0)
    for (const p of [...heavy, 'better-sqlite3-multiple-ciphers']) expect(r.packages).not.toContain(p)
  })

  it('report quality without --xlsx leaves exceljs unloaded', () => {
    const r = packagesLoaded(['report', 'quality', '--from', '2026-01-01', '--to', '2026-01-31'])
    expect(r.status).toBe(0)
    expect(r.packages).not.toContain('exceljs')
  })
})
