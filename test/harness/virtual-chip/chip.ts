// A BAC-protected ICAO 9303 eMRTD chip as a pure APDU processor: bytes in, bytes out.
// Transport (vpcd socket), delays and removal live in vpcd-card.ts.
import { createHash, randomBytes } from 'node:crypto'
import { type CommandApdu, berLength, parseCommand, parseFlatTlvs, sw } from './apdu'
import {
  activeAuthenticationSignature,
  caSharedSecret,
  kdf,
  aesBlock,
  aesCbc,
  CardPace,
  type CardPaceConfig,
  cmac8,
  oidContent,
  pad16
} from './card-crypto'
import {
  type BacKeys,
  bacKeysFromMrzInfo,
  decrypt3des,
  encrypt3des,
  incrementSsc,
  initialSsc,
  pad,
  retailMac,
  sessionKeys,
  unpad
} from './sm-crypto'

export const EMRTD_AID = Buffer.from('A0000002471001', 'hex')

export const SW = {
  OK: 0x9000,
  BAC_FAILED: 0x6300,
  WRONG_LENGTH: 0x6700,
  SECURITY_NOT_SATISFIED: 0x6982,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  SM_DATA_INVALID: 0x6988,
  FILE_NOT_FOUND: 0x6a82,
  WRONG_P1P2: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00
} as const

export interface ChipFaults {
  /** Largest plaintext Le a READ BINARY may ask for (a reader limit, e.g. 223 for ACR122U). Larger → SW 6700. */
  maxReadLength?: number
  /** Flip a bit in every response MAC (the reader must reject the response). */
  corruptMac?: boolean
  /** FIDs that answer 6A82 although the fixture holds them. */
  missingFiles?: number[]
}

export interface ChipOptions {
  /** Elementary files of the eMRTD application, keyed by FID (e.g. 0x0101 for DG1). */
  files: Map<number, Uint8Array>
  /** MRZ information used for BAC: doc number + cd + DOB + cd + expiry + cd (24 characters for TD1/TD3). */
  mrzInfo: string
  /** UID returned for the PC/SC pseudo-APDU FF CA 00 00 00. */
  uid?: Uint8Array
  /** FIDs that exist but stay denied after BAC (DG3 needs EAC). */
  deniedFiles?: number[]
  faults?: ChipFaults
  /** Random source; tests inject fixed values to replay ICAO 9303-11 appendix D. */
  random?: (n: number) => Buffer
  /** PACE offered in EF.CardAccess (built from this unless the files hold one), with the CAN as password. */
  pace?: CardPaceConfig & { can: string }
  /** A PACE-only chip: GET CHALLENGE / EXTERNAL AUTHENTICATE are refused. */
  bacRefused?: boolean
  /** PKCS#8 DER of the Active Authentication private key (DG15 holds the public key). */
  aaPrivateKey?: Uint8Array
  /** Chip Authentication: PKCS#8 DER of the static EC key (DG14 holds the public key) and the CA protocol OID. */
  chipAuthentication?: { privateKey: Uint8Array; protocol: string }
}

interface SmSession extends BacKeys {
  ssc: Buffer
  cipher: '3des' | 'aes'
}

const CARD_ACCESS_FID = 0x011c

interface Reply {
  data?: Buffer
  sw: number
}

/** Contactless ATR without historical bytes (PC/SC part 3: 3B 80 80 01 01). */
export const DEFAULT_ATR = Buffer.from('3B80800101', 'hex')

export class EmrtdChip {
  readonly atr = DEFAULT_ATR
  private readonly bacKeys: BacKeys
  private readonly random: (n: number) => Buffer
  private appSelected = false
  private selectedFid: number | null = null
  private challenge: Buffer | null = null
  private sm: SmSession | null = null
  private pace: CardPace | null = null
  private readonly files: Map<number, Uint8Array>

  constructor(private readonly opts: ChipOptions) {
    this.bacKeys = bacKeysFromMrzInfo(opts.mrzInfo)
    this.random = opts.random ?? randomBytes
    this.files = new Map(opts.files)
    if (opts.pace && !this.files.has(CARD_ACCESS_FID))
      this.files.set(CARD_ACCESS_FID, cardAccessFor(opts.pace))
  }

  /** Power cycle: everything volatile is lost. */
  reset(): void {
    this.appSelected = false
    this.selectedFid = null
    this.challenge = null
    this.sm = null
    this.pace = null
  }

  get authenticated(): boolean {
    return this.sm !== null
  }

  process(apdu: Uint8Array): Buffer {
    const cmd = parseCommand(apdu)
    if (!cmd) return sw(SW.WRONG_LENGTH)
    if (cmd.cla === 0xff) return this.pcscPseudoApdu(cmd)
    if ((cmd.cla & 0x0c) === 0x0c) return this.processSecure(cmd)
    if (cmd.cla !== 0x00 && cmd.cla !== 0x10) return sw(SW.CLA_NOT_SUPPORTED)
    // A plain APDU during secure messaging ends the session (ICAO 9303-11 §9.8.4).
    this.sm = null
    const reply = this.execute(cmd, false)
    return reply.data ? Buffer.concat([reply.data, sw(reply.sw)]) : sw(reply.sw)
  }

  private pcscPseudoApdu(cmd: CommandApdu): Buffer {
    if (cmd.ins === 0xca && cmd.p1 === 0x00) {
      const uid = Buffer.from(this.opts.uid ?? Buffer.from('08A1B2C3', 'hex'))
      return Buffer.concat([uid, sw(SW.OK)])
    }
    return sw(SW.INS_NOT_SUPPORTED)
  }

  private processSecure(cmd: CommandApdu): Buffer {
    const session = this.sm
    if (!session) return sw(SW.SM_DATA_INVALID)
    const dos = parseFlatTlvs(cmd.data)
    const do8e = dos?.find((d) => d.tag === 0x8e)
    if (!dos || !do8e || do8e.value.length !== 8) return this.abortSm()
    const do87 = dos.find((d) => d.tag === 0x87)
    const do97 = dos.find((d) => d.tag === 0x97)

    incrementSsc(session.ssc)
    const headerBytes = Buffer.from([cmd.cla, cmd.ins, cmd.p1, cmd.p2])
    const header = session.cipher === 'aes' ? pad16(headerBytes) : pad(headerBytes)
    const macInput = Buffer.concat([
      session.ssc,
      header,
      do87?.raw ?? Buffer.alloc(0),
      do97?.raw ?? Buffer.alloc(0)
    ])
    if (!smMac(session, macInput).equals(do8e.value)) return this.abortSm()

    let data: Buffer = Buffer.alloc(0)
    if (do87) {
      const block = session.cipher === 'aes' ? 16 : 8
      if (do87.value[0] !== 0x01 || (do87.value.length - 1) % block !== 0) return this.abortSm()
      const plain = unpad(smDecrypt(session, do87.value.subarray(1)), block)
      if (!plain) return this.abortSm()
      data = plain
    }
    let le: number | null = null
    if (do97) {
      if (do97.value.length === 1) le = do97.value[0] === 0 ? 256 : do97.value[0]!
      else if (do97.value.length === 2) le = do97.value.readUInt16BE(0) || 65536
      else return this.abortSm()
    }
    const inner: CommandApdu = { cla: 0x00, ins: cmd.ins, p1: cmd.p1, p2: cmd.p2, data, le }
    const reply = this.execute(inner, true)
    // The inner command may have ended the session (e.g. a new BAC); then answer plainly.
    if (!this.sm) return reply.data ? Buffer.concat([reply.data, sw(reply.sw)]) : sw(reply.sw)
    const wrapped = this.wrapResponse(this.sm, reply)
    // Chip Authentication: its answer goes under the old keys, everything after under the new ones.
    if (this.nextSm) {
      this.sm = this.nextSm
      this.nextSm = null
    }
    return wrapped
  }

  private wrapResponse(session: SmSession, reply: Reply): Buffer {
    incrementSsc(session.ssc)
    const parts: Buffer[] = []
    if (reply.data && reply.data.length > 0) {
      const enc = Buffer.concat([Buffer.from([0x01]), smEncrypt(session, reply.data)])
      parts.push(Buffer.concat([Buffer.from([0x87]), berLength(enc.length), enc]))
    }
    parts.push(Buffer.concat([Buffer.from([0x99, 0x02]), sw(reply.sw)]))
    const mac = smMac(session, Buffer.concat([session.ssc, ...parts]))
    if (this.opts.faults?.corruptMac) mac[0] = mac[0]! ^ 0x01
    return Buffer.concat([...parts, Buffer.from([0x8e, 0x08]), mac, sw(reply.sw)])
  }

  private abortSm(): Buffer {
    this.sm = null
    return sw(SW.SM_DATA_INVALID)
  }

  private execute(cmd: CommandApdu, secure: boolean): Reply {
    switch (cmd.ins) {
      case 0xa4:
        return this.select(cmd, secure)
      case 0xb0:
        return this.readBinary(cmd, secure)
      case 0x84:
        return this.getChallenge(cmd)
      case 0x82:
        return this.externalAuthenticate(cmd, secure)
      case 0x22:
        return this.manageSecurityEnvironment(cmd, secure)
      case 0x86:
        return this.generalAuthenticate(cmd, secure)
      case 0x88:
        return this.internalAuthenticate(cmd, secure)
      default:
        return { sw: SW.INS_NOT_SUPPORTED }
    }
  }

  private select(cmd: CommandApdu, secure: boolean): Reply {
    if (cmd.p1 === 0x04) {
      if (!cmd.data.equals(EMRTD_AID)) return { sw: SW.FILE_NOT_FOUND }
      this.appSelected = true
      this.selectedFid = null
      return { sw: SW.OK }
    }
    if ((cmd.p1 === 0x02 || cmd.p1 === 0x00) && cmd.data.length === 2) {
      // EF.CardAccess is in the master file, selectable by FID without secure messaging (ICAO 9303-10).
      if (cmd.data.readUInt16BE(0) === CARD_ACCESS_FID && !this.appSelected) {
        if (!this.files.has(CARD_ACCESS_FID)) return { sw: SW.FILE_NOT_FOUND }
        this.selectedFid = CARD_ACCESS_FID
        return { sw: SW.OK }
      }
      if (!this.appSelected) return { sw: SW.FILE_NOT_FOUND }
      if (!secure) return { sw: SW.SECURITY_NOT_SATISFIED }
      const fid = cmd.data.readUInt16BE(0)
      const check = this.fileAccess(fid)
      if (check !== SW.OK) return { sw: check }
      this.selectedFid = fid
      return { sw: SW.OK }
    }
    return { sw: SW.WRONG_P1P2 }
  }

  private fileAccess(fid: number): number {
    if (this.opts.faults?.missingFiles?.includes(fid) || !this.files.has(fid)) return SW.FILE_NOT_FOUND
    if (this.opts.deniedFiles?.includes(fid)) return SW.SECURITY_NOT_SATISFIED
    return SW.OK
  }

  private readBinary(cmd: CommandApdu, secure: boolean): Reply {
    // EF.CardAccess lives in the master file and is readable without secure messaging; by its short EF
    // identifier it is found whichever application is selected (a reader may connect to a card left selected).
    const cardAccess =
      ((cmd.p1 & 0x80) !== 0 && (cmd.p1 & 0x1f) === 0x1c) ||
      ((cmd.p1 & 0x80) === 0 && this.selectedFid === CARD_ACCESS_FID)
    if (cardAccess && !secure) {
      const file = this.files.get(CARD_ACCESS_FID)
      if (!file) return { sw: SW.FILE_NOT_FOUND }
      this.selectedFid = CARD_ACCESS_FID
      const offset = cmd.p1 & 0x80 ? cmd.p2 : ((cmd.p1 & 0x7f) << 8) | cmd.p2
      if (offset >= file.length) return { sw: SW.WRONG_P1P2 }
      const le = cmd.le ?? 256
      return { data: Buffer.from(file.subarray(offset, offset + le)), sw: SW.OK }
    }
    if (!this.appSelected) return { sw: SW.CONDITIONS_NOT_SATISFIED }
    if (!secure) return { sw: SW.SECURITY_NOT_SATISFIED }
    let offset: number
    if (cmd.p1 & 0x80) {
      // Short EF identifier: CCCD/eMRTD FIDs are 01xx with SFI xx.
      const fid = 0x0100 | (cmd.p1 & 0x1f)
      const check = this.fileAccess(fid)
      if (check !== SW.OK) return { sw: check }
      this.selectedFid = fid
      offset = cmd.p2
    } else {
      offset = ((cmd.p1 & 0x7f) << 8) | cmd.p2
    }
    if (this.selectedFid === null) return { sw: SW.NO_CURRENT_EF }
    const file = this.files.get(this.selectedFid)!
    const le = cmd.le ?? 256
    const max = this.opts.faults?.maxReadLength
    if (max !== undefined && le > max) return { sw: SW.WRONG_LENGTH }
    if (offset >= file.length) return { sw: SW.WRONG_P1P2 }
    return { data: Buffer.from(file.subarray(offset, Math.min(file.length, offset + le))), sw: SW.OK }
  }

  private getChallenge(cmd: CommandApdu): Reply {
    if (this.opts.bacRefused) return { sw: SW.CONDITIONS_NOT_SATISFIED }
    if (cmd.le !== 8) return { sw: SW.WRONG_LENGTH }
    this.challenge = this.random(8)
    return { data: Buffer.from(this.challenge), sw: SW.OK }
  }

  private externalAuthenticate(cmd: CommandApdu, secure: boolean): Reply {
    const rndIc = this.challenge
    this.challenge = null
    if (secure || !rndIc) return { sw: SW.CONDITIONS_NOT_SATISFIED }
    if (cmd.data.length !== 40) return { sw: SW.WRONG_LENGTH }
    const eIfd = cmd.data.subarray(0, 32)
    const mIfd = cmd.data.subarray(32, 40)
    const { kEnc, kMac } = this.bacKeys
    if (!retailMac(kMac, eIfd).equals(mIfd)) return { sw: SW.BAC_FAILED }
    const s = decrypt3des(kEnc, eIfd)
    const rndIfd = s.subarray(0, 8)
    if (!s.subarray(8, 16).equals(rndIc)) return { sw: SW.BAC_FAILED }
    const kIfd = s.subarray(16, 32)
    const kIc = this.random(16)
    const eIc = encrypt3des(kEnc, Buffer.concat([rndIc, rndIfd, kIc]))
    const mIc = retailMac(kMac, eIc)
    this.sm = { ...sessionKeys(kIfd, kIc), ssc: initialSsc(rndIc, rndIfd), cipher: '3des' }
    return { data: Buffer.concat([eIc, mIc]), sw: SW.OK }
  }

  private nextSm: SmSession | null = null
  private caSelected = false

  /** MSE:Set AT for PACE (P1P2 C1A4): 80 protocol OID, 83 password reference (01 MRZ, 02 CAN). */
  private manageSecurityEnvironment(cmd: CommandApdu, secure: boolean): Reply {
    if (secure && cmd.p1 === 0x41 && cmd.p2 === 0xa4) return this.selectChipAuthentication(cmd)
    const config = this.opts.pace
    if (!config || secure || cmd.p1 !== 0xc1 || cmd.p2 !== 0xa4) return { sw: SW.INS_NOT_SUPPORTED }
    const dos = parseFlatTlvs(cmd.data)
    const protocol = dos?.find((d) => d.tag === 0x80)?.value
    const ref = dos?.find((d) => d.tag === 0x83)?.value
    if (!protocol || !ref || ref.length !== 1) return { sw: 0x6a80 }
    if (!protocol.equals(oidContent(config.protocol))) return { sw: 0x6a80 }
    let key: Buffer
    if (ref[0] === 0x02) key = Buffer.from(config.can, 'ascii')
    else if (ref[0] === 0x01) key = createHash('sha1').update(this.opts.mrzInfo, 'ascii').digest()
    else return { sw: 0x6a88 }
    this.sm = null
    this.appSelected = false
    this.pace = new CardPace(config, key, this.random)
    return { sw: SW.OK }
  }

  /** MSE:Set AT for Chip Authentication (P1P2 41A4) under secure messaging: 80 protocol OID. */
  private selectChipAuthentication(cmd: CommandApdu): Reply {
    const ca = this.opts.chipAuthentication
    if (!ca) return { sw: 0x6a80 }
    const protocol = parseFlatTlvs(cmd.data)?.find((d) => d.tag === 0x80)?.value
    if (!protocol || !protocol.equals(oidContent(ca.protocol))) return { sw: 0x6a80 }
    this.caSelected = true
    return { sw: SW.OK }
  }

  /** Chip Authentication's GENERAL AUTHENTICATE: K = x(SK_IC · PK_IFD); new AES keys after this answer. */
  private chipAuthenticate(cmd: CommandApdu): Reply {
    const ca = this.opts.chipAuthentication
    this.caSelected = false
    if (!ca || cmd.data[0] !== 0x7c) return { sw: 0x6a80 }
    const item = (parseFlatTlvs(cmd.data.subarray(2)) ?? []).find((d) => d.tag === 0x80)
    if (!item) return { sw: 0x6a80 }
    const k = caSharedSecret(ca.privateKey, item.value)
    if (!k) return { sw: 0x6a80 }
    const keyBytes = ca.protocol.endsWith('.2') ? 16 : ca.protocol.endsWith('.3') ? 24 : 32
    this.nextSm = {
      kEnc: kdf(k, 1, keyBytes),
      kMac: kdf(k, 2, keyBytes),
      ssc: Buffer.alloc(16),
      cipher: 'aes'
    }
    return { data: Buffer.from([0x7c, 0x00]), sw: SW.OK }
  }

  /** The four GENERAL AUTHENTICATE steps of PACE; a wrong token ends the run with 6300. */
  private generalAuthenticate(cmd: CommandApdu, secure: boolean): Reply {
    if (secure && this.caSelected) return this.chipAuthenticate(cmd)
    const pace = this.pace
    if (!pace || secure) return { sw: SW.CONDITIONS_NOT_SATISFIED }
    if (cmd.data[0] !== 0x7c) return { sw: 0x6a80 }
    const inner = parseFlatTlvs(cmd.data.subarray(2)) ?? []
    const answer = (tag: number, value: Buffer): Reply => ({ data: wrap7c(tag, value), sw: SW.OK })
    if (inner.length === 0) return answer(0x80, pace.encryptedNonce())
    const item = inner[0]!
    if (item.tag === 0x81) {
      const pk = pace.map(item.value)
      return pk ? answer(0x82, pk) : this.paceFailed(0x6a80)
    }
    if (item.tag === 0x83) {
      const pk = pace.agree(item.value)
      return pk ? answer(0x84, pk) : this.paceFailed(0x6a80)
    }
    if (item.tag === 0x85 && (cmd.cla & 0x10) === 0) {
      const tIc = pace.authenticate(item.value)
      if (!tIc) return this.paceFailed(0x6300)
      const keys = pace.keys!
      this.pace = null
      // The answer to this step is plain; secure messaging starts with the next command.
      this.sm = { kEnc: keys.kEnc, kMac: keys.kMac, ssc: Buffer.alloc(16), cipher: 'aes' }
      return answer(0x86, tIc)
    }
    return this.paceFailed(0x6a80)
  }

  private paceFailed(code: number): Reply {
    this.pace = null
    return { sw: code }
  }

  /** Active Authentication: signs the 8-byte challenge with the chip's private key. */
  private internalAuthenticate(cmd: CommandApdu, secure: boolean): Reply {
    if (!secure) return { sw: SW.SECURITY_NOT_SATISFIED }
    if (!this.opts.aaPrivateKey) return { sw: SW.INS_NOT_SUPPORTED }
    if (cmd.data.length !== 8) return { sw: 0x6a80 }
    return { data: activeAuthenticationSignature(this.opts.aaPrivateKey, cmd.data, this.random), sw: SW.OK }
  }
}

function wrap7c(tag: number, value: Buffer): Buffer {
  const inner = Buffer.concat([Buffer.from([tag]), berLength(value.length), value])
  return Buffer.concat([Buffer.from([0x7c]), berLength(inner.length), inner])
}

/** EF.CardAccess offering one PACEInfo: SET { SEQUENCE { OID, INTEGER 2, INTEGER parameterId } }. */
export function cardAccessFor(config: CardPaceConfig): Buffer {
  const oid = oidContent(config.protocol)
  const seq = Buffer.concat([
    Buffer.from([0x06, oid.length]),
    oid,
    Buffer.from([0x02, 0x01, 0x02, 0x02, 0x01, config.parameterId])
  ])
  const item = Buffer.concat([Buffer.from([0x30, seq.length]), seq])
  return Buffer.concat([Buffer.from([0x31, item.length]), item])
}

function smMac(session: SmSession, data: Buffer): Buffer {
  return session.cipher === 'aes' ? cmac8(session.kMac, pad16(data)) : retailMac(session.kMac, data)
}

function smEncrypt(session: SmSession, data: Buffer): Buffer {
  if (session.cipher === '3des') return encrypt3des(session.kEnc, pad(data))
  return aesCbc('encrypt', session.kEnc, aesBlock(session.kEnc, session.ssc), pad16(data))
}

function smDecrypt(session: SmSession, data: Buffer): Buffer {
  if (session.cipher === '3des') return decrypt3des(session.kEnc, data)
  return aesCbc('decrypt', session.kEnc, aesBlock(session.kEnc, session.ssc), data)
}
