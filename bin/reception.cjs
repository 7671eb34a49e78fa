#!/usr/bin/env node
// The `reception` command: runs the built CLI bundle (npm run build produces out/main/cli.js).
const { join } = require('node:path')
const { existsSync } = require('node:fs')
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
