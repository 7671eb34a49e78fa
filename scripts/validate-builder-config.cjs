// Validates electron-builder.yml offline (a real package build needs the Electron download).
// Uses electron-builder's internal config loader: the version is pinned in package.json.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util')
;(async () => {
  const config = await getConfig(process.cwd(), null, null)
  await validateConfiguration(config, new DebugLogger(false))
  if (!config.msi || config.msi.perMachine !== true)
    throw new Error('MSI must install per machine (msi.perMachine: true)')
  console.log('electron-builder config valid (MSI per machine)')
})().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
