/**
 * What the developer switches may do at launch (docs/adr/0017). A packaged app ignores them all: a renderer URL
 * from ELECTRON_RENDERER_URL would get the app's full IPC, NODE_ENV=development would open DevTools on patient
 * data, and a remote-debugging or inspector switch would hand the running app to whoever connects. Those
 * switches on a packaged app's command line are refused outright (the app does not start). Pure, so it is
 * unit-tested without the Electron binary.
 */
export interface LaunchInput {
  /** app.isPackaged */
  packaged: boolean
  env: NodeJS.ProcessEnv
  argv: readonly string[]
}

export interface LaunchPolicy {
  /** The dev server to load instead of the bundled renderer; null = the packaged file. */
  rendererUrl: string | null
  devTools: boolean
  /** Set when the app must not start: the switch that was refused (never its value). */
  refused: string | null
  /** Environment switches present and ignored, to report. */
  ignored: string[]
}

/** Command-line switches that open the process to a debugger. */
const DEBUG_SWITCHES = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--debug',
  '--debug-brk',
  '--js-flags'
]

function debugSwitch(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = arg.split('=')[0]!.toLowerCase()
    if (DEBUG_SWITCHES.includes(name)) return name
  }
  return null
}

/** Only a loopback http(s) dev server may stand in for the renderer, and only when not packaged. */
function devRendererUrl(raw: string | undefined): string | null {
  if (!raw) return null
  try {
    const url = new URL(raw)
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]'
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.href : null
  } catch {
    return null
  }
}

export function decideLaunch(input: LaunchInput): LaunchPolicy {
  const { env } = input
  if (!input.packaged) {
    return {
      rendererUrl: devRendererUrl(env.ELECTRON_RENDERER_URL),
      devTools: env.NODE_ENV === 'development',
      refused: null,
      ignored: []
    }
  }
  const ignored = (['ELECTRON_RENDERER_URL', 'NODE_ENV', 'ELECTRON_ENABLE_LOGGING'] as const).filter(
    (name) => env[name] !== undefined && env[name] !== ''
  )
  return { rendererUrl: null, devTools: false, refused: debugSwitch(input.argv), ignored }
}
