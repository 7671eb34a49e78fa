// Checks the fuses of a built Electron binary against electron-builder.yml's electronFuses (RunAsNode off,
// asar integrity on, …): a packaging change that silently re-enables RunAsNode fails the Windows workflow.
// Usage: node scripts/check-fuses.mjs "dist/win-unpacked/Tiep don CCCD.exe"
import { readFileSync } from 'node:fs'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'

const binary = process.argv[2]
if (!binary) {
  console.error('usage: node scripts/check-fuses.mjs PATH_TO_APP_EXE')
  process.exit(2)
}
const yml = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')
const block = yml.split(/^electronFuses:\s*$/m)[1] ?? ''
const wanted = {}
for (const line of block.split('\n').slice(1)) {
  const m = /^\s+(\w+):\s*(true|false)\s*$/.exec(line)
  if (!m) break
  wanted[m[1]] = m[2] === 'true'
}
if (Object.keys(wanted).length === 0) throw new Error('no electronFuses in electron-builder.yml')
const wire = await getCurrentFuseWire(binary)
const failures = []
for (const [key, on] of Object.entries(wanted)) {
  const option = FuseV1Options[key[0].toUpperCase() + key.slice(1)]
  if (option === undefined) throw new Error(`unknown fuse ${key}`)
  const state = wire[option]
  const isOn = state === FuseState.ENABLE
  console.log(`${key}: ${isOn ? 'on' : 'off'} (want ${on ? 'on' : 'off'})`)
  if (isOn !== on) failures.push(key)
}
if (failures.length) {
  console.error(`fuses not as configured: ${failures.join(', ')}`)
  process.exit(1)
}
console.log('fuses as configured')
