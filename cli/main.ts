// Runs the CLI from source (npx tsx cli/main.ts ...); the installed command uses bin/reception.cjs.
import { runCli } from './index'

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
