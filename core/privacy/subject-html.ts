import type { SubjectExport } from './subject'

const esc = (v: unknown): string =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
  )

function table(head: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p>Không có.</p>'
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

const targetName: Record<string, string> = {
  his: 'Phần mềm HIS của cơ sở',
  emch: 'Hệ thống eMCH (sức khoẻ bà mẹ trẻ em)'
}
const basisName: Record<string, string> = {
  consent: 'Sự đồng ý của người bệnh',
  law_medical_examination: 'Luật Khám bệnh, chữa bệnh',
  mch_programme: 'Chương trình chăm sóc sức khoẻ bà mẹ trẻ em',
  opt_in: 'Người bệnh tự chọn tham gia'
}

/** The same export, readable by the patient: Vietnamese, printable, no script. */
export function subjectExportHtml(x: SubjectExport): string {
  const form = x.patient.form_json as Record<string, unknown>
  const fields = Object.entries(form).filter(([, v]) => v !== null && typeof v !== 'object')
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Dữ liệu cá nhân được lưu giữ</title>
<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
td,th{border:1px solid #999;padding:4px 6px;text-align:left;font-size:14px}h2{margin-top:1.5em}</style></head><body>
<h1>Dữ liệu cá nhân cơ sở đang lưu giữ về bạn</h1>
<p>Lập lúc ${esc(x.generatedAt)}. Gồm: thông tin hồ sơ, các lần khám, các lần đọc thẻ, sự đồng ý, nơi dữ liệu đã được gửi tới và những ai đã truy cập hồ sơ.</p>
<h2>Thông tin hồ sơ</h2>
${table(['Trường', 'Giá trị'], [['Mã bệnh nhân', x.patient.code], ...fields.map(([k, v]) => [k, v]), ['Địa chỉ', x.patient.address_text]])}
<h2>Các lần khám</h2>
${table(
  ['Ngày', 'Loại dịch vụ'],
  x.visits.map((v) => [v.visitedAt, v.serviceType])
)}
<h2>Các lần đọc thẻ CCCD</h2>
${table(
  ['Lúc', 'Nguồn', 'Người đọc', 'Các trường lấy từ thẻ'],
  x.cardReads.map((r) => [r.readAt, r.source, r.readBy, r.fields.join(', ')])
)}
<h2>Mục đích xử lý và căn cứ</h2>
${table(
  ['Lúc', 'Mục đích', 'Căn cứ', 'Thông báo', 'Người ghi nhận'],
  x.consents.map((c) => [c.at, c.purpose, basisName[c.basis] ?? c.basis, c.notice, c.by])
)}
<h2>Dữ liệu đã gửi tới</h2>
${table(
  ['Nơi nhận', 'Trạng thái', 'Cập nhật'],
  x.sentTo.map((o) => [targetName[o.target] ?? o.target, o.status, o.updatedAt])
)}
<h2>Ai đã truy cập hồ sơ</h2>
${table(
  ['Lúc', 'Người dùng', 'Thao tác', 'Đối tượng'],
  x.accessLog.map((a) => [a.at, a.actor, a.action, a.entity])
)}
</body></html>
`
}
