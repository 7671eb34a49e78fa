import type { Db } from '../../db/connection'
import type { QrRead, ScanVia } from '../../contract/reading'
import { parseCccdQr } from '../../protocol/cccd'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'
import { localIsoWithOffset, type Clock } from '../clock'
import { codeIdentity } from './code-identity'
import { withReturningPatient } from './match-identity'
import { recordIdentityRead } from './identity-reads'
import type { ChipKeyHints } from './chip-key-hints'
import type { HisMemory } from './his-memory'
import { withHisPatient } from './his-returning'

export interface QrServiceDeps {
  db: Db
  clock: Clock
  actor: string
  catalog: CodingCatalog
  hints: ChipKeyHints
  his: HisMemory
}

/**
 * A scanned QR text, from any scanner: decoded (a damaged or foreign text is a typed error and fills nothing),
 * coded, recorded as an identity read, and remembered so the chip can be opened without typing. A card that
 * matches nothing on this computer is looked up in the HIS (at most its short deadline, docs/adr/0024).
 */
export function createQrService(
  deps: QrServiceDeps
): (text: string, via: ScanVia, actor?: string) => Promise<QrRead> {
  return async (text, via, actor = deps.actor) => {
    const decoded = parseCccdQr(text)
    const local = withReturningPatient(
      deps.db,
      codeIdentity(decoded.identity, deps.catalog, decoded.warnings),
      localIsoWithOffset(deps.clock()).slice(0, 10),
      deps.catalog
    )
    const readId = recordIdentityRead(deps.db, deps.clock().toISOString(), actor, {
      identity: decoded.identity
    })
    // The chip keys first: a card on the reader opens while the HIS is asked.
    deps.hints.remember(decoded.identity)
    const coded = await withHisPatient(local, deps.his)
    return {
      readId,
      via,
      identity: decoded.identity,
      coded,
      chipKeysReady: decoded.identity.idNumber !== null
    }
  }
}
