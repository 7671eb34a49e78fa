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
  'config.plainHttpRefused':
    'Địa chỉ http://{{host}} không được mã hoá: mã truy cập và dữ liệu bệnh nhân sẽ đi qua mạng ở dạng ai cũng đọc được. Hãy dùng https://, hoặc bộ phận CNTT cho phép http trong tệp cấu hình chung của máy (sync.allowPlainHttp).',
  'config.machineOnly':
    '"{{key}}" chỉ đặt được trong tệp cấu hình chung của máy do bộ phận CNTT quản lý ({{path}}).',
  'config.ignoredEnvironment':
    'Đã bỏ qua biến môi trường {{names}}: kết nối tới HIS/eMCH luôn kiểm tra chứng chỉ bảo mật.',
  'config.ignoredMachinePath':
    'Đã bỏ qua RECEPTION_MACHINE_CONFIG: bản phát hành chỉ đọc cấu hình chung tại {{path}}.',
  'input.tooLarge': 'Yêu cầu quá lớn ({{bytes}} byte, tối đa {{max}} byte). Không có gì được lưu.',
  'sync.noReceipt':
    '{{target}} đã trả lời nhưng không kèm biên nhận xác nhận đã nhận hồ sơ. Hồ sơ vẫn được giữ và sẽ tự gửi lại.'
} as const
