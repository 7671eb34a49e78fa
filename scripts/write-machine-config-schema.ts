// Regenerates docs/machine-config.schema.json from the config keys (npm run build:machine-schema); a unit test
// fails when the committed file and the code disagree.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { machineConfigJsonSchema } from '../core/config/machine-config-schema'

writeFileSync(
  join(__dirname, '..', 'docs', 'machine-config.schema.json'),
  JSON.stringify(machineConfigJsonSchema(), null, 2) + '\n'
)
