// Writes latest.yml next to a built MSI, in the format electron-updater's generic provider reads
// (version, files[{url, sha512, size}], path, sha512, releaseDate). electron-builder writes it for NSIS only.
// Usage: node scripts/write-update-info.mjs dist/reception-desk-0.1.0-x64.msi
import { createHash } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

const msi = process.argv[2]
if (!msi || !msi.endsWith('.msi')) {
  console.error('usage: node scripts/write-update-info.mjs PATH.msi')
  process.exit(2)
}
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const sha512 = createHash('sha512').update(readFileSync(msi)).digest('base64')
const name = basename(msi)
const yml = [
  `version: ${version}`,
  'files:',
  `  - url: ${name}`,
  `    sha512: ${sha512}`,
  `    size: ${statSync(msi).size}`,
  `path: ${name}`,
  `sha512: ${sha512}`,
  `releaseDate: '${new Date().toISOString()}'`,
  ''
].join('\n')
writeFileSync(join(dirname(msi), 'latest.yml'), yml)
console.log(`latest.yml written for ${name} (${version})`)
