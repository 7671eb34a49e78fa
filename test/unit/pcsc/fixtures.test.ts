// Fixture cards are what every chip-reading test trusts: check them independently of the app's decoders.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { identitySchema } from '../../../contract/identity'
import { FID, allFixtureCards, fixtureCard } from '../../harness/fixtures'
import { buildTd1Mrz } from '../../harness/mrz'
import { verifySod } from '../../harness/sod'
import { mrzCheckDigit } from '../../harness/virtual-chip/sm-crypto'

interface Node {
  tag: number
  lengthBytes: number
  value: Buffer
  children?: Node[]
}

/** A deliberately naive BER reader for the test only (multi-byte tags, 81/82 lengths). */
function parse(buf: Buffer): Node[] {
  const out: Node[] = []
  let i = 0
  while (i < buf.length) {
    let tag = buf[i++]!
    const constructed = (tag & 0x20) !== 0
    if ((tag & 0x1f) === 0x1f) {
      do tag = tag * 256 + buf[i]!
      while (buf[i++]! & 0x80)
    }
    let len = buf[i++]!
    let lengthBytes = 1
    if (len & 0x80) {
      const n = len & 0x7f
      lengthBytes += n
      len = 0
      for (let k = 0; k < n; k++) len = len * 256 + buf[i++]!
    }
    const value = buf.subarray(i, i + len)
    if (value.length !== len) throw new Error('truncated')
    i += len
    out.push({ tag, lengthBytes, value, ...(constructed ? { children: parse(value) } : {}) })
  }
  return out
}

function dg13Fields(dg13: Buffer): Map<number, Node[]> {
  const [root] = parse(dg13)
  expect(root!.tag).toBe(0x6d)
  const [seq] = root!.children!
  const [version, oid, fieldSet] = seq!.children!
  expect(version!.value).toEqual(Buffer.from([1]))
  expect(oid!.value.toString('hex')).toBe('28d316010008')
  expect(fieldSet!.tag).toBe(0x31)
  const fields = new Map<number, Node[]>()
  for (const f of fieldSet!.children!) {
    const [n, ...rest] = f.children!
    fields.set(n!.value.readUIntBE(0, n!.value.length), rest)
  }
  return fields
}

const str = (n: Node | undefined) => n?.value.toString('utf8').normalize('NFC')

describe('fixture MRZ', () => {
  it('reproduces the check digits of a real CCCD MRZ (docs/cccd-card.md §4)', () => {
    const mrz = buildTd1Mrz({
      idNumber: '001093047064',
      fullName: 'Ứng Hoàng Hiệp',
      dateOfBirth: '1993-01-05',
      sex: 'male',
      expiryDate: '2033-01-05'
    })
    expect(mrz.lines).toEqual([
      'IDVNM0930470641001093047064<<2',
      '9301054M3301052VNM<<<<<<<<<<<8',
      'UNG<<HOANG<HIEP<<<<<<<<<<<<<<<'
    ])
    expect(mrz.mrzInfo).toBe('093047064' + '1' + '930105' + '4' + '330105' + '2')
    expect(mrz.can).toBe('047064')
  })
})

describe('fixture cards', () => {
  it('build fourteen cards whose expected identities satisfy the contract schema', async () => {
    const cards = await allFixtureCards()
    expect(cards).toHaveLength(14)
    for (const c of cards) expect(identitySchema.parse(c.identity)).toEqual(c.identity)
  })

  it('carry a signed SOD that verifies up to the test CSCA and hashes the signed data groups', async () => {
    for (const c of await allFixtureCards()) {
      const sod = c.files.get(FID.SOD)!
      // 'unknown-signer' is signed under a CSCA that is not the test CSCA, on purpose.
      expect(await verifySod(sod).catch(() => false)).toBe(c.name !== 'unknown-signer')
      const dg1Hash = createHash('sha256').update(c.files.get(FID.DG1)!).digest()
      const dg13Hash = createHash('sha256').update(c.signedDg13).digest()
      expect(sod.includes(dg1Hash)).toBe(true)
      expect(sod.includes(dg13Hash)).toBe(true)
      const servedDg13Hash = createHash('sha256').update(c.files.get(FID.DG13)!).digest()
      expect(sod.includes(servedDg13Hash)).toBe(c.name !== 'tampered-dg13')
    }
  })

  it('encode DG13 with the CCCD layout and the identity values', async () => {
    for (const c of await allFixtureCards()) {
      const f = dg13Fields(c.files.get(FID.DG13)!)
      const id = c.identity
      expect(str(f.get(1)![0])).toBe(id.idNumber)
      expect(f.get(1)![0]!.tag).toBe(0x13)
      expect(str(f.get(2)![0])).toBe(id.fullName)
      expect(f.get(2)![0]!.tag).toBe(0x0c)
      expect(str(f.get(4)![0])).toBe(id.sex === 'female' ? 'Nữ' : 'Nam')
      expect(str(f.get(9)![0])).toBe(id.placeOfResidence)
      expect(str(f.get(12)![0])).toBe(
        id.noExpiry ? 'Không thời hạn' : id.expiryDate!.split('-').reverse().join('/')
      )
      expect(str(f.get(15)?.[0]) ?? null).toBe(id.oldIdNumber)
      const leaves: string[] = []
      const walk = (nodes: Node[]) =>
        nodes.forEach((n) => (n.children ? walk(n.children) : leaves.push(str(n)!)))
      walk(f.get(13)!)
      expect(leaves).toEqual([id.fatherName, id.motherName])
    }
  })

  it('cover the edge cases the names promise', async () => {
    const long = await fixtureCard('long-address')
    const residence = dg13Fields(long.files.get(FID.DG13)!).get(9)![0]!
    expect(residence.value.length).toBeGreaterThan(127)
    expect(residence.lengthBytes).toBe(2) // 81 xx

    const diacritics = await fixtureCard('all-diacritics')
    const names = [
      diacritics.identity.fullName,
      diacritics.identity.fatherName,
      diacritics.identity.motherName,
      diacritics.identity.spouseName
    ].join(' ')
    const nfd = names.normalize('NFD')
    for (const mark of ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323', '\u0306', '\u0302', '\u031b'])
      expect(nfd).toContain(mark)
    expect(names).toContain('Đ')
    // Stored as NFD on the chip: the raw bytes differ from the NFC identity.
    const raw = dg13Fields(diacritics.files.get(FID.DG13)!).get(2)![0]!.value.toString('utf8')
    expect(raw).not.toBe(diacritics.identity.fullName)
    expect(raw.normalize('NFC')).toBe(diacritics.identity.fullName)

    expect(dg13Fields((await fixtureCard('no-old-id')).files.get(FID.DG13)!).has(15)).toBe(false)
    expect(dg13Fields((await fixtureCard('no-spouse')).files.get(FID.DG13)!).get(14)).toEqual([])
    expect(dg13Fields((await fixtureCard('card-2024')).files.get(FID.DG13)!).has(14)).toBe(false)

    const partial = await fixtureCard('partial-dob')
    expect(partial.identity.dateOfBirth).toBe('1950')
    expect(str(dg13Fields(partial.files.get(FID.DG13)!).get(3)![0])).toBe('1950')
    expect(partial.mrz.dateOfBirth).toBe('50<<<<')

    const noExpiry = await fixtureCard('no-expiry')
    expect(noExpiry.identity.noExpiry).toBe(true)
    expect(noExpiry.mrz.dateOfExpiry).toBe('991231')
  })

  it('put a ~15 KB JPEG face inside the DG2 biometric template', async () => {
    const c = await fixtureCard('card-2021')
    const dg2 = c.files.get(FID.DG2)!
    const [root] = parse(dg2)
    expect(root!.tag).toBe(0x75)
    const bit = root!.children![0]!
    expect(bit.tag).toBe(0x7f61)
    const bio = bit.children!.find((n) => n.tag === 0x7f60)!
    const record = bio.children!.find((n) => n.tag === 0x5f2e)!.value
    expect(record.subarray(0, 4).toString('latin1')).toBe('FAC\0')
    const jpeg = record.subarray(14 + 20 + 12)
    expect(jpeg.equals(c.face)).toBe(true)
    expect(jpeg.subarray(0, 4)).toEqual(Buffer.from('FFD8FFE0', 'hex'))
    expect(jpeg.subarray(-2)).toEqual(Buffer.from('FFD9', 'hex'))
    expect(dg2.length).toBeGreaterThan(14_000)
    expect(dg2.length).toBeLessThan(16_000)
  })

  it('use valid DG1 MRZs for every card', async () => {
    for (const c of await allFixtureCards()) {
      const [l1, l2] = c.mrz.lines
      expect(mrzCheckDigit(l1.slice(5, 14))).toBe(l1[14])
      expect(l1.slice(15, 27)).toBe(c.identity.idNumber)
      expect(mrzCheckDigit(l2.slice(0, 6))).toBe(l2[6])
      expect(mrzCheckDigit(l2.slice(8, 14))).toBe(l2[14])
      expect(c.files.get(FID.DG1)!.subarray(5).toString('ascii')).toBe(c.mrz.lines.join(''))
      expect(c.mrz.can).toBe(c.identity.idNumber!.slice(6))
    }
  })
})
