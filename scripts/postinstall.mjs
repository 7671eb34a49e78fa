// Rebuild native addons for Electron's ABI on developer machines only.
// Every addon the project uses is N-API except none today, so this is a no-op safety net:
// CI and build machines keep the Node-ABI builds (docs/toolchain.md §5).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const skip = process.env.SKIP_ELECTRON_REBUILD === '1' || process.env.CI === 'true' || process.env.CI === '1'
if (skip || !existsSync('node_modules/electron/dist')) {
  console.log('[postinstall] skipping electron-builder install-app-deps: native addons stay on the Node ABI')
  process.exit(0)
}
const env = { ...process.env }
for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k]
const r = spawnSync('npx', ['electron-builder', 'install-app-deps'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32'
})
if (r.status !== 0) {
  console.warn('[postinstall] install-app-deps failed; restoring Node-ABI builds with npm rebuild')
  spawnSync('npm', ['rebuild'], { stdio: 'inherit', shell: process.platform === 'win32' })
}
