// The layer map and its checks, shared by the ESLint rule (eslint-layers.mjs) and the import-graph check
// (import-graph.mjs). Like VS Code's code-layering rule, it judges the file an import resolves to, not the
// string that names it: relative, bare-folder and `index` imports are all caught. docs/adr/0012.
import { existsSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

/**
 * Bottom to top. Each layer lists the layers it may import (itself included) and the npm packages it may use.
 * `node` stands for Node's built-in modules.
 */
export const LAYERS = [
  { name: 'contract', dir: 'contract', may: ['contract'], packages: ['zod'] },
  {
    name: 'protocol',
    dir: 'protocol',
    may: ['contract', 'protocol'],
    packages: ['node:crypto', 'pkijs', 'asn1js']
  },
  {
    name: 'devices',
    dir: 'devices',
    may: ['contract', 'devices'],
    packages: ['node', 'zod', 'smartcard', 'node-hid', 'serialport']
  },
  { name: 'db', dir: 'db', may: ['contract', 'db'], packages: ['node', 'better-sqlite3-multiple-ciphers'] },
  {
    name: 'core',
    dir: 'core',
    may: ['contract', 'protocol', 'devices', 'db', 'core'],
    // pino + pino-roll: the rotating log files (core/logging only, see PACKAGE_HOMES).
    packages: [
      'node',
      'zod',
      'croner',
      'xmlbuilder2',
      'fast-xml-parser',
      'exceljs',
      'pkijs',
      'asn1js',
      'qrcode',
      'pino',
      'pino-roll'
    ]
  },
  { name: 'web', dir: 'web', may: ['contract', 'core', 'web'], packages: ['node'] },
  {
    name: 'cli',
    dir: 'cli',
    may: ['contract', 'protocol', 'devices', 'db', 'core', 'cli'],
    packages: ['node', 'playwright-core']
  },
  // main may start the CLI: the packaged app answers `--cli …` on desks without Node (cli/packaged.ts).
  {
    name: 'main',
    dir: 'electron/main',
    may: ['contract', 'core', 'cli', 'main'],
    packages: ['node', 'electron', 'electron-updater']
  },
  { name: 'preload', dir: 'electron/preload', may: ['contract', 'preload'], packages: ['electron'] },
  {
    name: 'renderer',
    dir: 'renderer',
    may: ['contract', 'renderer'],
    packages: ['react', 'react-dom', 'i18next', 'react-i18next', 'jsqr']
  }
]

/** A package that may be used only in these folders, whatever its layer allows (one home per capability). */
export const PACKAGE_HOMES = {
  smartcard: ['devices/pcsc'],
  'node-hid': ['devices/scanner'],
  serialport: ['devices/scanner'],
  exceljs: ['core/reports'],
  'better-sqlite3-multiple-ciphers': ['db'],
  // core/backup: the daily automatic backup's own tick (docs/adr/0016).
  croner: ['core/sync/schedule', 'core/backup'],
  xmlbuilder2: ['core/sync/connectors/xml4750'],
  'fast-xml-parser': ['core/sync/connectors/xml4750'],
  qrcode: ['core/desk'],
  // Renders slips to PDF for the CLI and kiosks; Electron prints with its own Chromium.
  'playwright-core': ['cli/commands/print.ts'],
  pino: ['core/logging'],
  'pino-roll': ['core/logging']
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.cjs', '.js', '.json']

/** Repo-relative posix path of an absolute path. */
export const relPath = (abs) => path.relative(ROOT, abs).split(path.sep).join('/')

export function layerOf(rel) {
  // The most specific folder wins (electron/main before a hypothetical electron/).
  let best
  for (const layer of LAYERS) {
    if (
      (rel === layer.dir || rel.startsWith(layer.dir + '/')) &&
      (!best || layer.dir.length > best.dir.length)
    )
      best = layer
  }
  return best
}

/** The file a relative specifier resolves to (or the folder/path it names when nothing exists there). */
export function resolveRelative(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec)
  if (existsSync(base) && statSync(base).isFile()) return base
  const stripped = base.replace(/\.(js|mjs|cjs)$/, '')
  for (const ext of EXTENSIONS) if (existsSync(stripped + ext)) return stripped + ext
  for (const ext of EXTENSIONS)
    if (existsSync(path.join(base, 'index' + ext))) return path.join(base, 'index' + ext)
  return base
}

const builtins = new Set(builtinModules)
export function packageOf(spec) {
  if (spec.startsWith('node:')) return { name: spec.split('/')[0], builtin: true }
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
  return { name, builtin: builtins.has(name) }
}

/** Why `spec` may not be imported from `fromFile`, or undefined when it may. */
export function checkImport(fromFile, spec) {
  const fromRel = relPath(fromFile)
  const from = layerOf(fromRel)
  if (!from) return undefined // tests, benches, scripts and configs may import anything
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const targetRel = relPath(resolveRelative(fromFile, spec))
    const to = layerOf(targetRel)
    if (targetRel === 'package.json') return undefined // the app's name and version
    if (!to) {
      if (targetRel.startsWith('..')) return `${from.name} imports ${targetRel}, outside the repository`
      return `${from.name} imports ${targetRel}, which belongs to no layer (test, bench or script code)`
    }
    if (!from.may.includes(to.name)) {
      return `${from.name} may import only ${from.may.join(', ')}; ${targetRel} is in ${to.name}`
    }
    return undefined
  }
  const pkg = packageOf(spec)
  const id = pkg.builtin ? (pkg.name.startsWith('node:') ? pkg.name : 'node:' + pkg.name) : pkg.name
  const allowed = from.packages.includes(id) || (pkg.builtin && from.packages.includes('node'))
  if (!allowed) return `${from.name} may not use the package '${pkg.name}'`
  const homes = PACKAGE_HOMES[pkg.name]
  if (homes && !homes.some((h) => fromRel === h || fromRel.startsWith(h + '/'))) {
    return `'${pkg.name}' is used only in ${homes.join(', ')}`
  }
  return undefined
}
