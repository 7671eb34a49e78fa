import type { MessageParams } from '../../../../contract/messages'
import { AppError } from '../../../../contract/errors'

/**
 * Field rules of the QĐ 130 tables as amended by QĐ 4750 (docs/health-data.md §1.3–1.5): element order, maximum
 * length in characters, and the shape where the standard fixes one. Only the rows reception owns are here;
 * the HIS fills the clinical and financial rows later.
 */
export interface XmlField {
  name: string
  /** Maximum length in characters (Unicode code points, as XSD counts them); null where the table says "n". */
  maxLength: number | null
  pattern?: RegExp
  required?: boolean
  /** What the clerk sees when this field is wrong. */
  labelVi: string
}

const D12 = /^\d{12}$/
const D8 = /^\d{8}$/
const CARD = /^[A-Z]{2}\d{13}(;[A-Z]{2}\d{13})*$/

/** The person's fields both tables open with, in this order. */
const personFields: readonly XmlField[] = [
  { name: 'MA_LK', maxLength: 100, required: true, labelVi: 'Mã liên kết' },
  { name: 'STT', maxLength: 10, pattern: /^\d+$/, required: true, labelVi: 'Số thứ tự' },
  { name: 'MA_BN', maxLength: 100, required: true, labelVi: 'Mã bệnh nhân' },
  { name: 'HO_TEN', maxLength: 255, required: true, labelVi: 'Họ tên' },
  { name: 'SO_CCCD', maxLength: 15, pattern: /^[0-9A-Za-z]+$/, labelVi: 'Số CCCD' },
  { name: 'NGAY_SINH', maxLength: 12, pattern: D12, required: true, labelVi: 'Ngày sinh' },
  { name: 'GIOI_TINH', maxLength: 1, pattern: /^[123]$/, required: true, labelVi: 'Giới tính' }
]

export const xml0Fields: readonly XmlField[] = [
  ...personFields,
  { name: 'MA_THE_BHYT', maxLength: 15, pattern: CARD, labelVi: 'Mã thẻ BHYT' },
  { name: 'MA_DKBD', maxLength: 5, labelVi: 'Nơi đăng ký KCB ban đầu' },
  { name: 'GT_THE_TU', maxLength: 8, pattern: D8, labelVi: 'Thẻ có giá trị từ' },
  { name: 'GT_THE_DEN', maxLength: 8, pattern: D8, labelVi: 'Thẻ có giá trị đến' },
  { name: 'MA_DOITUONG_KCB', maxLength: 4, labelVi: 'Mã đối tượng KCB' },
  { name: 'NGAY_VAO', maxLength: 12, pattern: D12, required: true, labelVi: 'Thời gian vào' },
  { name: 'NGAY_VAO_NOI_TRU', maxLength: 12, pattern: D12, labelVi: 'Thời gian vào nội trú' },
  { name: 'LY_DO_VNT', maxLength: null, labelVi: 'Lý do vào nội trú' },
  { name: 'MA_LY_DO_VNT', maxLength: 5, labelVi: 'Mã lý do vào nội trú' },
  { name: 'MA_LOAI_KCB', maxLength: 2, pattern: /^\d{2}$/, required: true, labelVi: 'Mã loại KCB' },
  { name: 'MA_CSKCB', maxLength: 5, pattern: /^[0-9A-Za-z]{5}$/, required: true, labelVi: 'Mã cơ sở KCB' },
  { name: 'MA_DICH_VU', maxLength: 50, labelVi: 'Mã dịch vụ' },
  { name: 'TEN_DICH_VU', maxLength: 1024, labelVi: 'Tên dịch vụ' },
  { name: 'MA_THUOC', maxLength: 255, labelVi: 'Mã thuốc' },
  { name: 'TEN_THUOC', maxLength: 1024, labelVi: 'Tên thuốc' },
  { name: 'MA_VAT_TU', maxLength: 255, labelVi: 'Mã vật tư' },
  { name: 'TEN_VAT_TU', maxLength: 1024, labelVi: 'Tên vật tư' },
  { name: 'NGAY_YL', maxLength: 12, pattern: D12, labelVi: 'Thời gian y lệnh' },
  { name: 'DU_PHONG', maxLength: null, labelVi: 'Dự phòng' }
]

export const xml1Fields: readonly XmlField[] = [
  ...personFields,
  { name: 'NHOM_MAU', maxLength: 5, labelVi: 'Nhóm máu' },
  { name: 'MA_QUOCTICH', maxLength: 3, pattern: /^[0-9A-Z]{3}$/, labelVi: 'Mã quốc tịch' },
  { name: 'MA_DANTOC', maxLength: 2, pattern: /^\d{2}$/, labelVi: 'Mã dân tộc' },
  { name: 'MA_NGHE_NGHIEP', maxLength: 5, pattern: /^\d{5}$/, labelVi: 'Mã nghề nghiệp' },
  { name: 'DIA_CHI', maxLength: 1024, labelVi: 'Địa chỉ' },
  { name: 'MATINH_CU_TRU', maxLength: 3, pattern: /^\d{2}$/, labelVi: 'Mã tỉnh cư trú' },
  { name: 'MAHUYEN_CU_TRU', maxLength: 3, pattern: /^\d{3}$/, labelVi: 'Mã huyện cư trú' },
  { name: 'MAXA_CU_TRU', maxLength: 5, pattern: /^\d{5}$/, labelVi: 'Mã xã cư trú' },
  { name: 'DIEN_THOAI', maxLength: 15, pattern: /^\+?\d+$/, labelVi: 'Điện thoại' },
  { name: 'MA_THE_BHYT', maxLength: null, pattern: CARD, labelVi: 'Mã thẻ BHYT' },
  {
    name: 'MA_DKBD',
    maxLength: null,
    pattern: /^[0-9A-Za-z]{5}(;[0-9A-Za-z]{5})*$/,
    labelVi: 'Nơi đăng ký KCB ban đầu'
  },
  { name: 'GT_THE_TU', maxLength: null, pattern: /^\d{8}(;\d{8})*$/, labelVi: 'Thẻ có giá trị từ' },
  { name: 'GT_THE_DEN', maxLength: null, pattern: /^\d{8}(;\d{8})*$/, labelVi: 'Thẻ có giá trị đến' },
  { name: 'NGAY_MIEN_CCT', maxLength: 12, pattern: D12, labelVi: 'Ngày miễn cùng chi trả' },
  { name: 'LY_DO_VV', maxLength: null, labelVi: 'Lý do vào viện' },
  { name: 'MA_DOITUONG_KCB', maxLength: 4, labelVi: 'Mã đối tượng KCB' },
  // 4750 order: MA_NOI_DI right after the category, GIAY_CHUYEN_TUYEN after the admission/discharge times.
  { name: 'MA_NOI_DI', maxLength: 5, pattern: /^[0-9A-Za-z]{5}$/, labelVi: 'Nơi chuyển đến từ' },
  { name: 'NGAY_VAO', maxLength: 12, pattern: D12, required: true, labelVi: 'Thời gian vào' },
  { name: 'GIAY_CHUYEN_TUYEN', maxLength: 50, labelVi: 'Số giấy chuyển tuyến/giấy hẹn' },
  { name: 'MA_LOAI_KCB', maxLength: 2, pattern: /^\d{2}$/, required: true, labelVi: 'Mã loại KCB' },
  { name: 'MA_CSKCB', maxLength: 5, pattern: /^[0-9A-Za-z]{5}$/, required: true, labelVi: 'Mã cơ sở KCB' },
  { name: 'MA_KHUVUC', maxLength: 2, pattern: /^K[123]$/, labelVi: 'Mã khu vực' },
  { name: 'CAN_NANG', maxLength: 6, pattern: /^\d+\.\d{2}$/, labelVi: 'Cân nặng' },
  { name: 'CAN_NANG_CON', maxLength: 100, pattern: /^\d+(;\d+)*$/, labelVi: 'Cân nặng con' },
  { name: 'NAM_NAM_LIEN_TUC', maxLength: 8, pattern: D8, labelVi: 'Thời điểm đủ 5 năm liên tục' },
  { name: 'MA_HSBA', maxLength: 100, labelVi: 'Số hồ sơ bệnh án' }
]

export type XmlTable = 'XML0' | 'XML1'
export type XmlRecord = Record<string, string>

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/CR, U+FFFE/U+FFFF, lone surrogates). */
// In /u mode a surrogate pair is one code point, so the surrogate range only matches lone halves.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u

type FieldProblem = 'empty' | 'tooLong' | 'controlChars' | 'format'

function fieldError(
  table: XmlTable,
  field: XmlField,
  problem: FieldProblem,
  en: string,
  details: MessageParams
): AppError {
  return AppError.of(
    'VALIDATION',
    `error.xml.field.${problem}`,
    { label: field.labelVi, field: field.name, table, ...details },
    { table, field: field.name, ...details }
  ).withDetail(`${table}.${field.name}: ${en}`)
}

/**
 * Checks a record against its table and returns the values in element order. Too long is an error, never a
 * silent truncation: a cut name or address would fail the province's "Đúng" audit without anyone knowing.
 * Error messages name the field, never its value (the value is personal data).
 */
export function checkRecord(
  table: XmlTable,
  fields: readonly XmlField[],
  record: XmlRecord
): [string, string][] {
  const known = new Set(fields.map((f) => f.name))
  for (const name of Object.keys(record)) {
    if (!known.has(name)) throw new Error(`${table}: unknown element ${name}`)
  }
  return fields.map((field) => {
    // XML parsers turn CR and CRLF into LF on reading; writing LF makes the length checked here the one read there.
    const value = (record[field.name] ?? '').normalize('NFC').replace(/\r\n?/g, '\n')
    if (value === '') {
      if (field.required) throw fieldError(table, field, 'empty', 'required but empty', {})
      return [field.name, value]
    }
    const length = [...value].length
    if (field.maxLength !== null && length > field.maxLength) {
      throw fieldError(table, field, 'tooLong', `length ${length} exceeds ${field.maxLength}`, {
        length,
        maxLength: field.maxLength
      })
    }
    if (XML_INVALID.test(value)) {
      throw fieldError(table, field, 'controlChars', 'contains characters XML cannot carry', {})
    }
    if (field.pattern && !field.pattern.test(value)) {
      throw fieldError(table, field, 'format', `does not match ${field.pattern.source}`, {})
    }
    return [field.name, value]
  })
}
