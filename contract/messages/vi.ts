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
  'error.DB_MISSING':
    'Không thấy tệp dữ liệu bệnh nhân trong {{dir}} (tệp đã bị xoá hoặc rỗng). Phần mềm không tạo dữ liệu mới để tránh hồ sơ trùng và mất hàng chờ gửi. Hãy báo bộ phận CNTT khôi phục: reception --data-dir "{{dir}}" restore --from TỆP_SAO_LƯU.',
  'error.DB_KEY_MISSING':
    'Thiếu tệp khoá của cơ sở dữ liệu trong {{dir}}. Phần mềm không tạo khoá mới vì dữ liệu hiện có sẽ không mở được nữa. Hãy báo bộ phận CNTT đặt lại tệp khoá cũ (db.key) hoặc khôi phục từ bản sao lưu có mật khẩu.',
  'error.DB_WAL_DAMAGED':
    'Nhật ký ghi (WAL) của cơ sở dữ liệu bị cắt hoặc hỏng: những lượt lưu gần nhất không còn đủ. Phần mềm không mở để tránh hiển thị thiếu bệnh nhân. Hãy báo bộ phận CNTT: dùng lại thư mục dữ liệu gốc, hoặc khôi phục từ bản sao lưu.',
  'error.DB_CORRUPT':
    'Cơ sở dữ liệu bị hỏng (kiểm tra toàn vẹn không đạt). Phần mềm không ghi thêm gì. Hãy báo bộ phận CNTT khôi phục từ bản sao lưu, không xoá tệp.',
  'error.DB_READONLY':
    'Không ghi được vào thư mục dữ liệu (chỉ đọc hoặc không có quyền). Dữ liệu chưa được lưu. Hãy báo bộ phận CNTT.',
  'error.BACKUP_INVALID': 'Tệp {{file}} không phải bản sao lưu của phần mềm tiếp đón, hoặc đã bị hỏng.',
  'error.BACKUP_PASSPHRASE_WRONG': 'Mật khẩu bản sao lưu không đúng.',
  'error.BACKUP_NO_KEY':
    'Bản sao lưu này không kèm khoá (tạo không có mật khẩu) và khoá của thư mục {{dir}} không mở được nó. Hãy khôi phục trên máy đã tạo bản sao lưu, hoặc đặt lại tệp khoá cũ (db.key) vào thư mục.',
  'error.BACKUP_PASSPHRASE_EMPTY': 'Chưa nhập mật khẩu (đọc từ đầu vào chuẩn, một dòng).',
  'error.BACKUP_USAGE': 'Dùng: reception backup --to TỆP [--passphrase-stdin]',
  'error.RESTORE_USAGE':
    'Dùng: reception --data-dir THƯ_MỤC restore --from TỆP [--passphrase-stdin] [--force]',
  'error.RESTORE_NEWER_DATA':
    'Dữ liệu đang có trong {{dir}} (lưu lần cuối {{existing}}) mới hơn bản sao lưu ({{backup}}). Không ghi đè. Nếu chắc chắn, chạy lại với --force (dữ liệu cũ được giữ lại thành {{kept}}).',
  'status.backup.done': 'Đã sao lưu {{patients}} bệnh nhân và {{queued}} bản ghi chờ gửi vào {{file}}.',
  'status.restore.done': 'Đã khôi phục {{patients}} bệnh nhân và {{queued}} bản ghi chờ gửi vào {{dir}}.'
} as const
