import { formatMessage } from '../../../contract/messages'
import ExcelJS from 'exceljs'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registration, testServices } from '../../support/fixtures'
import { buildQualityReport } from '../../../core/reports/quality'
import { HEADER_ROWS, qualityReportFileName, qualityReportXlsx } from '../../../core/reports/quality-xlsx'
import { UNIT_LIST_CURRENT } from '../../../core/coding/catalog/types'
import type { PatientForm } from '../../../contract/patient'
import { report } from '../../../cli/commands/report'
import { createContext } from '../../../cli/context'
import { createOutput } from '../../../cli/output'
import { openNodeServices } from '../../../core/node-runtime'
import { openSyncConfig } from '../../../core/sync/config/open-config'

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

const facility = { code: '22001', name: 'Trạm Y tế Phường Hạ Long' }

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(arrayBuffer(bytes))
  return wb
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
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' }, { facility })
    const wb = await workbook(await qualityReportXlsx(r, 'detailed'))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Theo ngày - dịch vụ',
      'Đủ - Trường bắt buộc',
      'Đủ - Theo ngày',
      'Sống',
      'Sạch - Nghi trùng',
      'Đúng - Hồ sơ lỗi'
    ])
    const summary = wb.getWorksheet('Tổng hợp')!
    expect(summary.getRow(HEADER_ROWS).values).toEqual([undefined, 'Chỉ tiêu', 'Giá trị'])
    expect(summary.getRow(HEADER_ROWS + 1).values).toEqual([undefined, 'Số lượt tiếp đón', 4])
    const fields = wb.getWorksheet('Đủ - Trường bắt buộc')!
    expect(fields.rowCount).toBe(HEADER_ROWS + 9)
    expect(fields.getRow(HEADER_ROWS + 5).values).toEqual([undefined, 'MA_DANTOC', 'Dân tộc', 3, 4, 75])
    const dup = wb.getWorksheet('Sạch - Nghi trùng')!
    expect(dup.rowCount).toBe(HEADER_ROWS + 2)
    expect(dup.getRow(HEADER_ROWS + 1).getCell(3).value).toBe('Nguyễn Thị Hồng Nhung')
    const bad = wb.getWorksheet('Đúng - Hồ sơ lỗi')!
    expect(bad.getRow(HEADER_ROWS).values).toEqual([
      undefined,
      'Mã bệnh nhân',
      'Họ tên',
      'Số lượt lỗi',
      'Lượt gần nhất',
      'Lý do không đạt'
    ])
    // One row per patient, not per visit.
    expect(bad.rowCount).toBe(HEADER_ROWS + 1)
    expect(bad.getRow(HEADER_ROWS + 1).getCell(3).value).toBe(1)
    expect(String(bad.getRow(HEADER_ROWS + 1).getCell(5).value)).toContain('Thiếu Dân tộc (MA_DANTOC)')
  })

  it('puts the facility code and name on every sheet and in the file name, with real date cells', async () => {
    seed()
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' }, { facility })
    expect(qualityReportFileName(r)).toBe('chat-luong_22001_2026-11-20_2026-11-21.xlsx')
    expect(qualityReportFileName(r, 'detailed')).toBe('chat-luong-chi-tiet_22001_2026-11-20_2026-11-21.xlsx')
    const wb = await workbook(await qualityReportXlsx(r))
    for (const ws of wb.worksheets) {
      expect(ws.getCell('B1').value, ws.name).toBe('22001')
      expect(ws.getCell('C1').value, ws.name).toBe('Trạm Y tế Phường Hạ Long')
      const from = ws.getCell('B2').value
      expect(from, ws.name).toBeInstanceOf(Date)
      expect((from as Date).toISOString().slice(0, 10)).toBe('2026-11-20')
    }
    const byDay = wb.getWorksheet('Theo ngày - dịch vụ')!
    const days = [HEADER_ROWS + 1, HEADER_ROWS + 2].map((n) => byDay.getRow(n).getCell(1).value)
    expect(days.every((d) => d instanceof Date)).toBe(true)
    expect(days.map((d) => (d as Date).toISOString().slice(0, 10))).toEqual(['2026-11-20', '2026-11-21'])
    expect(byDay.getRow(HEADER_ROWS + 1).getCell(3).value).toBe(3)
  })

  it('the aggregate export (the default) holds no name, ID number, BHYT number or patient code anywhere', async () => {
    seed()
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' }, { facility })
    const wb = await workbook(await qualityReportXlsx(r))
    const text: string[] = []
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => text.push(String(cell.value instanceof Date ? '' : cell.value)))
      )
    const all = text.join('\n')
    const people = t.services.db
      .prepare('SELECT code, full_name, id_number, bhyt_card_number, form_json FROM patients')
      .all() as {
      code: string
      full_name: string
      id_number: string | null
      bhyt_card_number: string | null
    }[]
    expect(people.length).toBeGreaterThan(3)
    for (const p of people) {
      expect(all).not.toContain(p.full_name)
      expect(all).not.toContain(p.code)
      if (p.id_number) expect(all).not.toContain(p.id_number)
      if (p.bhyt_card_number) expect(all).not.toContain(p.bhyt_card_number)
    }
    // The counts are still there.
    expect(all).toContain('Số lượt tiếp đón')
  })

  it('the Sống sheet gives per day and target the minutes from visit to receipt, late and not yet received', async () => {
    seed()
    const db = t.services.db
    const visits = db
      .prepare(
        "SELECT id, visited_at FROM visits WHERE substr(visited_at, 1, 10) = '2026-11-20' ORDER BY visited_at, id"
      )
      .all() as { id: string; visited_at: string }[]
    expect(visits).toHaveLength(3)
    const receive = (visitId: string, target: 'his' | 'emch', minutes: number): void => {
      const at = new Date(Date.parse(visits.find((v) => v.id === visitId)!.visited_at) + minutes * 60_000)
      db.prepare(
        "UPDATE outbox SET status = 'sent', receipt = 'r', updated_at = ? WHERE visit_id = ? AND target = ?"
      ).run(at.toISOString(), visitId, target)
    }
    receive(visits[0]!.id, 'his', 10)
    receive(visits[1]!.id, 'his', 30)
    receive(visits[2]!.id, 'his', 1500)
    receive(visits[0]!.id, 'emch', 60)
    const r = buildQualityReport(db, { from: '2026-11-20', to: '2026-11-20' }, { facility })
    expect(r.timeliness).toEqual([
      {
        day: '2026-11-20',
        target: 'emch',
        queued: 3,
        received: 1,
        medianMinutes: 60,
        p90Minutes: 60,
        maxMinutes: 60,
        lateOver24h: 0,
        notReceived: 2
      },
      {
        day: '2026-11-20',
        target: 'his',
        queued: 3,
        received: 3,
        medianMinutes: 30,
        p90Minutes: 1500,
        maxMinutes: 1500,
        lateOver24h: 1,
        notReceived: 0
      }
    ])
    const ws = (await workbook(await qualityReportXlsx(r))).getWorksheet('Sống')!
    expect(ws.getRow(HEADER_ROWS).values).toEqual([
      undefined,
      'Ngày khám',
      'Nơi nhận',
      'Số bản gửi',
      'Đã có biên nhận',
      'Trung vị (phút)',
      'P90 (phút)',
      'Lâu nhất (phút)',
      'Nhận sau quá 24 giờ',
      'Chưa nhận'
    ])
    const his = ws.getRow(HEADER_ROWS + 2).values as unknown[]
    expect(his[1]).toBeInstanceOf(Date)
    expect(his.slice(2)).toEqual(['HIS cơ sở', 3, 3, 30, 1500, 1500, 1, 0])
    const emch = ws.getRow(HEADER_ROWS + 1).values as unknown[]
    expect(emch.slice(2)).toEqual(['eMCH', 3, 1, 60, 60, 60, 0, 2])
  })

  it('counts per patient: seen once, seen again, with a flawed record', () => {
    seed()
    on('2026-11-21', () => {
      t.services.register(
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
      )
    })
    const r = buildQualityReport(t.services.db, { from: '2026-11-20', to: '2026-11-21' })
    expect(r.visits).toBe(5)
    expect(r.perPatient).toEqual({ patients: 4, seenOnce: 3, seenSeveral: 1, withInvalid: 1 })
  })
})

describe('reception report quality (CLI)', () => {
  it('prints the report as JSON, writes the xlsx and records the export', async () => {
    const dir = t.dir + '-cli'
    const s = openNodeServices({ dataDir: dir, mode: 'cli' })
    s.register(registration({}, { address: coded }))
    // The facility as IT configures it on the desk.
    openSyncConfig(s).set('facility.code', '22001')
    openSyncConfig(s).set('facility.name', 'Trạm Y tế Phường Hạ Long')
    s.close()
    const today = new Date()
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
    const out: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk))
      return true
    })
    const ctx = createContext(dir, createOutput(true))
    // A folder: the file takes the name the province files it under.
    const file = join(dir, `chat-luong_22001_${day}_${day}.xlsx`)
    try {
      await report(ctx, ['quality', '--from', day, '--to', day, '--xlsx', dir, '--json'])
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
    expect(printed.facility).toEqual({ code: '22001', name: 'Trạm Y tế Phường Hạ Long' })
    expect(printed.xlsx).toBe(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(arrayBuffer(workbook))
    expect(wb.getWorksheet('Tổng hợp')!.getRow(HEADER_ROWS + 1).values).toEqual([
      undefined,
      'Số lượt tiếp đón',
      1
    ])
    // The default export is the aggregate one: no named sheets.
    expect(wb.getWorksheet('Sạch - Nghi trùng')).toBeUndefined()
  })
})
