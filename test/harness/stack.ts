// Start/stop the private PC/SC stack (scripts/pcsc-stack.sh) from TypeScript, e.g. in a vitest
// beforeAll or globalSetup. PCSCLITE_CSOCK_NAME must be set before the process's first PC/SC context.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = resolve(__dirname, '../../scripts/pcsc-stack.sh')
const PCSCD = '/usr/sbin/pcscd'
const VPCD_LIB = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so'

export interface PcscStack {
  dir: string
  /** vpcd TCP port of slot 0 (slot 1 is port + 1). */
  port: number
  pid: number
  /** Value for PCSCLITE_CSOCK_NAME. */
  socketPath: string
  /** Reader name of slot 0 as PC/SC lists it. */
  readerName: string
}

export const STACK_READER_NAME = 'Virtual Contactless Reader'

/**
 * Why the stack cannot run here, or null when it can. Only missing Debian packages are a reason to
 * skip; anything else (no user namespaces for a non-root run, a port clash) must fail loudly.
 */
export function stackUnavailableReason(): string | null {
  if (!existsSync(PCSCD) || !existsSync(VPCD_LIB))
    return 'skipped: pcscd/vpcd not installed (apt-get install pcscd vsmartcard-vpcd)'
  return null
}

export async function startStack(
  opts: { dir?: string; port?: number; setEnv?: boolean } = {}
): Promise<PcscStack> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'pcsc-stack-'))
  const args = ['start', dir, ...(opts.port ? [String(opts.port)] : [])]
  const { stdout } = await run(SCRIPT, args, { env: { ...process.env, PCSC_READER_NAME: STACK_READER_NAME } })
  const vars = Object.fromEntries(
    [...stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as const)
  )
  const stack: PcscStack = {
    dir,
    port: Number(vars.VPCD_PORT),
    pid: Number(vars.PCSCD_PID),
    socketPath: vars.PCSCLITE_CSOCK_NAME!,
    readerName: `${STACK_READER_NAME} 00 00`
  }
  if (opts.setEnv !== false) process.env.PCSCLITE_CSOCK_NAME = stack.socketPath
  return stack
}

/** SIGTERM pcscd and wait until it has really ended. Stop pcscd before removing the virtual card. */
export async function stopStack(stack: Pick<PcscStack, 'dir'>): Promise<void> {
  await run(SCRIPT, ['stop', stack.dir])
}

/** Restart pcscd in the same directory and on the same port (the app must recover). */
export async function restartStack(stack: PcscStack): Promise<PcscStack> {
  await stopStack(stack)
  return startStack({ dir: stack.dir, port: stack.port, setEnv: false })
}
