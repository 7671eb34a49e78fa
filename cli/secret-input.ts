import { createInterface } from 'node:readline'
import { AppError } from '../contract/errors'

/**
 * Passwords never come as arguments (they would sit in the shell history and the process list): from a prompt
 * with echo off on a terminal, or one per line from stdin (`printf '%s\n%s\n' "$PASS" "$PIN" | reception …`).
 */
export async function readSecrets(prompts: string[]): Promise<string[]> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)
    return prompts.map((_, i) => lines[i] ?? '')
  }
  const out: string[] = []
  for (const prompt of prompts) out.push(await promptHidden(prompt))
  return out
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
    process.stderr.write(prompt)
    // Echo nothing of what is typed.
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined
    rl.question('', (answer) => {
      process.stderr.write('\n')
      rl.close()
      resolve(answer)
    })
    rl.on('SIGINT', () => {
      rl.close()
      reject(new AppError('VALIDATION', 'Đã huỷ.', 'Cancelled'))
    })
  })
}
