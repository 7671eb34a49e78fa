/**
 * A client process for crash tests: sends one submission (JSON file given as argv[3]) to the HIS FHIR
 * endpoint argv[2], prints "sending" before and the outcome kind after. The parent SIGKILLs it mid-send.
 */
import { readFileSync } from 'node:fs'
import { createHisFhirConnector } from '../../../../core/sync/connectors'
import { createHttpClient } from '../../../../core/sync/http-client'
import type { Submission } from '../../../../contract/submission'

async function main(): Promise<void> {
  const [baseUrl, file] = process.argv.slice(2)
  const sub = JSON.parse(readFileSync(file!, 'utf8')) as Submission
  const connector = createHisFhirConnector(createHttpClient({ baseUrl: baseUrl!, timeoutMs: 60_000 }))
  process.stdout.write('sending\n')
  const outcome = await connector.send(sub)
  process.stdout.write(`${outcome.kind}\n`)
  connector.close()
}

void main()
