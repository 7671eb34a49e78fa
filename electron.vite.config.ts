import { resolve } from 'node:path'
import { cpSync, mkdirSync } from 'node:fs'
import type { Plugin } from 'vite'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Native addons stay external: they are loaded from node_modules (asar-unpacked in the MSI); so does
// playwright-core, which the CLI loads only to render slips to PDF.
const nativeExternals = [
  'better-sqlite3-multiple-ciphers',
  'smartcard',
  'node-hid',
  'serialport',
  'playwright-core'
]

/** The numbered SQL migrations are read at run time (db/migrations/index.ts): ship them beside the bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'copy-migrations',
    closeBundle() {
      mkdirSync(resolve('out/main/migrations'), { recursive: true })
      cpSync(resolve('db/migrations'), resolve('out/main/migrations'), {
        recursive: true,
        filter: (src) => !src.endsWith('.ts')
      })
    }
  }
}

/**
 * The build flavour (core/config/build-flavour.ts): a release unless RECEPTION_TEST_BUILD=1, so switches that
 * let tests point the app elsewhere never exist in what is shipped.
 */
const buildFlavour = {
  __RECEPTION_BUILD__: JSON.stringify(process.env.RECEPTION_TEST_BUILD === '1' ? 'test' : 'production')
}

export default defineConfig({
  main: {
    define: buildFlavour,
    build: {
      // zod is bundled (tree-shaken, one chunk) instead of required from node_modules: its ~100 CommonJS
      // files cost every command ~50 ms of module resolution (bench/startup).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // One bundle set for Electron's main process and for the plain-Node entry points
        // (CLI and browser mode): they share every service and never import 'electron'.
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('cli/index.ts'),
          web: resolve('web/start.ts')
        },
        external: nativeExternals,
        output: {
          // Chunks follow what each command needs: the database layer (better-sqlite3) and the QR/DG13 decoder
          // in chunks of their own so parse-qr never loads the addon; the automatic split merges them.
          codeSplitting: {
            includeDependenciesRecursively: false,
            groups: [
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
              { name: 'db', test: /[\\/]db[\\/]/ },
              { name: 'cccd-text', test: /[\\/]protocol[\\/](cccd[\\/]|icao[\\/](bytes|errors|tlv|mrz)\.ts)/ }
            ]
          }
        }
      }
    },
    plugins: [copyMigrations()]
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('electron/preload/index.ts') } } }
  },
  renderer: {
    root: resolve('renderer'),
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
    plugins: [react()]
  }
})
