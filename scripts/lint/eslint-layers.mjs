// ESLint rule `layers/imports`: every import, export-from, dynamic import() and require() is checked against
// the layer map in layers.mjs on the path it resolves to.
import { checkImport } from './layers.mjs'

const rule = {
  meta: { type: 'problem', schema: [], messages: { layer: 'Layer violation: {{why}}' } },
  create(context) {
    const file = context.filename
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return
      const why = checkImport(file, node.value)
      if (why) context.report({ node, messageId: 'layer', data: { why } })
    }
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1)
          check(n.arguments[0])
      }
    }
  }
}

export default { rules: { imports: rule } }
