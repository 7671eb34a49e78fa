// Fixture CCCD cards, generated in code at test time: EF.COM, DG1, DG2, DG3 (denied), DG13 and a
// signed EF.SOD. Each card carries the Identity a correct reader must decode and its BAC/CAN inputs.
import { createHash, generateKeyPairSync } from 'node:crypto'
import type { Identity } from '../../contract/identity'
import { integer, oid, printableString, sequence, set, tlv } from './ber'
import { faceJpeg } from './jpeg'
import { type CardMrz, buildTd1Mrz } from './mrz'
import { buildSod, type PkiKind } from './sod'
import type { ChipFaults, ChipOptions } from './virtual-chip/chip'

export const FID = {
  COM: 0x011e,
  SOD: 0x011d,
  DG1: 0x0101,
  DG2: 0x0102,
  DG3: 0x0103,
  DG13: 0x010d
} as const

export const fixtureNames = [
  'card-2021',
  'card-2024',
  'long-address',
  'all-diacritics',
  'no-old-id',
  'no-spouse',
  'partial-dob',
  'no-expiry',
  'tampered-dg13',
  'pace-only',
  'aa-genuine',
  'aa-clone',
  'aa-ecdsa',
  'unknown-signer'
] as const
export type FixtureName = (typeof fixtureNames)[number]
/** Cards that open with BAC (every one but the PACE-only chip). */
export const bacFixtureNames = fixtureNames.filter((n) => n !== 'pace-only')

export interface FixtureCard {
  name: FixtureName
  description: string
  /** What a correct reader decodes (DG13 + DG1), in the contract Identity shape. */
  identity: Identity
  mrz: CardMrz
  /** Raw files by FID, exactly as the chip serves them. */
  files: Map<number, Buffer>
  /** The JPEG inside DG2. */
  face: Buffer
  /** DG13 bytes that were hashed into the SOD (differs from files' DG13 only for 'tampered-dg13'). */
  signedDg13: Buffer
  /** Options for new EmrtdChip(...), with optional fault knobs. */
  chipOptions(faults?: ChipFaults): ChipOptions
}

/** How DG13 writes optional structures; real cards show more than one layout (docs/cccd-card.md §5.2). */
interface Dg13Style {
  /** 'separate': SEQ{13, SEQ{father}, SEQ{mother}} (appota dumps); 'combined': SEQ{13, SEQ{father, mother}}. */
  parents: 'separate' | 'combined'
  /** When there is no spouse: an empty field 14 (30 03 02 01 0E) or no field 14 at all. */
  noSpouse: 'empty' | 'absent'
  /** Unicode form of the UTF-8 strings on the chip. */
  form: 'NFC' | 'NFD'
  /** Field 16 (unknown 16-char serial). */
  field16?: string
  /** Text of field 12 when the card has no expiry. */
  noExpiryText?: string
}

interface Spec {
  name: FixtureName
  description: string
  identity: Omit<Identity, 'source'> & { idNumber: string; dateOfBirth: string; issueDate: string }
  style: Dg13Style
  tone: number
  /** DG13 is re-encoded with this residence after the SOD was signed over the original. */
  tamperedResidence?: string
  /** Chip features beyond BAC (ADR 0018). */
  chip?: {
    /** Offer PACE-ECDH-GM-AES-128 on brainpoolP256r1 with the CAN (last 6 digits of the ID). */
    pace?: boolean
    bacRefused?: boolean
    /** Active Authentication key in DG15; 'clone' serves the genuine card's DG15 and SOD with another key. */
    aa?: 'rsa' | 'ecdsa' | 'clone'
    /** Which test PKI signs EF.SOD. */
    signer?: PkiKind
    /** Chip Authentication key in DG14 (brainpoolP256r1); 'clone' serves the genuine DG14 with another key. */
    ca?: 'genuine' | 'clone'
  }
}

const PACE_ECDH_GM_AES_128 = '0.4.0.127.0.7.2.2.4.2.2'
const ECDSA_PLAIN_SHA256 = '0.4.0.127.0.7.1.1.4.1.3'

const aaKeys = new Map<string, { spki: Buffer; pkcs8: Buffer }>()
const CA_ECDH_AES_128 = '0.4.0.127.0.7.2.2.3.2.2'
const PK_ECDH = '0.4.0.127.0.7.2.2.1.2'

/** One key pair per role and process: AA 'rsa' (genuine), 'rsa-clone' (what a cloner has), 'ecdsa'; CA keys. */
function aaKey(role: 'rsa' | 'rsa-clone' | 'ecdsa' | 'ca' | 'ca-clone'): { spki: Buffer; pkcs8: Buffer } {
  let k = aaKeys.get(role)
  if (!k) {
    const pair =
      role === 'ecdsa' || role === 'ca' || role === 'ca-clone'
        ? generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' })
        : generateKeyPairSync('rsa', { modulusLength: 1024, publicExponent: 65537 })
    k = {
      spki: pair.publicKey.export({ format: 'der', type: 'spki' }),
      pkcs8: pair.privateKey.export({ format: 'der', type: 'pkcs8' })
    }
    aaKeys.set(role, k)
  }
  return k
}

const base2021: Omit<Identity, 'source'> & { idNumber: string; dateOfBirth: string; issueDate: string } = {
  idNumber: '022090001234',
  oldIdNumber: '100123456',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-03-14',
  sex: 'male',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Yên Thọ, Đông Triều, Quảng Ninh',
  placeOfResidence: 'Số 12, Tổ 3, Khu 5, Hồng Hà, Hạ Long, Quảng Ninh',
  identifyingFeatures: 'Nốt ruồi C:2cm trên trước mép trái',
  issueDate: '2021-04-10',
  expiryDate: '2030-03-14',
  noExpiry: false,
  fatherName: 'Nguyễn Văn Bình',
  motherName: 'Trần Thị Cúc',
  spouseName: 'Lê Thị Dung'
}

const style2021: Dg13Style = { parents: 'separate', noSpouse: 'empty', form: 'NFC' }

const specs: Record<FixtureName, Spec> = {
  'card-2021': {
    name: 'card-2021',
    description: '2021 CCCD, married, with old 9-digit CMND',
    identity: base2021,
    style: style2021,
    tone: 170
  },
  'card-2024': {
    name: 'card-2024',
    description: '2024 Căn cước (issued after 2024-07-01), young holder, no spouse field, field 16 present',
    identity: {
      ...base2021,
      idNumber: '022305004567',
      oldIdNumber: null,
      fullName: 'Phạm Thị Hương',
      dateOfBirth: '2005-07-22',
      sex: 'female',
      placeOfOrigin: 'Hà Nam',
      placeOfResidence: 'Cẩm Phả, Quảng Ninh',
      identifyingFeatures: 'Sẹo chấm C:1cm dưới sau đuôi mắt phải',
      issueDate: '2024-08-15',
      expiryDate: '2030-07-22',
      fatherName: 'Phạm Văn Đức',
      motherName: 'Vũ Thị Hoa',
      spouseName: null
    },
    style: { parents: 'combined', noSpouse: 'absent', form: 'NFC', field16: 'A1B2C3D4E5F60718' },
    tone: 190
  },
  'long-address': {
    name: 'long-address',
    description: 'permanent address longer than 127 bytes (long-form BER lengths inside DG13)',
    identity: {
      ...base2021,
      idNumber: '022088007788',
      fullName: 'Hoàng Minh Tuấn',
      dateOfBirth: '1988-11-30',
      expiryDate: '2028-11-30',
      issueDate: '2021-05-20',
      oldIdNumber: '101234567',
      placeOfResidence:
        'Số nhà 158, ngõ 27, đường Nguyễn Văn Cừ, tổ 4, khu phố 6, phường Hồng Hải, thành phố Hạ Long, tỉnh Quảng Ninh, Việt Nam (gần chợ Hạ Long I, đối diện trường Tiểu học Hồng Hải)'
    },
    style: style2021,
    tone: 160
  },
  'all-diacritics': {
    name: 'all-diacritics',
    description: 'names using every Vietnamese tone mark and vowel modifier, DG13 strings stored as NFD',
    identity: {
      ...base2021,
      idNumber: '022192003456',
      fullName: 'Đặng Lữ Ưởng Hoàng Ẩn Tuyết Ơn Ỷ Ê Ô Ă',
      dateOfBirth: '1992-01-05',
      sex: 'female',
      expiryDate: '2032-01-05',
      issueDate: '2021-09-09',
      oldIdNumber: '100998877',
      fatherName: 'Đỗ Ngọc Hưởng Ấn Ổn Ợ',
      motherName: 'Ưng Thị Ỵ Ĩ Ũ Ỹ Ầ Ậ Ẫ Ề Ễ Ệ Ồ Ỗ Ộ Ờ Ỡ Ừ Ữ Ự',
      spouseName: 'Lò Văn Ẹ Ẻ Ẽ Ỏ Õ Ọ Ủ Ụ Ỉ Ị Ý Ỳ'
    },
    style: { ...style2021, form: 'NFD' },
    tone: 200
  },
  'no-old-id': {
    name: 'no-old-id',
    description: 'holder never had a CMND: field 15 absent',
    identity: {
      ...base2021,
      idNumber: '022200001111',
      fullName: 'Trịnh Quốc Bảo',
      dateOfBirth: '2000-06-15',
      expiryDate: '2025-06-15',
      issueDate: '2021-06-01',
      oldIdNumber: null,
      spouseName: null
    },
    style: style2021,
    tone: 150
  },
  'no-spouse': {
    name: 'no-spouse',
    description: 'unmarried holder: empty field 14 (30 03 02 01 0E)',
    identity: {
      ...base2021,
      idNumber: '022195002222',
      fullName: 'Lý Thu Trang',
      dateOfBirth: '1995-10-01',
      sex: 'female',
      expiryDate: '2035-10-01',
      issueDate: '2022-01-15',
      oldIdNumber: '101555666',
      spouseName: null
    },
    style: style2021,
    tone: 180
  },
  'partial-dob': {
    name: 'partial-dob',
    description: 'date of birth known only as a year (DG13 "1950", MRZ "50<<<<"), no expiry',
    identity: {
      ...base2021,
      idNumber: '022150003333',
      fullName: 'Bùi Thị Lan',
      dateOfBirth: '1950',
      sex: 'female',
      expiryDate: null,
      noExpiry: true,
      issueDate: '2022-03-03',
      oldIdNumber: '100111222',
      spouseName: null
    },
    style: { ...style2021, noExpiryText: 'Không thời hạn' },
    tone: 175
  },
  'no-expiry': {
    name: 'no-expiry',
    description: 'holder issued the card after 58: "Không thời hạn", MRZ expiry 991231',
    identity: {
      ...base2021,
      idNumber: '022055004444',
      fullName: 'Đào Văn Khải',
      dateOfBirth: '1955-11-02',
      expiryDate: null,
      noExpiry: true,
      issueDate: '2021-06-01',
      oldIdNumber: '100333444',
      spouseName: 'Mai Thị Nga'
    },
    style: { ...style2021, noExpiryText: 'Không thời hạn' },
    tone: 165
  },
  'pace-only': {
    name: 'pace-only',
    description: 'PACE-only chip (BAC refused), opened with the CAN = last 6 digits of the ID',
    identity: { ...base2021, idNumber: '001200004595', fullName: 'Đỗ Minh Quân' },
    style: style2021,
    tone: 120,
    chip: { pace: true, bacRefused: true }
  },
  'aa-genuine': {
    name: 'aa-genuine',
    description: 'PACE + BAC, Active Authentication with an RSA key (ISO 9796-2): the genuine chip',
    identity: { ...base2021, idNumber: '079195006789', fullName: 'Lý Thu Trang', sex: 'female' },
    style: style2021,
    tone: 140,
    chip: { pace: true, aa: 'rsa', ca: 'genuine' }
  },
  'aa-clone': {
    name: 'aa-clone',
    description: "A clone of 'aa-genuine': every file copied (DG15, SOD), but not the private key",
    identity: { ...base2021, idNumber: '079195006789', fullName: 'Lý Thu Trang', sex: 'female' },
    style: style2021,
    tone: 140,
    chip: { pace: true, aa: 'clone', ca: 'clone' }
  },
  'aa-ecdsa': {
    name: 'aa-ecdsa',
    description: 'Active Authentication with an ECDSA brainpoolP256r1 key (DG14 names ecdsa-plain-SHA256)',
    identity: { ...base2021, idNumber: '048188003210', fullName: 'Trương Gia Bảo' },
    style: style2021,
    tone: 150,
    chip: { pace: true, aa: 'ecdsa' }
  },
  'unknown-signer': {
    name: 'unknown-signer',
    description: 'EF.SOD signed by a home-made document signer (a CSCA no one imported)',
    identity: { ...base2021, idNumber: '036099007777', fullName: 'Hoàng Văn Tú' },
    style: style2021,
    tone: 160,
    chip: { signer: 'homemade' }
  },
  'tampered-dg13': {
    name: 'tampered-dg13',
    description: 'DG13 changed after signing: its hash does not match the SOD',
    identity: { ...base2021, idNumber: '022090009999', fullName: 'Nguyễn Văn Giả' },
    style: style2021,
    tone: 170,
    tamperedResidence: 'Địa chỉ đã bị sửa sau khi ký, Hạ Long, Quảng Ninh'
  }
}

/** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' → 'dd/mm/yyyy' | 'mm/yyyy' | 'yyyy'. */
function cardDate(iso: string): string {
  return iso.split('-').reverse().join('/')
}

function text(s: string, form: 'NFC' | 'NFD'): Buffer {
  return tlv(0x0c, Buffer.from(s.normalize(form), 'utf8'))
}

export function buildDg13(identity: Spec['identity'], style: Dg13Style): Buffer {
  const t = (s: string) => text(s, style.form)
  const field = (n: number, ...value: Uint8Array[]) => sequence(integer(n), ...value)
  const fields: Buffer[] = []
  fields.push(field(1, printableString(identity.idNumber)))
  fields.push(field(2, t(identity.fullName)))
  fields.push(field(3, printableString(cardDate(identity.dateOfBirth))))
  fields.push(field(4, t(identity.sex === 'female' ? 'Nữ' : 'Nam')))
  if (identity.nationality) fields.push(field(5, t(identity.nationality)))
  if (identity.ethnicity) fields.push(field(6, t(identity.ethnicity)))
  if (identity.religion) fields.push(field(7, t(identity.religion)))
  if (identity.placeOfOrigin) fields.push(field(8, t(identity.placeOfOrigin)))
  if (identity.placeOfResidence) fields.push(field(9, t(identity.placeOfResidence)))
  if (identity.identifyingFeatures) fields.push(field(10, t(identity.identifyingFeatures)))
  fields.push(field(11, printableString(cardDate(identity.issueDate))))
  fields.push(
    field(
      12,
      t(identity.expiryDate ? cardDate(identity.expiryDate) : (style.noExpiryText ?? 'Không thời hạn'))
    )
  )
  const father = identity.fatherName ? [t(identity.fatherName)] : []
  const mother = identity.motherName ? [t(identity.motherName)] : []
  if (style.parents === 'separate') {
    fields.push(field(13, ...[...father, ...mother].map((s) => sequence(s))))
  } else {
    fields.push(field(13, sequence(...father, ...mother)))
  }
  if (identity.spouseName) fields.push(field(14, sequence(t(identity.spouseName))))
  else if (style.noSpouse === 'empty') fields.push(field(14))
  if (identity.oldIdNumber) fields.push(field(15, printableString(identity.oldIdNumber)))
  if (style.field16) fields.push(field(16, printableString(style.field16)))
  return tlv(0x6d, sequence(integer(1), oid('1.0.10646.1.0.8'), set(...fields)))
}

export function buildCom(dgTags: number[]): Buffer {
  return tlv(
    0x60,
    tlv(0x5f01, Buffer.from('0107', 'ascii')),
    tlv(0x5f36, Buffer.from('040000', 'ascii')),
    tlv(0x5c, Buffer.from(dgTags))
  )
}

export function buildDg1(mrz: CardMrz): Buffer {
  return tlv(0x61, tlv(0x5f1f, Buffer.from(mrz.lines.join(''), 'ascii')))
}

/** ISO/IEC 19794-5 facial record around a JPEG, in the ICAO biometric template (docs/cccd-card.md §6). */
export function buildDg2(jpeg: Buffer, width = 240, height = 320): Buffer {
  const imageInfo = Buffer.alloc(12)
  imageInfo.writeUInt8(1, 0) // full frontal
  imageInfo.writeUInt8(0, 1) // JPEG
  imageInfo.writeUInt16BE(width, 2)
  imageInfo.writeUInt16BE(height, 4)
  imageInfo.writeUInt8(1, 6) // colour space unspecified/greyscale-compatible
  imageInfo.writeUInt8(2, 7) // source: digital still camera
  const faceInfo = Buffer.alloc(20)
  faceInfo.writeUInt32BE(20 + 12 + jpeg.length, 0)
  const header = Buffer.alloc(14)
  header.write('FAC\x00010\x00', 0, 'latin1')
  header.writeUInt32BE(14 + 20 + 12 + jpeg.length, 8)
  header.writeUInt16BE(1, 12)
  const record = Buffer.concat([header, faceInfo, imageInfo, jpeg])
  const bht = tlv(
    0xa1,
    tlv(0x80, Buffer.from([1, 1])),
    tlv(0x81, Buffer.from([2])),
    tlv(0x87, Buffer.from([1, 1])),
    tlv(0x88, Buffer.from([0, 8]))
  )
  return tlv(0x75, tlv(0x7f61, integer(1), tlv(0x7f60, bht, tlv(0x5f2e, record))))
}

const cache = new Map<FixtureName, Promise<FixtureCard>>()

/** Builds (once per process) the named fixture card. */
export function fixtureCard(name: FixtureName): Promise<FixtureCard> {
  let p = cache.get(name)
  if (!p) {
    p = build(specs[name])
    cache.set(name, p)
  }
  return p
}

export function allFixtureCards(): Promise<FixtureCard[]> {
  return Promise.all(fixtureNames.map((n) => fixtureCard(n)))
}

async function build(spec: Spec): Promise<FixtureCard> {
  const id = spec.identity
  const mrz = buildTd1Mrz({
    idNumber: id.idNumber,
    fullName: id.fullName,
    dateOfBirth: id.dateOfBirth,
    sex: id.sex,
    expiryDate: id.expiryDate
  })
  const face = faceJpeg({ tone: spec.tone, targetSize: 15_000 })
  const dg1 = buildDg1(mrz)
  const dg2 = buildDg2(face)
  // DG3 exists but is EAC-protected: the chip answers 69 82 even after BAC.
  const dg3 = tlv(0x63, tlv(0x02, Buffer.from([0])))
  const signedDg13 = buildDg13(id, spec.style)
  const aa = spec.chip?.aa
  const aaPublic = aa ? aaKey(aa === 'ecdsa' ? 'ecdsa' : 'rsa') : undefined
  const aaPrivate = aa ? aaKey(aa === 'clone' ? 'rsa-clone' : aa) : undefined
  const dg15 = aaPublic ? tlv(0x6f, aaPublic.spki) : undefined
  // DG14 names the AA signature algorithm for ECDSA keys (ICAO 9303-11 §6.1).
  const caRole = spec.chip?.ca
  const infos: Buffer[] = []
  if (aa === 'ecdsa') infos.push(sequence(oid('2.23.136.1.1.5'), integer(1), oid(ECDSA_PLAIN_SHA256)))
  if (caRole) {
    infos.push(sequence(oid(CA_ECDH_AES_128), integer(1)))
    infos.push(sequence(oid(PK_ECDH), aaKey('ca').spki))
  }
  const dg14 = infos.length > 0 ? tlv(0x6e, set(...infos)) : undefined
  const caPrivate = caRole ? aaKey(caRole === 'clone' ? 'ca-clone' : 'ca') : undefined
  const signed = new Map<number, Uint8Array>([
    [1, dg1],
    [2, dg2],
    [3, dg3],
    [13, signedDg13]
  ])
  if (dg14) signed.set(14, dg14)
  if (dg15) signed.set(15, dg15)
  const sod = await buildSod(signed, spec.chip?.signer ?? 'national')
  const served = spec.tamperedResidence ? { ...id, placeOfResidence: spec.tamperedResidence } : id
  const dg13 = spec.tamperedResidence ? buildDg13(served, spec.style) : signedDg13
  const files = new Map<number, Buffer>([
    [FID.COM, buildCom([0x61, 0x75, 0x63, 0x6d, ...(dg14 ? [0x6e] : []), ...(dg15 ? [0x6f] : [])])],
    [FID.DG1, dg1],
    [FID.DG2, dg2],
    [FID.DG3, dg3],
    [FID.DG13, dg13],
    [FID.SOD, sod]
  ])
  if (dg14) files.set(0x010e, dg14)
  if (dg15) files.set(0x010f, dg15)
  const uid = createHash('sha256').update(id.idNumber).digest().subarray(0, 7)
  uid[0] = 0x08 // random UID marker, as eMRTDs use
  const identity: Identity = { ...served, source: 'chip' }
  return {
    name: spec.name,
    description: spec.description,
    identity,
    mrz,
    files,
    face,
    signedDg13,
    chipOptions: (faults?: ChipFaults) => ({
      files,
      mrzInfo: mrz.mrzInfo,
      uid: uid.subarray(0, 4),
      deniedFiles: [FID.DG3],
      ...(spec.chip?.pace
        ? { pace: { protocol: PACE_ECDH_GM_AES_128, parameterId: 13, can: id.idNumber.slice(6) } }
        : {}),
      ...(spec.chip?.bacRefused ? { bacRefused: true } : {}),
      ...(aaPrivate ? { aaPrivateKey: aaPrivate.pkcs8 } : {}),
      ...(caPrivate
        ? { chipAuthentication: { privateKey: caPrivate.pkcs8, protocol: CA_ECDH_AES_128 } }
        : {}),
      ...(faults ? { faults } : {})
    })
  }
}
