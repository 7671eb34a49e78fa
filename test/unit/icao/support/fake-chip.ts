/**
 * A minimal in-process BAC chip for unit tests of the reader side (the full virtual chip that
 * speaks vpcd lives in test/harness/). It implements the card side of ICAO 9303-11 from the
 * primitives whose outputs are pinned to the appendix D vectors, and has fault knobs.
 */
import { deriveBacKeys } from '../../../../protocol/icao/bac'
import { concat, equalBytes, xorBytes } from '../../../../protocol/icao/bytes'
import {
  padIso9797,
  retailMac,
  tdesDecrypt,
  tdesEncrypt,
  unpadIso9797
} from '../../../../protocol/icao/crypto/des'
import { deriveDesKey, KDF_ENC, KDF_MAC } from '../../../../protocol/icao/crypto/kdf'
import type { MrzInfo } from '../../../../protocol/icao/mrz'
import { decodeTlvList, encodeTlv } from '../../../../protocol/icao/tlv'

export type Fault = 'empty' | 'throw' | 'corrupt-mac' | 'lost-response'

export interface FakeChipOptions {
  mrz: MrzInfo
  /** Files by FID; SFI = low byte of the FID. */
  files: Map<number, Uint8Array>
  /** Largest plaintext Le the chip accepts; more gives 6700 (or 6Cxx with exactLengthHint). */
  maxLe?: number
  exactLengthHint?: boolean
  /** The chip answers errors in plain (no DO99/DO8E) and ends secure messaging. */
  plainErrors?: boolean
  /** Whether READ BINARY with a short EF identifier is supported. */
  sfi?: boolean
  /** Return at most this many bytes per READ BINARY, with 9000 (a chip that answers short). */
  truncateTo?: number
  /** The reader cannot carry extended-length APDUs: the transport fails on them. */
  noExtended?: boolean
  /** Faults by 1-based APDU number. */
  faults?: Map<number, Fault>
  /** Answer every APDU after this number with an empty response (card pulled). */
  removedAfter?: number
}

function inc(ssc: Uint8Array): void {
  for (let i = ssc.length - 1; i >= 0; i--) {
    ssc[i] = (ssc[i]! + 1) & 0xff
    if (ssc[i] !== 0) return
  }
}

const sw = (v: number) => Uint8Array.of(v >> 8, v & 0xff)

export class FakeChip {
  apdus = 0
  readonly log: string[] = []
  private keys
  private rndIc: Uint8Array | undefined
  private session: { ksEnc: Uint8Array; ksMac: Uint8Array; ssc: Uint8Array } | undefined
  private current: Uint8Array | undefined
  private counter = 1

  constructor(private readonly opts: FakeChipOptions) {
    this.keys = deriveBacKeys(opts.mrz)
  }

  present = async (): Promise<boolean> =>
    this.opts.removedAfter === undefined || this.apdus < this.opts.removedAfter

  transmit = async (apdu: Uint8Array): Promise<Uint8Array> => {
    this.apdus++
    if (this.opts.removedAfter !== undefined && this.apdus > this.opts.removedAfter) return new Uint8Array(0)
    const fault = this.opts.faults?.get(this.apdus)
    if (fault === 'throw') throw new Error('SCardTransmit failed: 0x80100016')
    if (fault === 'empty') return new Uint8Array(0)
    if (this.opts.noExtended && apdu.length > 7 && apdu[4] === 0) throw new Error('SCardTransmit: 0x80100008')
    const out = this.process(apdu, fault === 'corrupt-mac')
    if (fault === 'lost-response') return new Uint8Array(0)
    return out
  }

  private random(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i++) out[i] = (this.counter++ * 37) & 0xff
    return out
  }

  private process(apdu: Uint8Array, corrupt: boolean): Uint8Array {
    const [cla, ins, p1, p2] = apdu
    if (cla === 0x0c) return this.processSecure(apdu, corrupt)
    this.session = undefined // a plain command ends secure messaging
    const body = apdu.subarray(4)
    if (ins === 0xa4 && p1 === 0x04) {
      this.log.push('SELECT AID')
      return sw(0x9000)
    }
    if (ins === 0x84) {
      this.rndIc = this.random(8)
      this.log.push('GET CHALLENGE')
      return concat(this.rndIc, sw(0x9000))
    }
    if (ins === 0x82 && body[0] === 0x28 && this.rndIc) {
      this.log.push('EXTERNAL AUTHENTICATE')
      const data = body.subarray(1, 41)
      const eIfd = data.subarray(0, 32)
      if (!equalBytes(retailMac(this.keys.kMac, padIso9797(eIfd)), data.subarray(32))) return sw(0x6300)
      const s = tdesDecrypt(this.keys.kEnc, eIfd)
      if (!equalBytes(s.subarray(8, 16), this.rndIc)) return sw(0x6300)
      const rndIfd = s.subarray(0, 8)
      const kIc = this.random(16)
      const eIc = tdesEncrypt(this.keys.kEnc, concat(this.rndIc, rndIfd, kIc))
      const seed = xorBytes(s.subarray(16, 32), kIc)
      this.session = {
        ksEnc: deriveDesKey(seed, KDF_ENC),
        ksMac: deriveDesKey(seed, KDF_MAC),
        ssc: concat(this.rndIc.subarray(4), rndIfd.subarray(4))
      }
      return concat(eIc, retailMac(this.keys.kMac, padIso9797(eIc)), sw(0x9000))
    }
    void p2
    return sw(0x6982)
  }

  private processSecure(apdu: Uint8Array, corrupt: boolean): Uint8Array {
    const s = this.session
    if (!s) return sw(0x6982)
    const header = apdu.subarray(0, 4)
    const extended = apdu[4] === 0 && apdu.length > 7
    const lc = extended ? (apdu[5]! << 8) | apdu[6]! : apdu[4]!
    const body = apdu.subarray(extended ? 7 : 5, (extended ? 7 : 5) + lc)
    const objects = decodeTlvList(body)
    let macInput: Uint8Array = new Uint8Array(0)
    let data: Uint8Array = new Uint8Array(0)
    let le = 0
    let mac: Uint8Array | undefined
    let at = 0
    for (const o of objects) {
      const size = o.headerLength + o.value.length
      if (o.tag === 0x8e) mac = o.value
      else macInput = concat(macInput, body.subarray(at, at + size))
      if (o.tag === 0x87) data = new Uint8Array(o.value.subarray(1))
      if (o.tag === 0x97)
        le = o.value.length === 1 ? o.value[0]! || 256 : (o.value[0]! << 8) | o.value[1]! || 65536
      at += size
    }
    inc(s.ssc)
    const expect = retailMac(s.ksMac, padIso9797(concat(s.ssc, padIso9797(header), macInput)))
    if (!mac || !equalBytes(mac, expect)) {
      this.session = undefined
      return sw(0x6988)
    }
    const plain = data.length ? unpadIso9797(tdesDecrypt(s.ksEnc, data))! : data
    const [, ins, p1, p2] = header
    let result: { data?: Uint8Array; sw: number }
    if (ins === 0xa4) {
      const fid = (plain[0]! << 8) | plain[1]!
      this.log.push(`SELECT ${fid.toString(16)}`)
      const f = this.opts.files.get(fid)
      if (f) this.current = f
      result = f ? { sw: 0x9000 } : { sw: 0x6a82 }
    } else if (ins === 0xb0) {
      let offset = (p1! << 8) | p2!
      let file = this.current
      if (p1! & 0x80) {
        if (!this.opts.sfi) return this.error(s, 0x6a86)
        file = this.opts.files.get(0x0100 | (p1! & 0x1f))
        if (!file) return this.error(s, 0x6a82)
        this.current = file
        offset = p2!
      }
      this.log.push(`READ ${offset}+${le}`)
      if (!file) return this.error(s, 0x6986)
      if (le > (this.opts.maxLe ?? 65536)) {
        return this.error(s, this.opts.exactLengthHint ? 0x6c00 | ((this.opts.maxLe ?? 0) & 0xff) : 0x6700)
      }
      if (offset >= file.length) return this.error(s, 0x6b00)
      const slice = file.subarray(offset, offset + Math.min(le, this.opts.truncateTo ?? le))
      const short = slice.length < le && offset + slice.length >= file.length
      result = { data: slice, sw: short ? 0x6282 : 0x9000 }
    } else {
      return this.error(s, 0x6d00)
    }
    if (result.sw === 0x6a82 && this.opts.plainErrors) return this.error(s, 0x6a82)
    return this.respond(s, result.data, result.sw, corrupt)
  }

  private error(s: NonNullable<FakeChip['session']>, code: number): Uint8Array {
    if (this.opts.plainErrors) {
      this.session = undefined
      return sw(code)
    }
    return this.respond(s, undefined, code, false)
  }

  private respond(
    s: NonNullable<FakeChip['session']>,
    data: Uint8Array | undefined,
    status: number,
    corrupt: boolean
  ): Uint8Array {
    inc(s.ssc)
    const do87 = data?.length
      ? encodeTlv(0x87, concat(Uint8Array.of(1), tdesEncrypt(s.ksEnc, padIso9797(data))))
      : new Uint8Array(0)
    const do99 = encodeTlv(0x99, sw(status))
    const mac = retailMac(s.ksMac, padIso9797(concat(s.ssc, do87, do99)))
    if (corrupt) mac[0] = mac[0]! ^ 0x01
    return concat(do87, do99, encodeTlv(0x8e, mac), sw(status))
  }
}
