// The import graph of the app's own code (every layer in layers.mjs): prints its figures as JSON and fails on
// a layer violation or an import cycle. Run by `npm run lint`. Usage: node scripts/lint/import-graph.mjs [--quiet]
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { LAYERS, ROOT, checkImport, layerOf, relPath, resolveRelative } from './layers.mjs'

const SOURCE = /\.(ts|tsx|mts)$/

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full
  }
}

export function buildGraph() {
  const files = LAYERS.flatMap((l) => [...walk(path.join(ROOT, l.dir))])
  const edges = new Map()
  const violations = []
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = new Set()
    for (const { fileName } of info.importedFiles) {
      const why = checkImport(file, fileName)
      if (why) violations.push({ file: relPath(file), import: fileName, why })
      if (fileName.startsWith('.')) targets.add(resolveRelative(file, fileName))
    }
    edges.set(
      file,
      [...targets].filter((t) => layerOf(relPath(t)))
    )
  }
  return { files, edges, violations }
}

/** Tarjan's strongly connected components; every component larger than one file (or a self-import) is a cycle. */
export function findCycles(edges) {
  let index = 0
  const stack = []
  const meta = new Map()
  const cycles = []
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true })
    index++
    stack.push(v)
    for (const w of edges.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w)
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low)
      } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index)
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = []
      let w
      do {
        w = stack.pop()
        meta.get(w).onStack = false
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.map(relPath).sort())
    }
  }
  for (const v of edges.keys()) if (!meta.has(v)) visit(v)
  return cycles
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
if (isMain) {
  const { files, edges, violations } = buildGraph()
  const cycles = findCycles(edges)
  const perLayer = Object.fromEntries(
    LAYERS.map((l) => [l.name, files.filter((f) => layerOf(relPath(f)) === l).length])
  )
  const internalEdges = [...edges.values()].reduce((n, t) => n + t.length, 0)
  const summary = {
    files: files.length,
    internalImports: internalEdges,
    perLayer,
    violations: violations.length,
    cycles: cycles.length
  }
  if (!process.argv.includes('--quiet') || violations.length || cycles.length)
    console.log(JSON.stringify(summary))
  for (const v of violations) console.error(`layer violation: ${v.file} imports '${v.import}': ${v.why}`)
  for (const c of cycles) console.error(`import cycle: ${c.join(' → ')}`)
  process.exit(violations.length || cycles.length ? 1 : 0)
}
