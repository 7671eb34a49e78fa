import { join } from 'node:path'
import { openDatabase, type Db } from '../db/connection'
import type { RegistrationInput, RegistrationResult } from '../contract/patient'
import type { PatientSummary } from '../contract/patient'
import { createRegistration } from './reception/registration'
import { createPatientSearch } from './patients/search'
import { DeviceStatus } from './status/device-status'
import { type Clock, systemClock } from './clock'
import type { CodingCatalog } from './coding/catalog/coding-catalog'
import { loadCodingCatalog } from './catalogs/stored-catalog'
import type { QrRead, ScanVia } from '../contract/reading'
import { ChipKeyHints } from './reading/chip-key-hints'
import { createQrService } from './reading/qr-service'
import { DeskPresence, osActor } from './auth/actor'
import { ChipConsent } from './consent/consent'
import { createHisMemory, type HisMemory } from './reading/his-memory'
import { SyncConfigStore } from './sync/config/config-store'
import { createKeyFileSealer } from './sync/config/secret-sealer'
import { hisLookupSettingsFrom } from './sync/config/his-lookup-settings'
import { resolveDeskCode } from './desk/desk-code'

export const DATABASE_FILE = 'reception.db'

export interface ServiceOptions {
  dataDir: string
  /** 32-byte database key: safeStorage-sealed in Electron, a 0600 key file in browser/CLI mode. */
  key: Buffer
  mode: 'electron' | 'web' | 'cli'
  version: string
  clock?: Clock
  /** The process's own actor (the CLI: `os:<login>`); app calls carry the signed-in user instead. */
  actor?: string
  facility?: { code: string | null; name: string | null }
}

/** Everything below the transports: one instance per process, shared by IPC, HTTP and the CLI. */
export interface Services {
  readonly options: ServiceOptions
  readonly db: Db
  readonly clock: Clock
  readonly devices: DeviceStatus
  /** MoH catalogues (embedded national default) used for coding and the form's lists. */
  readonly catalog: CodingCatalog
  /** The last QR's identity, for opening the chip without typing. */
  readonly chipKeyHints: ChipKeyHints
  readonly actor: string
  /** Who is signed in at the desk, for reads the hardware starts (a card laid down, a scanner's QR). */
  readonly desk: DeskPresence
  /** The clerk's "patient agreed" before the next chip read (Luật Căn cước 2023 Đ22). */
  readonly chipConsent: ChipConsent
  /** The facility HIS asked for patients other desks registered (docs/adr/0024). */
  readonly his: HisMemory
  register(input: RegistrationInput, actor?: string): RegistrationResult
  submitQr(text: string, via: ScanVia, actor?: string): Promise<QrRead>
  /** Called after every successful QR read (the card service opens a chip already on the reader). */
  onQrRead(listener: (read: QrRead) => void): () => void
  searchPatients(text: string, limit: number): PatientSummary[]
  close(): void
}

export function createServices(options: ServiceOptions): Services {
  const clock = options.clock ?? systemClock
  const db = openDatabase({ path: join(options.dataDir, DATABASE_FILE), key: options.key })
  const facility = options.facility ?? { code: null, name: null }
  const actor = options.actor ?? osActor().id
  // The same settings file the sender reads (his.url, auth, CA), re-read at each lookup.
  const config = new SyncConfigStore({ dataDir: options.dataDir, sealer: createKeyFileSealer(options.key) })
  const his = createHisMemory({ settings: () => hisLookupSettingsFrom(config.values()) })
  const register = createRegistration({
    db,
    clock,
    actor,
    facility,
    hisPatientIdFor: (idNumber) => his.hisIdFor(idNumber),
    hisPatientCodeFor: (idNumber) => his.hisCodeFor(idNumber),
    deskCode: () => resolveDeskCode(options.dataDir, config).code
  })
  const searchPatients = createPatientSearch(db)
  // Built on first use: commands that code nothing (queue status, config) never pay for the catalogue. The desk
  // (Electron, browser mode) builds the national address part just after start, off the first scan's path.
  let catalog: CodingCatalog | null = null
  const getCatalog = (): CodingCatalog => (catalog ??= loadCodingCatalog(db))
  if (options.mode !== 'cli') setImmediate(() => void getCatalog().admin)
  const chipKeyHints = new ChipKeyHints(clock)
  const decodeQr = createQrService({
    db,
    clock,
    actor,
    get catalog() {
      return getCatalog()
    },
    hints: chipKeyHints,
    his
  })
  const qrListeners = new Set<(read: QrRead) => void>()
  const submitQr = async (text: string, via: ScanVia, by?: string): Promise<QrRead> => {
    const read = await decodeQr(text, via, by)
    for (const l of qrListeners) l(read)
    return read
  }
  return {
    options,
    db,
    clock,
    devices: new DeviceStatus(),
    get catalog() {
      return getCatalog()
    },
    chipKeyHints,
    actor,
    desk: new DeskPresence(),
    chipConsent: new ChipConsent(),
    his,
    // A saved registration drops the last QR's chip keys: the next patient's card is never tried with them.
    register: (input, by) => {
      const result = register(input, by)
      chipKeyHints.clear()
      return result
    },
    submitQr,
    onQrRead: (listener) => {
      qrListeners.add(listener)
      return () => qrListeners.delete(listener)
    },
    searchPatients,
    close: () => {
      his.close()
      db.close()
    }
  }
}
