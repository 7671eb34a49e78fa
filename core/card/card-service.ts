import { localIsoWithOffset } from '../clock'
import { AppError, toErrorValue } from '../../contract/errors'
import { statusText } from '../../contract/messages'
import type { Identity } from '../../contract/identity'
import type { CardEvent } from '../../contract/reading'
import { deriveChipKeys } from '../../protocol/cccd'
import type { ReaderManager, ReaderInfo } from '../../devices/pcsc'
import type { Services } from '../index'
import { codeIdentity } from '../reading/code-identity'
import { withReturningPatient } from '../reading/match-identity'
import { withHisPatient } from '../reading/his-returning'
import { recordIdentityRead, recordVerification } from '../reading/identity-reads'
import { readCccd, type CccdReadResult, type ChipKeyInput } from './read-cccd'
import { linkConsentToRead } from '../consent/consent'
import { noteDocumentSigner, trustedCscas } from './trust-store'
import { EXTENDED_RECV, readSizeFor, rememberReadSize } from './reader-limits'

export interface CardServiceOptions {
  services: Services
  manager: ReaderManager
  publish: (event: CardEvent) => void
  includePhoto?: boolean
}

const noKeysError = AppError.of('ACCESS_DENIED', 'chip.noKeys', undefined, { reason: 'no-keys' })

/**
 * Watches the reader and reads a card as soon as its keys are known: from the QR scanned just before, or from
 * a QR scanned while the card lies on the reader. One read at a time per reader; a finished read is recorded
 * as an identity read with its verification.
 */
export class CardService {
  private reading = false
  private present: ReaderInfo | null = null
  /** Counts insertions, so a card laid down while another read was failing still gets read. */
  private insertion = 0
  private readonly offs: (() => void)[] = []

  constructor(private readonly opts: CardServiceOptions) {}

  start(): void {
    const { manager, services } = this.opts
    const onStatus = (s: ReturnType<ReaderManager['status']>): void => {
      if (!this.reading) services.devices.setReader(s)
    }
    const onInserted = (r: ReaderInfo): void => {
      this.present = r
      this.insertion++
      this.opts.publish({ type: 'inserted', readerName: r.name })
      void this.tryRead()
    }
    const onRemoved = (r: { name: string }): void => {
      if (this.present?.name === r.name) this.present = null
      this.opts.publish({ type: 'removed', readerName: r.name })
    }
    manager.on('status', onStatus)
    manager.on('card-inserted', onInserted)
    manager.on('card-removed', onRemoved)
    this.offs.push(
      () => manager.off('status', onStatus),
      () => manager.off('card-inserted', onInserted),
      () => manager.off('card-removed', onRemoved)
    )
    services.devices.setReader(manager.status())
    manager.start()
  }

  async stop(): Promise<void> {
    for (const off of this.offs.splice(0)) off()
    await this.opts.manager.stop()
  }

  /** A QR was scanned: if its card is already on the reader, open the chip now (card first, then QR). */
  onQrIdentity(): void {
    if (this.present && !this.reading) void this.tryRead()
  }

  /**
   * Reads the card on the reader with a typed CAN (six digits: card-only desks), the keys of `identity` (a typed
   * ID, a stored record) or the last QR.
   */
  async tryRead(identity: Identity | null = null, can: string | null = null): Promise<CccdReadResult | null> {
    const { services, publish } = this.opts
    const source = identity ?? (can ? null : services.chipKeyHints.recent())
    if (!this.present) return null
    // Nobody signed in (or the screen is locked): nothing is read that the log could not name a person for.
    const actor = services.desk.current()
    if (!actor) {
      publish({ type: 'error', error: AppError.of('UNAUTHENTICATED', 'auth.noDeskUser').toValue() })
      return null
    }
    if (!source && !can) {
      publish({ type: 'error', error: noKeysError.toValue() })
      return null
    }
    if (this.reading) return null
    // The chip is read only after the clerk confirmed the patient agreed; the agreement is used up by this read.
    const consentAt = services.chipConsent.armedAt(actor.id)
    const consentId = services.chipConsent.take(actor.id, services.clock().getTime())
    if (!consentId) {
      publish({ type: 'error', error: AppError.of('CONSENT_REQUIRED', 'consent.required').toValue() })
      return null
    }
    this.reading = true
    const readerName = this.present.name
    const insertion = this.insertion
    services.devices.setReader({ state: 'reading', readerName, ...statusText('status.reader.reading') })
    let session: Awaited<ReturnType<ReaderManager['connect']>> | null = null
    let readId: string | null = null
    // Events leave in order: the identity may wait (at most the HIS deadline) for the HIS's answer while the
    // chip read goes on, and what the read reports after it follows it (docs/adr/0024).
    let sent: Promise<void> = Promise.resolve()
    const emit = (event: CardEvent | Promise<CardEvent>): void => {
      sent = sent.then(async () => publish(await event))
    }
    try {
      const keys: ChipKeyInput = source
        ? deriveChipKeys(source, { today: services.clock().toISOString().slice(0, 10) })
        : { mrzInfo: [], can }
      emit({ type: 'progress', step: 'connect', percent: 0 })
      session = await this.opts.manager.connect({ reader: readerName, maxRecvLength: EXTENDED_RECV })
      const s = session
      const result = await readCccd((apdu) => s.transmit(apdu), keys, {
        includePhoto: this.opts.includePhoto !== false,
        cscaCertificates: trustedCscas(services.db),
        session: { ...readSizeFor(readerName), cardPresent: () => s.cardPresent() },
        onProgress: (step, percent) => emit({ type: 'progress', step, percent }),
        onIdentity: (chipIdentity) => {
          readId = recordIdentityRead(services.db, services.clock().toISOString(), actor.id, {
            identity: chipIdentity,
            readerName
          })
          linkConsentToRead(services.db, consentId, readId)
          const id = readId
          const local = withReturningPatient(
            services.db,
            codeIdentity(chipIdentity, services.catalog),
            localIsoWithOffset(services.clock()).slice(0, 10),
            services.catalog
          )
          emit(
            withHisPatient(local, services.his).then((coded): CardEvent => ({
              type: 'identity',
              readId: id,
              identity: chipIdentity,
              coded
            }))
          )
        },
        onVerified: (pa) => {
          if (readId) emit({ type: 'verified', readId, passiveAuthentication: pa })
        }
      })
      rememberReadSize(readerName, result.chunkSize)
      // The last QR's keys opened their card: their job is done, the next card laid is not tried with them.
      if (source && !identity) services.chipKeyHints.clear()
      if (readId) {
        const newSignerIssuer = noteDocumentSigner(
          services.db,
          {
            der: result.chip.signerCertificate,
            subject: result.chip.passiveAuthentication.signerSubject,
            issuer: result.chip.signerIssuer
          },
          services.clock().toISOString()
        )
        const verification = { ...result.chip.passiveAuthentication, newSignerIssuer }
        recordVerification(services.db, readId, verification)
        // The photo's hash is checked too: a tampered DG2 turns the verdict invalid.
        emit({ type: 'verified', readId, passiveAuthentication: verification })
        if (result.photo) {
          emit({
            type: 'photo',
            readId,
            mime: result.photo.mime,
            dataBase64: Buffer.from(result.photo.bytes).toString('base64')
          })
        }
        emit({ type: 'done', readId, timings: result.timings })
      }
      return result
    } catch (e) {
      // One text per problem: a card pulled mid-read says error.CARD_REMOVED, whichever layer noticed.
      const error = toErrorValue(e)
      // The chip refused the keys before any data was read: the patient's consent still stands for the next try.
      if (error.code === 'ACCESS_DENIED' && readId === null && consentAt !== null)
        services.chipConsent.giveBack(consentId, actor.id, consentAt)
      // Another card than the last QR's: its keys are dropped so the next try asks for this card's QR.
      if (error.code === 'ACCESS_DENIED' && readId === null && source && !identity)
        services.chipKeyHints.clear()
      emit({ type: 'error', error })
      return null
    } finally {
      session?.close()
      await sent
      this.reading = false
      services.devices.setReader(this.opts.manager.status())
      // Another card arrived while this read ran (e.g. the previous one was pulled): read the new one.
      if (this.present && this.insertion !== insertion) void this.tryRead(identity, can)
    }
  }
}
