import type { OpenServices } from './cli-context'
import { runCli } from './index'

/** The arguments after `--cli` ("Tiep don CCCD.exe" --cli queue status), or null for a normal app start. */
export function cliArgsOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli')
  return at < 0 ? null : argv.slice(at + 1)
}

/**
 * The `reception` CLI inside the packaged app, for desks with no Node installed and the RunAsNode fuse off:
 * the same commands and output as bin/reception.cjs, over the app's own database key (the Electron main
 * process passes an opener that unseals it with safeStorage). Returns the exit code.
 */
export function runPackagedCli(argv: readonly string[], openServices: OpenServices): Promise<number> {
  return runCli(cliArgsOf(argv) ?? [], { openServices })
}
