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
  // accounts, access log, consent (docs/adr/0020)
  'error.UNAUTHENTICATED': 'Hãy đăng nhập để tiếp tục.',
  'error.SESSION_LOCKED': 'Màn hình đang khoá. Nhập mã PIN hoặc mật khẩu để mở.',
  'error.FORBIDDEN': 'Tài khoản của bạn không có quyền làm việc này.',
  'auth.badCredentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'auth.lockedOut': 'Tài khoản tạm khoá vì nhập sai quá {{attempts}} lần. Thử lại sau {{minutes}} phút.',
  'auth.disabled': 'Tài khoản đã bị vô hiệu hoá. Hãy nhờ bộ phận CNTT mở lại.',
  'auth.disabledIdle':
    'Tài khoản không được dùng quá {{days}} ngày nên đã bị vô hiệu hoá. Hãy nhờ bộ phận CNTT mở lại.',
  'auth.setupDone': 'Máy này đã có tài khoản; hãy đăng nhập.',
  'auth.wrongUnlock': 'Mã PIN hoặc mật khẩu không đúng.',
  'auth.passwordTooShort': 'Mật khẩu cần ít nhất {{min}} ký tự.',
  'auth.userExists': 'Tên đăng nhập {{username}} đã có.',
  'auth.userNotFound': 'Không có tài khoản {{username}}.',
  'auth.noDeskUser': 'Chưa có ai đăng nhập ở quầy: hãy đăng nhập trước khi đọc thẻ hoặc quét mã.',
  'auth.lastIt': 'Không thể bỏ tài khoản CNTT cuối cùng còn hoạt động.',
  'consent.required': 'Hãy xác nhận bệnh nhân đồng ý cho đọc chip thẻ CCCD (phím Đ hoặc F2) trước khi đọc.',
  'audit.broken': 'Nhật ký truy cập đã bị sửa hoặc xoá từ dòng {{id}}.'
} as const
