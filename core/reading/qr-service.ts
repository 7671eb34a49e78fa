import type { Db } from '../../db/connection'
import type { QrRead, ScanVia } from '../../contract/reading'
import { parseCccdQr } from '../../protocol/cccd'
import type { CodingCatalog } from '../coding/catalog/coding-catalog'
import { localIsoWithOffset, type Clock } from '../clock'
import { codeIdentity } from './code-identity'
import { withReturningPatient } from './match-identity'
import { recordIdentityRead } from './identity-reads'
import type { ChipKeyHints } from './chip-key-hints'

export interface QrServiceDeps {
  db: Db
  clock: Clock
  actor: string
  catalog: CodingCatalog
  hints: ChipKeyHints
}

/**
 * A scanned QR text, from any scanner: decoded (a damaged or foreign text is a typed error and fills nothing),
 * coded, recorded as an identity read, and remembered so the chip can be opened without typing.
 */
export function createQrService(deps: QrServiceDeps): (text: string, via: ScanVia, actor?: string) => QrRead {
  return (text, via, actor = deps.actor) => {
    const decoded = parseCccdQr(text)
    const coded = withReturningPatient(
      deps.db,
      codeIdentity(decoded.identity, deps.catalog, decoded.warnings),
      localIsoWithOffset(deps.clock()).slice(0, 10)
    )
    const readId = recordIdentityRead(deps.db, deps.clock().toISOString(), actor, {
      identity: decoded.identity
    })
    deps.hints.remember(decoded.identity)
    return {
      readId,
      via,
      identity: decoded.identity,
      coded,
      chipKeysReady: decoded.identity.idNumber !== null
    }
  }
}
