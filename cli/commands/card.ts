import { parseArgs } from 'node:util'
import { AppError } from '../../contract/errors'
import { formatMessage } from '../../contract/messages'
import { ReaderManager } from '../../devices/pcsc'
import { smartcardBackend } from '../../devices/pcsc/smartcard-backend'
import { readCccd } from '../../core/card/read-cccd'
import { chipKeysFromArgs } from '../../core/card/chip-keys-from-input'
import { recordIdentityRead } from '../../core/reading/identity-reads'
import { writePrivateFile } from '../../core/config/private-file'
import { noteDocumentSigner, trustedCscas } from '../../core/card/trust-store'
import { EXTENDED_RECV } from '../../core/card/reader-limits'
import type { Command } from '../context'

/** reception readers: the PC/SC readers and whether a card lies on each (honours PCSCLITE_CSOCK_NAME). */
export const readers: Command = (ctx) => {
  const pcsc = smartcardBackend()
  let context
  try {
    context = pcsc.establish()
  } catch (e) {
    throw AppError.of('NO_SERVICE', 'error.NO_SERVICE.cli').withDetail(
      `PC/SC service unavailable: ${e instanceof Error ? e.message : String(e)}`
    )
  }
  try {
    const list = context.readers().map((r) => ({
      name: r.name,
      cardPresent: (r.state & 0x20) !== 0,
      atr: r.atr ? Buffer.from(r.atr).toString('hex').toUpperCase() : null
    }))
    ctx.out.result({ readers: list }, (v: { readers: typeof list }) =>
      v.readers.length === 0
        ? 'Chưa thấy đầu đọc thẻ.'
        : v.readers.map((r) => `${r.name}${r.cardPresent ? '  [có thẻ]' : ''}`).join('\n')
    )
  } finally {
    context.close()
  }
}

/** reception read: reads the card on a reader (DG13, DG1, SOD, DG2) and prints identity, verification, timings. */
export const read: Command = async (ctx, args) => {
  const { values } = parseArgs({
    args,
    options: {
      reader: { type: 'string' },
      qr: { type: 'string' },
      id: { type: 'string' },
      dob: { type: 'string' },
      expiry: { type: 'string' },
      can: { type: 'string' },
      'mrz-info': { type: 'string' },
      'photo-out': { type: 'string' },
      'no-photo': { type: 'boolean' },
      json: { type: 'boolean' }
    }
  })
  const services = ctx.services()
  const keys = chipKeysFromArgs({
    qr: values.qr,
    id: values.id,
    dob: values.dob,
    expiry: values.expiry,
    can: values.can,
    mrzInfo: values['mrz-info'],
    today: services.clock().toISOString().slice(0, 10)
  })
  const manager = new ReaderManager(smartcardBackend())
  const probe = smartcardBackend()
  let readerName: string | undefined
  if (values.reader) {
    const ctxPcsc = probe.establish()
    try {
      readerName = ctxPcsc
        .readers()
        .find((r) => r.name.toLowerCase().includes(values.reader!.toLowerCase()))?.name
    } finally {
      ctxPcsc.close()
    }
    if (!readerName) throw AppError.of('NO_READER', 'error.NO_READER.named', { reader: values.reader })
  }
  // Room for an extended-length answer (a whole data group in one READ BINARY).
  const session = await manager.connect({
    ...(readerName ? { reader: readerName } : {}),
    maxRecvLength: EXTENDED_RECV
  })
  try {
    const result = await readCccd((apdu) => session.transmit(apdu), keys, {
      includePhoto: !values['no-photo'],
      cscaCertificates: trustedCscas(services.db),
      // A one-shot command: extended length first, short APDUs if the reader or chip refuses it.
      session: { extendedLength: true, maxChunk: 0xffff, cardPresent: () => session.cardPresent() }
    })
    const at = services.clock().toISOString()
    const newSignerIssuer = noteDocumentSigner(
      services.db,
      {
        der: result.chip.signerCertificate,
        subject: result.chip.passiveAuthentication.signerSubject,
        issuer: result.chip.signerIssuer
      },
      at
    )
    const verification = { ...result.chip.passiveAuthentication, newSignerIssuer }
    recordIdentityRead(services.db, at, services.actor, {
      identity: result.identity,
      readerName: session.readerName,
      verification
    })
    if (values['photo-out'] && result.photo) writePrivateFile(values['photo-out'], result.photo.bytes)
    const output = {
      identity: result.identity,
      chip: {
        accessControl: result.chip.accessControl,
        protocol: result.chip.protocol,
        dataGroups: result.chip.dataGroups,
        trust: result.chip.trust,
        trustMessage: formatMessage('vi', `chip.trust.${result.chip.trust}`),
        newSignerIssuer,
        passiveAuthentication: result.chip.passiveAuthentication,
        activeAuthentication: result.chip.activeAuthentication,
        chipAuthentication: result.chip.chipAuthentication
      },
      photo: result.photo ? { mime: result.photo.mime, bytes: result.photo.bytes.length } : null,
      timings: result.timings,
      apdus: result.apdus
    }
    const failedCheck =
      result.chip.activeAuthentication.status === 'invalid'
        ? 'Active Authentication'
        : result.chip.chipAuthentication.status === 'invalid'
          ? 'Chip Authentication'
          : null
    if (failedCheck)
      throw AppError.of(
        'CLONE_SUSPECTED',
        'chip.cloneSuspected',
        { check: failedCheck },
        { chip: output.chip }
      )
    if (result.chip.passiveAuthentication.status === 'invalid') {
      throw AppError.of('PASSIVE_AUTH_FAILED', undefined, undefined, { chip: output.chip })
    }
    ctx.out.result(output, (o: typeof output) =>
      [
        `${o.identity.fullName} · ${o.identity.idNumber ?? ''} · ${o.identity.dateOfBirth ?? ''}`,
        o.chip.trustMessage,
        `Mở chip: ${o.chip.protocol} · chống sao chép (AA): ${o.chip.activeAuthentication.status}`,
        `${o.apdus} APDU · ${Math.round(o.timings.identityMs)} ms đến thông tin · ${Math.round(o.timings.totalMs)} ms tổng`
      ].join('\n')
    )
  } finally {
    session.close()
  }
}
