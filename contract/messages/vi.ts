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
  'scan.partial': 'Quét chưa trọn, hãy quét lại.'
} as const
