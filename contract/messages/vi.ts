/**
 * Vietnamese texts of every clerk-facing error, warning and status the app produces outside the screen's own
 * labels. The key is the problem's code; `{{name}}` is a parameter. English lives in en.ts under the same keys
 * (the type makes a missing English text a compile error).
 */
export const vi = {
  'error.VALIDATION': 'Dữ liệu chưa hợp lệ.',
  'error.NOT_FOUND': 'Không tìm thấy.',
  'error.INTERNAL': 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã nhập vẫn được giữ.',
  'error.DISK_FULL': 'Ổ đĩa đã đầy, dữ liệu chưa được lưu. Hãy báo bộ phận CNTT.',
  'error.DB_LOCKED': 'Cơ sở dữ liệu đang bận, vui lòng thử lại.',
  // chip access, anti-clone and trust (ADR 0018)
  'chip.keyRefused':
    'Chip từ chối khoá mở ({{protocol}}): số CCCD (6 số cuối), ngày sinh hoặc ngày hết hạn không khớp với thẻ. Hãy kiểm tra lại.',
  'chip.noKeys': 'Đã có thẻ trên đầu đọc. Hãy nhập 6 số cuối của số CCCD (hoặc quét mã QR) để mở chip.',
  'chip.canFormat': 'Mã CAN gồm đúng 6 chữ số (6 số cuối của số CCCD).',
  'chip.cloneSuspected':
    'Chip không chứng minh được là chip gốc của thẻ ({{check}} thất bại): thẻ có thể là bản sao. Không dùng dữ liệu này, báo bộ phận CNTT.',
  'chip.trust.verified': 'Chip ✓: dữ liệu nguyên vẹn, ký bởi cơ quan cấp thẻ đã được tin cậy.',
  'chip.trust.intact':
    'Chip: dữ liệu nguyên vẹn và có chữ ký, nhưng chưa xác minh được người ký (chưa nhập chứng thư CSCA quốc gia).',
  'chip.trust.altered':
    'Chip ✗: dữ liệu chip không khớp chữ ký, thẻ có thể đã bị sửa. Không dùng dữ liệu này.',
  'chip.trust.unchecked': 'Chip: chưa kiểm tra được chữ ký dữ liệu.',
  'chip.trust.newSignerIssuer':
    'Thẻ này được ký bởi một đơn vị phát hành chưa từng gặp trên máy này; đã ghi lại để bộ phận CNTT kiểm tra.',
  'trust.importNothing': 'Tệp không chứa chứng thư CSCA nào đọc được.'
} as const
