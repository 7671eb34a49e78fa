// A BAC-protected ICAO 9303 eMRTD chip as a pure APDU processor: bytes in, bytes out.
// Transport (vpcd socket), delays and removal live in vpcd-card.ts.
import { randomBytes } from 'node:crypto'
import { type CommandApdu, berLength, parseCommand, parseFlatTlvs, sw } from './apdu'
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
}

interface SmSession extends BacKeys {
  ssc: Buffer
}

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

  constructor(private readonly opts: ChipOptions) {
    this.bacKeys = bacKeysFromMrzInfo(opts.mrzInfo)
    this.random = opts.random ?? randomBytes
  }

  /** Power cycle: everything volatile is lost. */
  reset(): void {
    this.appSelected = false
    this.selectedFid = null
    this.challenge = null
    this.sm = null
  }

  get authenticated(): boolean {
    return this.sm !== null
  }

  process(apdu: Uint8Array): Buffer {
    const cmd = parseCommand(apdu)
    if (!cmd) return sw(SW.WRONG_LENGTH)
    if (cmd.cla === 0xff) return this.pcscPseudoApdu(cmd)
    if ((cmd.cla & 0x0c) === 0x0c) return this.processSecure(cmd)
    if (cmd.cla !== 0x00) return sw(SW.CLA_NOT_SUPPORTED)
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
    const header = pad(Buffer.from([cmd.cla, cmd.ins, cmd.p1, cmd.p2]))
    const macInput = Buffer.concat([
      session.ssc,
      header,
      do87?.raw ?? Buffer.alloc(0),
      do97?.raw ?? Buffer.alloc(0)
    ])
    if (!retailMac(session.kMac, macInput).equals(do8e.value)) return this.abortSm()

    let data: Buffer = Buffer.alloc(0)
    if (do87) {
      if (do87.value[0] !== 0x01 || (do87.value.length - 1) % 8 !== 0) return this.abortSm()
      const plain = unpad(decrypt3des(session.kEnc, do87.value.subarray(1)))
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
    return this.wrapResponse(this.sm, reply)
  }

  private wrapResponse(session: SmSession, reply: Reply): Buffer {
    incrementSsc(session.ssc)
    const parts: Buffer[] = []
    if (reply.data && reply.data.length > 0) {
      const enc = Buffer.concat([Buffer.from([0x01]), encrypt3des(session.kEnc, pad(reply.data))])
      parts.push(Buffer.concat([Buffer.from([0x87]), berLength(enc.length), enc]))
    }
    parts.push(Buffer.concat([Buffer.from([0x99, 0x02]), sw(reply.sw)]))
    const mac = retailMac(session.kMac, Buffer.concat([session.ssc, ...parts]))
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
    if (this.opts.faults?.missingFiles?.includes(fid) || !this.opts.files.has(fid)) return SW.FILE_NOT_FOUND
    if (this.opts.deniedFiles?.includes(fid)) return SW.SECURITY_NOT_SATISFIED
    return SW.OK
  }

  private readBinary(cmd: CommandApdu, secure: boolean): Reply {
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
    const file = this.opts.files.get(this.selectedFid)!
    const le = cmd.le ?? 256
    const max = this.opts.faults?.maxReadLength
    if (max !== undefined && le > max) return { sw: SW.WRONG_LENGTH }
    if (offset >= file.length) return { sw: SW.WRONG_P1P2 }
    return { data: Buffer.from(file.subarray(offset, Math.min(file.length, offset + le))), sw: SW.OK }
  }

  private getChallenge(cmd: CommandApdu): Reply {
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
    this.sm = { ...sessionKeys(kIfd, kIc), ssc: initialSsc(rndIc, rndIfd) }
    return { data: Buffer.concat([eIc, mIc]), sw: SW.OK }
  }
}
