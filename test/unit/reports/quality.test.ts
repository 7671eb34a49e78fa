import { formatMessage } from '../../../contract/messages'
import ExcelJS from 'exceljs'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { buildQualityReport } from '../../../core/reports/quality'
import { qualityReportXlsx } from '../../../core/reports/quality-xlsx'
import { UNIT_LIST_CURRENT } from '../../../core/coding/catalog/types'
import type { PatientForm } from '../../../contract/patient'
import { report } from '../../../cli/commands/report'
import { createContext } from '../../../cli/context'
import { createOutput } from '../../../cli/output'
import { openNodeServices } from '../../../core/node-runtime'

const coded: PatientForm['address'] = {
  text: 'Tổ 5, Khu 3, Phường Hạ Long, Tỉnh Quảng Ninh',
  provinceCode: '22',
  communeCode: '06688',
  unitListVersion: UNIT_LIST_CURRENT
}

/** exceljs types its input as an ArrayBuffer; Node buffers are views on one. */
function arrayBuffer(b: Buffer): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
}

let t: ReturnType<typeof testServices>
const clock = { now: new Date('2026-11-20T03:00:00Z') }
beforeEach(() => {
  t = testServices({ now: () => clock.now })
})
afterEach(() => t.cleanup())

function on(day: string, fn: () => void): void {
  clock.now = new Date(`${day}T05:00:00Z`)
  fn()
}

function read(patientId: string, source: 'chip' | 'qr', day: string, n: number): void {
  t.services.db
    .prepare(
      `INSERT INTO identity_reads (id, patient_id, source, identity_json, verification_json, read_at)
       VALUES (?, ?, ?, '{}', ?, ?)`
    )
    .run(
      `read-${n}`,
      patientId,
      source,
      source === 'chip' ? '{"status":"valid"}' : null,
      `${day}T04:59:00.000Z`
    )
}

/** A small day at the desk: chip, QR and typed patients, a duplicate, a few flawed records, one visit outside. */
function seed(): { chip: string; qr: string; typed: string } {
  let chip = ''
  let qr = ''
  let typed = ''
  on('2026-11-19', () => {
    t.services.register(registration({}, { idNumber: '022190000001', fullName: 'Phạm Văn Cũ', sex: 'male' }))
  })
  on('2026-11-20', () => {
    chip = t.services.register(registration({}, { address: coded })).patientId
    read(chip, 'chip', '2026-11-20', 1)
    qr = t.services.register(
      registration(
        {},
        {
          idNumber: '022090001111',
          fullName: 'Trần Văn Bình',
          sex: 'male',
          dateOfBirth: '1990-01-02',
          address: coded
        }
      )
    ).patientId
    read(qr, 'qr', '2026-11-20', 2)
    // Typed by hand, no ethnicity, address not coded, sex contradicting the ID number.
    typed = t.services.register(
      registration(
        {},
        {
          idNumber: '022190002222',
          fullName: 'Lê Thị Hoa',
          sex: 'male',
          dateOfBirth: '1990-05-05',
          ethnicityCode: null
        }
      )
    ).patientId
  })
  on('2026-11-21', () => {
    // The same woman as the chip patient, typed again without her ID: a duplicate.
    t.services.register(registration({}, { idNumber: null, address: coded }))
  })
  return { chip, qr, typed }
}

describe('quality report', () => {
  it('counts visits by source, field completeness, coded addresses, duplicates and failures in the range', () => {
    const { typed } = seed()
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' })
    expect(r.visits).toBe(4)
    expect(r.patients).toBe(4)
    expect(r.visitsBySource).toEqual({ chip: 1, qr: 1, manual: 2 })
    expect(r.readsBySource).toEqual({ chip: 1, qr: 1, manual: 0 })
    expect(r.chipVerification).toEqual({ valid: 1, invalid: 0, unchecked: 0 })
    const byField = Object.fromEntries(r.completeness.map((c) => [c.field, [c.filled, c.total]]))
    expect(byField.HO_TEN).toEqual([4, 4])
    expect(byField.MA_DANTOC).toEqual([3, 4])
    expect(byField.MAXA_CU_TRU).toEqual([3, 4])
    expect(r.codedAddresses).toEqual({ coded: 3, total: 4, percent: 75 })
    expect(r.duplicates).toHaveLength(1)
    expect(r.duplicates[0]!.fullName).toBe('Nguyễn Thị Hồng Nhung')
    expect(r.duplicates[0]!.members).toHaveLength(2)
    expect(r.invalid).toHaveLength(1)
    expect(r.invalid[0]!.patientId).toBe(typed)
    expect(r.invalid[0]!.reasons).toEqual([
      'Thiếu Dân tộc (MA_DANTOC)',
      'Thiếu Mã xã cư trú (MAXA_CU_TRU)',
      // The same wording the reception screen used when the card was read: one problem, one text.
      formatMessage('vi', 'warning.ID_SEX_MISMATCH', {
        givenSex: 'label.sex.male',
        idSex: 'label.sex.female'
      })
    ])
    expect(r.invalid[0]!.reasonRefs.map((ref) => formatMessage('en', ref.key, ref.params))).toEqual([
      'Ethnicity (MA_DANTOC) is missing',
      'Commune of residence code (MAXA_CU_TRU) is missing',
      'The sex given is male, but the 4th digit of the ID number implies female. Check against the card.'
    ])
    expect(r.sync).toEqual({ sent: 0, pending: 4, failed: 0, dead: 0, notQueued: 0 })
  })

  it('judges each visit by the form it was sent with, not by later edits', () => {
    const { typed } = seed()
    on('2026-11-22', () => {
      t.services.register(
        registration(
          { patientId: typed },
          {
            idNumber: '022190002222',
            fullName: 'Lê Thị Hoa',
            sex: 'female',
            dateOfBirth: '1990-05-05',
            address: coded
          }
        )
      )
    })
    const before = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-20' })
    expect(before.invalid.map((i) => i.patientId)).toEqual([typed])
    const after = buildQualityReport(t.services.db, { from: '2026-11-22', to: '2026-11-22' })
    expect(after.invalid).toEqual([])
  })

  it('refuses a reversed date range in Vietnamese', () => {
    expect(() => buildQualityReport(t.services.db, { from: '2026-11-21', to: '2026-11-20' })).toThrow(
      /Invalid date range/
    )
  })

  it('exports a workbook exceljs can open, with Vietnamese headers and the rows', async () => {
    seed()
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBuffer(await qualityReportXlsx(r)))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Đủ - Trường bắt buộc',
      'Sạch - Nghi trùng',
      'Đúng - Hồ sơ lỗi'
    ])
    const summary = wb.getWorksheet('Tổng hợp')!
    expect(summary.getRow(1).values).toEqual([undefined, 'Chỉ tiêu', 'Giá trị'])
    expect(summary.getRow(2).values).toEqual([undefined, 'Từ ngày', '20/11/2026'])
    expect(summary.getRow(4).values).toEqual([undefined, 'Số lượt tiếp đón', 4])
    const fields = wb.getWorksheet('Đủ - Trường bắt buộc')!
    expect(fields.rowCount).toBe(1 + 9)
    expect(fields.getRow(6).values).toEqual([undefined, 'MA_DANTOC', 'Dân tộc', 3, 4, 75])
    const dup = wb.getWorksheet('Sạch - Nghi trùng')!
    expect(dup.rowCount).toBe(1 + 2)
    expect(dup.getRow(2).getCell(3).value).toBe('Nguyễn Thị Hồng Nhung')
    const bad = wb.getWorksheet('Đúng - Hồ sơ lỗi')!
    expect(bad.getRow(1).values).toEqual([
      undefined,
      'Ngày khám',
      'Mã bệnh nhân',
      'Họ tên',
      'Lý do không đạt'
    ])
    expect(bad.rowCount).toBe(2)
    expect(String(bad.getRow(2).getCell(4).value)).toContain('Thiếu Dân tộc (MA_DANTOC)')
  })
})

describe('reception report quality (CLI)', () => {
  it('prints the report as JSON, writes the xlsx and records the export', async () => {
    const dir = t.dir + '-cli'
    const s = openNodeServices({ dataDir: dir, mode: 'cli' })
    s.register(registration({}, { address: coded }))
    s.close()
    const today = new Date()
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    const out: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk))
      return true
    })
    const ctx = createContext(dir, createOutput(true))
    const file = join(dir, 'bao-cao.xlsx')
    try {
      await report(ctx, ['quality', '--from', day, '--to', day, '--xlsx', file, '--json'])
      const audit = ctx.services().db.prepare("SELECT entity FROM audit_log WHERE action = 'export'").all()
      expect(audit).toEqual([{ entity: 'report' }])
    } finally {
      spy.mockRestore()
      ctx.close()
    }
    const workbook = readFileSync(file)
    rmSync(dir, { recursive: true, force: true })
    const printed = JSON.parse(out.join(''))
    expect(printed.visits).toBe(1)
    expect(printed.codedAddresses.percent).toBe(100)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBuffer(workbook))
    expect(wb.getWorksheet('Tổng hợp')!.getRow(4).values).toEqual([undefined, 'Số lượt tiếp đón', 1])
  })
})
