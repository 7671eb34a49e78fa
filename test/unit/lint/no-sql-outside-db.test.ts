// Every SQL statement lives in db/, behind typed functions (docs/adr/0014). This test parses every source file
// of the other layers and the benches and fails on a `.prepare(`, `.pragma(` or SQL `.exec(` call, wherever
// the line breaks fall. A RegExp's `.exec(text)` is not SQL: an `.exec` counts only when it is given literal
// text or is called on something named like a database.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const CHECKED = ['contract', 'core', 'protocol', 'devices', 'web', 'electron', 'cli', 'renderer', 'bench']
const SQL_METHODS = new Set(['prepare', 'pragma', 'exec'])
const DATABASE_NAME = /(^|\.)(db|database|sqlite|conn|connection)$/i

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.(ts|tsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : []
  })
}

/** `file:line method` for each SQL call in the source text. */
function sqlCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      SQL_METHODS.has(node.expression.name.text)
    ) {
      const method = node.expression.name.text
      const receiver = node.expression.expression.getText(source)
      const first = node.arguments[0]
      const literalText = first !== undefined && (ts.isStringLiteral(first) || ts.isTemplateLiteral(first))
      if (method !== 'exec' || literalText || DATABASE_NAME.test(receiver)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
        found.push(`${fileName}:${line + 1} .${method}(`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('no SQL outside db/', () => {
  it('recognises SQL calls however they are written, and leaves RegExp.exec alone', () => {
    const planted = [
      "db.prepare('SELECT 1').get()",
      'services.db\n  .prepare<[string], { id: string }>(`SELECT id FROM visits WHERE patient_id = ?`)\n  .all(id)',
      "db.pragma('wal_checkpoint(TRUNCATE)')",
      'services.db.exec("UPDATE outbox SET status = \'pending\'")',
      'handle.exec(`VACUUM`)',
      'this.db.exec(sql)'
    ]
    for (const code of planted) expect(sqlCalls('probe.ts', code), code).toHaveLength(1)
    const regexOnly = [
      'const m = /^(\\d{4})$/.exec(s)',
      'LEADING_FRAMING.exec(nfc)?.[0].length',
      'rule.pattern.exec(body)?.index',
      'ISO_LOCAL.exec(value)'
    ]
    for (const code of regexOnly) expect(sqlCalls('probe.ts', code), code).toEqual([])
  })

  it('finds none in contract, core, protocol, devices, web, electron, cli, renderer or bench', () => {
    const calls = CHECKED.flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((file) =>
        sqlCalls(relative(ROOT, file), readFileSync(file, 'utf8'))
      )
    )
    expect(calls).toEqual([])
  })
})
