import { vi } from 'vitest'
import { runCli } from '../../cli/index'

/**
 * Runs the reception CLI in-process against `dataDir` with --json and returns its exit code, everything it printed,
 * and the last printed line parsed as JSON (the command's result or its error).
 */
export async function runCliJson<T = Record<string, unknown>>(
  dataDir: string,
  ...args: string[]
): Promise<{ code: number; out: T; text: string }> {
  const chunks: string[] = []
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(String(c))
    return true
  })
  try {
    const code = await runCli(['--data-dir', dataDir, '--json', ...args])
    const text = chunks.join('')
    const last = text.trim().split('\n').pop() ?? '{}'
    return { code, out: JSON.parse(last) as T, text }
  } finally {
    spy.mockRestore()
  }
}
