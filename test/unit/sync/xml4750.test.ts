import fc from 'fast-check'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../contract/errors'
import { buildXml4750Documents, xml0Fields, xml1Fields } from '../../../core/sync/connectors'
import { xml1AdministrativeFields, xml1BirthDate } from '../../../core/coding'
import { childForm, makeChildSubmission, makeSubmission, motherForm } from './submission-fixtures'

const parser = new XMLParser({ parseTagValue: false, trimValues: false })

function parseDocs(sub = makeSubmission()) {
  const docs = buildXml4750Documents(sub)
  const xml0 = parser.parse(docs.checkIn!.toString('utf8'))
  const envelope = parser.parse(docs.dossier.toString('utf8'))
  const file = envelope.GIAMDINHHS.THONGTINHOSO.DANHSACHHOSO.HOSO.FILEHOSO
  const xml1 = parser.parse(Buffer.from(file.NOIDUNGFILE, 'base64').toString('utf8'))
  return {
    docs,
    xml0,
    envelope,
    file,
    xml1,
    rawXml1: Buffer.from(file.NOIDUNGFILE, 'base64').toString('utf8')
  }
}

function thrown(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('XML 4750 documents', () => {
  it('writes XML0 under CHI_TIEU_TRANG_THAI_KCB with every element in the order of the 4750 table', () => {
    const { xml0, docs } = parseDocs()
    const record = xml0.CHI_TIEU_TRANG_THAI_KCB.DSACH_TRANG_THAI_KCB.TRANG_THAI_KCB
    expect(Object.keys(record)).toEqual(xml0Fields.map((f) => f.name))
    expect(record.MA_LK).toBe(docs.maLk)
    expect(record.SO_CCCD).toBe('022190001234')
    expect(record.NGAY_SINH).toBe('199005120000')
    expect(record.GIOI_TINH).toBe('2')
    expect(record.NGAY_VAO).toBe('202611230805')
    expect(record.MA_LOAI_KCB).toBe('01')
    expect(record.MA_CSKCB).toBe('22001')
    expect(docs.checkIn!.subarray(0, 38).toString()).toBe('<?xml version="1.0" encoding="UTF-8"?>')
  })

  it('wraps XML1 (TONG_HOP) in the GIAMDINHHS envelope as base64, with codes kept as strings', () => {
    const { envelope, file, xml1 } = parseDocs()
    expect(envelope.GIAMDINHHS.THONGTINDONVI.MACSKCB).toBe('22001')
    expect(envelope.GIAMDINHHS.THONGTINHOSO.NGAYLAP).toBe('20261123')
    expect(envelope.GIAMDINHHS.THONGTINHOSO.SOLUONGHOSO).toBe('1')
    expect(file.LOAIHOSO).toBe('XML1')
    const t = xml1.TONG_HOP
    expect(Object.keys(t)).toEqual(xml1Fields.map((f) => f.name))
    expect(t.HO_TEN).toBe('Nguyễn Thị Lan')
    expect(t.MA_QUOCTICH).toBe('000')
    expect(t.MA_DANTOC).toBe('01')
    expect(t.MA_NGHE_NGHIEP).toBe('21310')
    expect(t.MATINH_CU_TRU).toBe('22')
    expect(t.MAHUYEN_CU_TRU).toBe('')
    expect(t.MAXA_CU_TRU).toBe('06688')
    expect(t.DIEN_THOAI).toBe('0912345678')
    expect(t.MA_THE_BHYT).toBe('GD4222212345678')
    expect(t.LY_DO_VV).toBe('Khám thai định kỳ')
  })

  it('writes partial birth dates with zeros (year only → yyyy00000000)', () => {
    expect(xml1BirthDate('1990')).toBe('199000000000')
    expect(xml1BirthDate('1990-07')).toBe('199007000000')
    expect(xml1BirthDate('1990-07-09')).toBe('199007090000')
    const { xml1 } = parseDocs(makeChildSubmission())
    expect(xml1.TONG_HOP.NGAY_SINH).toBe('202603000000')
    expect(xml1.TONG_HOP.GIOI_TINH).toBe('1')
  })

  it("uses the mother's address and phone for a child without its own, and 00000 for no occupation", () => {
    const { xml1 } = parseDocs(makeChildSubmission())
    expect(xml1.TONG_HOP.DIA_CHI).toContain('Phường Hạ Long')
    expect(xml1.TONG_HOP.MAXA_CU_TRU).toBe('06688')
    expect(xml1.TONG_HOP.DIEN_THOAI).toBe('0912345678')
    expect(xml1.TONG_HOP.MA_NGHE_NGHIEP).toBe('00000')
    expect(xml1.TONG_HOP.SO_CCCD).toBe('')
  })

  it('maps a delivery to inpatient care (MA_LOAI_KCB 03)', () => {
    const sub = makeSubmission()
    const { xml0 } = parseDocs({ ...sub, visit: { ...sub.visit, serviceType: 'delivery' } })
    expect(xml0.CHI_TIEU_TRANG_THAI_KCB.DSACH_TRANG_THAI_KCB.TRANG_THAI_KCB.MA_LOAI_KCB).toBe('03')
  })

  it('refuses an over-long value with an error naming the field, instead of truncating it', () => {
    const sub = makeSubmission()
    const longName = makeSubmission({
      patient: { ...sub.patient, form: motherForm({ fullName: 'Ă'.repeat(255) }) }
    })
    expect(() => buildXml4750Documents(longName)).not.toThrow()
    const longLk = { ...sub, visit: { ...sub.visit, id: 'L'.repeat(101) } }
    const e = thrown(() => buildXml4750Documents(longLk))
    expect(e.code).toBe('VALIDATION')
    expect(e.messageVi).toContain('MA_LK')
    expect(e.messageVi).toContain('101')
    expect(e.messageVi).toContain('100')
    expect(e.details).toMatchObject({ field: 'MA_LK', length: 101, maxLength: 100 })
    const longCode = { ...sub, patient: { ...sub.patient, code: 'B'.repeat(101) } }
    expect(thrown(() => buildXml4750Documents(longCode)).messageVi).toContain('MA_BN')
  })

  it('counts Vietnamese letters as characters, not bytes or decomposed marks', () => {
    // 255 precomposed letters are 255 characters even though each takes 2–3 UTF-8 bytes; written in NFD
    // they become 510 code points, which NFC normalisation brings back within the limit.
    const sub = makeSubmission()
    const nfd = 'Ắ'.repeat(255).normalize('NFD')
    const { xml1 } = parseDocs({
      ...sub,
      patient: { ...sub.patient, form: { ...sub.patient.form, fullName: nfd } }
    })
    expect(xml1.TONG_HOP.HO_TEN).toBe('Ắ'.repeat(255))
  })

  it('refuses characters XML cannot carry, naming the field and not the value', () => {
    const sub = makeSubmission()
    const bad = { ...sub, visit: { ...sub.visit, reason: 'đau\u0007bụng' } }
    const e = thrown(() => buildXml4750Documents(bad))
    expect(e.code).toBe('VALIDATION')
    expect(e.messageVi).toContain('LY_DO_VV')
    expect(e.messageVi).not.toContain('đau')
  })

  it('writes line breaks so the receiver reads back exactly what was checked', () => {
    const sub = makeSubmission()
    const { xml1 } = parseDocs({ ...sub, visit: { ...sub.visit, reason: 'ho\r\nsốt\rđau' } })
    expect(xml1.TONG_HOP.LY_DO_VV).toBe('ho\nsốt\nđau')
  })

  it('escapes markup in free text', () => {
    const sub = makeSubmission()
    const { xml1, rawXml1 } = parseDocs({ ...sub, visit: { ...sub.visit, reason: 'A & B <C>' } })
    expect(xml1.TONG_HOP.LY_DO_VV).toBe('A & B <C>')
    expect(rawXml1).toContain('A &amp; B &lt;C&gt;')
  })

  it('is byte-identical on every build of the same snapshot', () => {
    const sub = makeSubmission()
    const a = buildXml4750Documents(sub)
    const b = buildXml4750Documents(structuredClone(sub))
    expect(a.checkIn!.equals(b.checkIn!) && a.dossier.equals(b.dossier)).toBe(true)
  })

  it('every value it writes obeys its field rules, or it refuses with a VALIDATION error (property)', () => {
    const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max })
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
          fc.string({
            unit: fc.constantFrom('a', 'Ệ', ' ', '\r', '\n', '\t', '&', '<', '\u0001'),
            minLength: 1
          })
        ),
        text(1100),
        fc.option(text(600), { nil: null }),
        fc.string({ minLength: 1, maxLength: 120 }),
        (fullName, addressText, reason, visitId) => {
          const base = makeChildSubmission()
          const sub = {
            ...base,
            patient: {
              ...base.patient,
              form: childForm({ fullName, address: { ...base.patient.form.address, text: addressText } })
            },
            visit: { ...base.visit, id: visitId, reason }
          }
          let docs
          try {
            docs = buildXml4750Documents(sub)
          } catch (e) {
            expect(e).toBeInstanceOf(AppError)
            expect((e as AppError).code).toBe('VALIDATION')
            return
          }
          const parsed = parser.parse(
            Buffer.from(
              parser.parse(docs.dossier.toString('utf8')).GIAMDINHHS.THONGTINHOSO.DANHSACHHOSO.HOSO.FILEHOSO
                .NOIDUNGFILE,
              'base64'
            ).toString('utf8')
          ).TONG_HOP as Record<string, string>
          // Nothing was cut or altered on the way: what the clerk typed is what the receiver reads.
          const asRead = (t: string) => t.normalize('NFC').replace(/\r\n?/g, '\n')
          expect(parsed['HO_TEN']).toBe(asRead(fullName))
          const expectedAddress = addressText === '' ? base.guardian!.form.address.text : addressText
          expect(parsed['DIA_CHI']).toBe(asRead(expectedAddress))
          for (const field of xml1Fields) {
            const value = parsed[field.name] ?? ''
            if (field.maxLength !== null) expect([...value].length).toBeLessThanOrEqual(field.maxLength)
            if (value !== '' && field.pattern) expect(value).toMatch(field.pattern)
          }
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('one XML1 builder for the sender and the quality report', () => {
  it('every administrative value the report audits is the value the sender writes, newborns included', () => {
    for (const sub of [makeSubmission(), makeChildSubmission()]) {
      const sent = parseDocs(sub).xml1.TONG_HOP as Record<string, string>
      const audited = xml1AdministrativeFields(sub.patient.form, sub.visit.visitedAt.slice(0, 10), {
        guardianForm: sub.guardian?.form ?? null
      })
      for (const [field, value] of Object.entries(audited))
        expect([field, sent[field]]).toEqual([field, value])
    }
    // The uncarded newborn is audited and sent with the mother's address.
    const child = makeChildSubmission()
    expect(
      xml1AdministrativeFields(child.patient.form, '2026-11-23', {
        guardianForm: child.guardian?.form ?? null
      }).MAXA_CU_TRU
    ).toBe(child.guardian?.form.address.communeCode)
  })
})
