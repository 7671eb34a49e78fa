/**
 * Child process for the temp-file test: fills a database with `count` patients, prints "MIGRATING", runs a
 * migration that builds an index over names and ID numbers (the sort SQLite may spill to a temp file), prints
 * "DONE". Usage: node --import tsx test/support/migration-over-many-patients.ts DIR COUNT
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { openDatabase } from '../../db/connection'
import { migrate } from '../../db/migrate'
import { patientForm } from './fixtures'

const [dir, count] = process.argv.slice(2)
const db = openDatabase({ path: join(dir!, 'reception.db'), key: randomBytes(32) })
// Full-text upkeep is not what this test is about and triples the fill time on a loaded machine.
db.exec('DROP TRIGGER patients_fts_ai')
const insert = db.prepare(
  `INSERT INTO patients (id, code, id_number, full_name, name_folded, date_of_birth, sex, form_json, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, '1990-01-01', 'female', ?, '2026-01-01', '2026-01-01')`
)
db.transaction(() => {
  for (let i = 0; i < Number(count); i++) {
    const name = `Hoàng Thị Spillname ${i}`
    const idNumber = `0221${String(i).padStart(8, '0')}`
    insert.run(
      `p${i}`,
      `BN${i}`,
      idNumber,
      name,
      `hoang thi spillname ${i}`,
      JSON.stringify(patientForm({ fullName: name, idNumber }))
    )
  }
})()
if (process.env.PROBE_TEMP_STORE) db.pragma(`temp_store = ${process.env.PROBE_TEMP_STORE}`)
process.stdout.write('MIGRATING\n')
migrate(db, [
  {
    version: 999,
    name: '999_probe.sql',
    sql: 'CREATE INDEX patients_probe ON patients(full_name, id_number, form_json)'
  }
])
db.close()
process.stdout.write('DONE\n')
