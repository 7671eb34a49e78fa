// Checks the Node version before anything loads a native addon: the addons here are built for Node 22, and an
// older Node (Debian's Node 20 on PATH) dies inside better-sqlite3 with "Segmentation fault", exit 139, no
// message. Plain CommonJS with no imports so it runs on any Node; its text cannot come from the TypeScript
// message catalogue, which is only reachable once the (addon-loading) bundle is.
// Used as `require('../scripts/node-guard.cjs').assertSupportedNode()` or run as `node scripts/node-guard.cjs`.
'use strict'

const MINIMUM = [22, 12, 0]

function isSupported(version) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number)
  for (let i = 0; i < MINIMUM.length; i++) {
    if ((parts[i] || 0) !== MINIMUM[i]) return (parts[i] || 0) > MINIMUM[i]
  }
  return true
}

function unsupportedMessage(version) {
  const need = MINIMUM.join('.')
  return [
    `Phiên bản Node ${version} quá cũ: phần mềm tiếp đón cần Node ${need} trở lên (các thư viện đọc thẻ và cơ sở dữ liệu được biên dịch cho Node 22).`,
    'Cách sửa: trong thư mục phần mềm chạy `source scripts/env.sh` (đặt Node 22 lên đầu PATH), hoặc cài Node 22 từ nodejs.org.',
    `Node ${version} is too old: the reception desk needs Node ${need} or newer (its card-reader and database addons are built for Node 22).`,
    'Fix: in the project folder run `source scripts/env.sh` (puts Node 22 first on PATH), or install Node 22 from nodejs.org.'
  ].join('\n')
}

/** Exits with a clear message (stderr, and the CLI's JSON error line on stdout) when this Node is too old. */
function assertSupportedNode(version = process.versions.node) {
  if (isSupported(version)) return
  const message = unsupportedMessage(`v${String(version).replace(/^v/, '')}`)
  process.stderr.write(message + '\n')
  const [vi1, vi2, en1, en2] = message.split('\n')
  // The same JSON error line as every other CLI failure, so scripts that parse stdout see it too.
  const error = { code: 'INTERNAL', message: `${vi1} ${vi2}`, messageEn: `${en1} ${en2}` }
  process.stdout.write(JSON.stringify({ error }) + '\n')
  process.exit(1)
}

module.exports = { MINIMUM, isSupported, unsupportedMessage, assertSupportedNode }

if (require.main === module) assertSupportedNode()
