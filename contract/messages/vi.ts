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
  'bhyt.result.000': 'Thẻ BHYT hợp lệ.',
  'bhyt.result.001': 'Thẻ do BHXH Bộ Quốc phòng quản lý: dùng được, hãy kiểm tra giấy tờ.',
  'bhyt.result.002': 'Thẻ do BHXH Bộ Công an quản lý: dùng được, hãy kiểm tra giấy tờ.',
  'bhyt.result.003': 'Thẻ cũ đã hết hạn, đã có thẻ mới: dùng thẻ mới {{newCard}}.',
  'bhyt.result.004': 'Thẻ cũ còn giá trị, đã có thẻ mới {{newCard}}: đề nghị dùng thẻ mới.',
  'bhyt.result.010': 'Thẻ BHYT đã hết hạn: không dùng được (tự chi trả hoặc thẻ khác).',
  'bhyt.result.050': 'Không có thông tin thẻ BHYT: không dùng được.',
  'bhyt.result.051': 'Mã thẻ BHYT sai: hãy sửa mã thẻ và kiểm tra lại.',
  'bhyt.result.052': 'Mã tỉnh trên thẻ BHYT (ký tự 4–5) sai: hãy sửa và kiểm tra lại.',
  'bhyt.result.053': 'Mã quyền lợi trên thẻ BHYT (ký tự 3) sai: hãy sửa và kiểm tra lại.',
  'bhyt.result.054': 'CCCD của cán bộ tra cứu chưa được đăng ký với cổng BHXH: hãy báo CNTT.',
  'bhyt.result.055': 'Họ tên cán bộ tra cứu không khớp CCCD đã đăng ký: hãy báo CNTT.',
  'bhyt.result.060': 'Họ tên không khớp thẻ BHYT: hãy sửa họ tên và kiểm tra lại.',
  'bhyt.result.061': 'Họ tên sai (đúng chữ cái đầu): hãy sửa họ tên và kiểm tra lại.',
  'bhyt.result.070': 'Ngày sinh không khớp thẻ BHYT: hãy sửa ngày sinh và kiểm tra lại.',
  'bhyt.result.110': 'Thẻ BHYT đã bị thu hồi: không dùng được.',
  'bhyt.result.reduced': 'Thẻ BHYT đã báo giảm (chuyển đi, tham gia nơi khác hoặc dừng): không dùng được.',
  'bhyt.result.130': 'Trẻ em chưa xuất trình thẻ: làm theo quy trình trẻ em.',
  'bhyt.result.205': 'Cổng BHXH báo sai định dạng tham số: hãy báo CNTT (lỗi phần mềm).',
  'bhyt.result.gatewayError':
    'Cổng BHXH đang lỗi: tiếp đón bình thường, thẻ “chưa xác minh”, sẽ kiểm tra lại sau.',
  'bhyt.result.unknown': 'Cổng BHXH trả mã kết quả lạ ({{code}}): thẻ “chưa xác minh”, hãy báo CNTT.',
  'bhyt.unavailable':
    'Không kết nối được cổng BHXH: tiếp đón bình thường, thẻ “chưa xác minh”, sẽ kiểm tra lại khi có mạng.',
  'bhyt.checkedElsewhereToday':
    'Thẻ này đã được cơ sở khác kiểm tra hôm nay ({{facility}}): có thể đang khám nơi khác.',
  'error.BHXH_UNAVAILABLE': 'Không kết nối được cổng BHXH. Thẻ BHYT chưa được xác minh; hãy thử lại sau.',
  'error.BHXH_AUTH':
    'Cổng BHXH từ chối tài khoản của cơ sở: hãy báo CNTT kiểm tra tên đăng nhập và mật khẩu.',
  'error.BHXH_NOT_CONFIGURED':
    'Chưa cấu hình cổng BHXH (bhxh.url, bhxh.username, bhxh.password): hãy báo CNTT.',
  'error.BHXH_CLERK_MISSING': 'Cần họ tên và CCCD của cán bộ tra cứu để kiểm tra thẻ BHYT.',
  'slip.title': 'Số thứ tự',
  'slip.time': 'Giờ',
  'slip.patientCode': 'Mã BN',
  'slip.priority': 'Ưu tiên',
  'slip.priority.emergency': 'Cấp cứu',
  'slip.priority.under-6': 'Trẻ dưới 6 tuổi',
  'slip.priority.pregnant': 'Phụ nữ có thai',
  'slip.priority.severe-disability': 'Người khuyết tật nặng',
  'slip.priority.aged-75': 'Người từ 75 tuổi',
  'slip.priority.merit': 'Người có công',
  'error.VISIT_NOT_FOUND': 'Không tìm thấy lượt khám {{visitId}}.',
  'error.PDF_RENDERER_MISSING':
    'Không tìm thấy trình duyệt Chromium để tạo tệp PDF ({{path}}): hãy cài Chromium hoặc đặt CHROMIUM_PATH.',
  'scan.partial': 'Quét chưa trọn, hãy quét lại.',
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
