/**
 * Vietnamese texts of every clerk-facing error, warning and status the app produces outside the screen's own
 * labels. The key names the problem; `{{name}}` is a parameter, `{{@name}}` a parameter holding another key of this
 * catalogue (a label, a reason). English lives in en.ts under the same keys (the type makes a missing English
 * text a compile error; test/unit/messages checks both carry the same parameters).
 */
export const vi = {
  // ── General errors ──
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
  'bhyt.clerkNoId':
    'Tài khoản đang đăng nhập chưa có họ tên và số CCCD của cán bộ: không kiểm tra được thẻ BHYT, hãy báo CNTT bổ sung.',
  'bhyt.qrInvalid': 'Mã QR thẻ BHYT/VssID không đọc được: hãy quét lại hoặc nhập mã thẻ.',
  'bhyt.cliNoCardKey': 'Hồ sơ không có số CCCD hay mã thẻ BHYT: không kiểm tra được thẻ.',
  'bhyt.checkOtherPerson':
    'Kết quả kiểm tra thẻ BHYT không khớp số CCCD hay mã thẻ trên phiếu: hãy kiểm tra thẻ lại rồi lưu.',
  'bhyt.checkNotFound': 'Lần kiểm tra thẻ BHYT này không còn dùng được cho lượt khám: hãy kiểm tra thẻ lại.',
  'error.BHXH_UNAVAILABLE': 'Không kết nối được cổng BHXH. Thẻ BHYT chưa được xác minh; hãy thử lại sau.',
  'error.BHXH_AUTH':
    'Cổng BHXH từ chối tài khoản của cơ sở: hãy báo CNTT kiểm tra tên đăng nhập và mật khẩu.',
  'error.BHXH_NOT_CONFIGURED':
    'Chưa cấu hình cổng BHXH (bhxh.url, bhxh.username, bhxh.password): hãy báo CNTT.',
  'error.BHXH_CLERK_MISSING': 'Cần họ tên và CCCD của cán bộ tra cứu để kiểm tra thẻ BHYT.',
  // Visit services and the service-versus-patient checks (contract/rules/visit-checks.ts).
  'visit.service.general': 'Khám bệnh',
  'visit.service.antenatal': 'Khám thai',
  'visit.service.delivery': 'Sinh đẻ',
  'visit.service.postnatal': 'Khám sau sinh',
  'visit.service.child_checkup': 'Khám trẻ em',
  'visit.service.immunisation': 'Tiêm chủng',
  'visit.service.family_planning': 'Kế hoạch hoá gia đình',
  'visit.service.other': 'Khác',
  'visit.check.womenOnly':
    '“{{@service}}” là dịch vụ dành cho phụ nữ nhưng người bệnh ghi giới tính nam: kiểm tra lại dịch vụ hoặc giới tính.',
  'visit.check.childOnly':
    '“{{@service}}” là dịch vụ dành cho trẻ em nhưng người bệnh {{age}} tuổi: kiểm tra lại dịch vụ hoặc ngày sinh.',
  'visit.check.maternalAge':
    '“{{@service}}” cho người bệnh {{age}} tuổi là bất thường: kiểm tra lại dịch vụ hoặc ngày sinh.',
  'visit.check.unconfirmed':
    'Dịch vụ chưa khớp với giới tính hoặc tuổi của người bệnh: hãy kiểm tra và xác nhận trước khi lưu.',
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
  'desk.sameDayVisit': 'Bệnh nhân đã đăng ký hôm nay lúc {{time}} — vẫn đăng ký lượt mới?',
  'desk.tamperedChip':
    'Chip thẻ không qua được kiểm tra chữ ký hoặc chống sao chép: cần xác nhận trước khi lưu hồ sơ từ thẻ này.',
  'desk.visitedToday': 'đã khám hôm nay lúc {{time}}',
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
  'status.restore.done': 'Đã khôi phục {{patients}} bệnh nhân và {{queued}} bản ghi chờ gửi vào {{dir}}.',
  'error.request.unknown': 'Yêu cầu không hợp lệ.',
  'error.request.invalid': 'Dữ liệu gửi lên không hợp lệ.',
  'error.transport.lost':
    'Mất kết nối tới dịch vụ tiếp đón. Dữ liệu trên màn hình vẫn được giữ, hãy thử lại.',

  // ── Card reader (PC/SC) ──
  'error.NO_SERVICE': 'Dịch vụ đọc thẻ (PC/SC) chưa chạy hoặc vừa khởi động lại. Đang thử kết nối lại…',
  'error.NO_SERVICE.cli': 'Dịch vụ đọc thẻ (PC/SC) chưa chạy trên máy này.',
  'error.NO_READER': 'Chưa thấy đầu đọc thẻ. Hãy cắm đầu đọc CCCD vào máy.',
  'error.NO_READER.named': 'Không thấy đầu đọc có tên chứa "{{reader}}".',
  'error.NO_CARD': 'Chưa có thẻ trên đầu đọc. Hãy đặt thẻ CCCD lên đầu đọc.',
  'error.CARD_REMOVED':
    'Thẻ đã bị nhấc ra khỏi đầu đọc khi đang đọc. Hãy đặt lại thẻ và giữ yên cho đến khi đọc xong.',
  'error.SHARING_VIOLATION':
    'Đầu đọc đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại.',
  'error.TIMEOUT': 'Thẻ không phản hồi kịp. Hãy đặt lại thẻ ngay giữa đầu đọc và thử lại.',
  'error.PCSC_INTERNAL': 'Lỗi đầu đọc thẻ không xác định. Hãy rút đầu đọc ra, cắm lại rồi thử lại.',

  // ── Chip (ICAO, DG13) ──
  'error.CHIP_DATA_INVALID': 'Dữ liệu đọc từ chip không hợp lệ. Hãy đặt lại thẻ lên đầu đọc và thử lại.',
  'error.CHIP_DATA_INVALID.field':
    'Dữ liệu chip không hợp lệ ở mục {{@label}} (trường số {{field}}). Hãy đặt lại thẻ lên đầu đọc và thử lại; nếu vẫn lỗi, nhập tay mục này.',
  'error.CHIP_DATA_INVALID.structure':
    'Dữ liệu chip không hợp lệ ở mục cấu trúc tệp DG13. Hãy đặt lại thẻ lên đầu đọc và thử lại; nếu vẫn lỗi, nhập tay thông tin.',
  'error.SM_MAC_INVALID':
    'Kênh bảo mật với chip bị lỗi (sai mã xác thực). Hãy đặt lại thẻ lên đầu đọc và thử lại.',
  'error.BAC_DENIED':
    'Sai thông tin mở khoá chip (số CCCD, ngày sinh hoặc ngày hết hạn không khớp với thẻ). Hãy quét lại mã QR của đúng thẻ này.',
  'error.BAC_DENIED.noKey':
    'Chưa có thông tin để mở khoá chip: hãy quét mã QR trên thẻ hoặc nhập số CCCD và ngày sinh.',
  'error.BAC_DENIED.cardWaiting':
    'Đã có thẻ trên đầu đọc. Hãy quét mã QR trên thẻ (hoặc nhập số CCCD và ngày sinh) để mở chip.',
  'error.FILE_NOT_FOUND': 'Chip không có tệp {{file}}.',
  'error.ACCESS_DENIED': 'Chip không cho phép đọc tệp {{file}}.',
  'error.PASSIVE_AUTH_FAILED':
    'Dữ liệu chip không khớp chữ ký của cơ quan cấp thẻ: thẻ có thể đã bị sửa. Không dùng dữ liệu này.',
  'error.chipKey.inputInvalid':
    'Thông tin mở khoá chip không đúng định dạng (số giấy tờ, ngày sinh YYMMDD, ngày hết hạn YYMMDD).',
  'error.chipKey.fieldInvalid': 'Không tạo được khoá mở chip: {{@what}} không hợp lệ.',
  'error.chipKey.needIdNumber':
    'Cần số định danh 12 chữ số để mở chip. Hãy quét mã QR trên thẻ hoặc nhập số định danh.',
  'error.chipKey.paceUnsupported':
    'Mở chip bằng CAN (PACE) chưa được hỗ trợ; hãy dùng --qr hoặc --id và --dob.',
  'error.chipKey.argFormat': '{{arg}} phải có dạng {{format}}.',
  'error.chipKey.argsMissing':
    'Cần khoá mở chip: --qr TEXT, hoặc --id ID12 --dob YYYY-MM-DD [--expiry YYYY-MM-DD|none], hoặc --mrz-info.',

  // ── QR and scanners ──
  'error.QR_INVALID': 'Mã QR không phải mã QR của thẻ căn cước: {{@reason}}',
  'error.QR_INVALID.empty': 'Chưa có nội dung mã QR.',
  'error.SCAN_DAMAGED':
    'Dữ liệu quét bị hỏng: {{@kind}}. Máy quét đang chạy ở chế độ giả lập bàn phím nên không gửi đúng tiếng Việt. ' +
    'Cách sửa: quét mã cấu hình trong sách hướng dẫn của máy quét để chuyển sang chế độ USB-COM (cổng COM ảo) hoặc HID-POS; ' +
    'nếu bắt buộc dùng chế độ bàn phím, bật chế độ bàn phím Unicode và tắt Unikey/EVKey khi quét. Sau đó quét lại thẻ. ' +
    'Không dùng dữ liệu vừa quét.',
  'error.camera.permission': 'Ứng dụng chưa được phép dùng camera. Hãy cho phép truy cập camera rồi thử lại.',
  'error.camera.no-camera': 'Không tìm thấy camera trên máy này.',
  'error.camera.busy': 'Camera đang được ứng dụng khác sử dụng. Hãy đóng ứng dụng đó rồi thử lại.',
  'error.camera.unsupported': 'Máy này không hỗ trợ dùng camera để quét mã QR.',
  'error.camera.other': 'Không mở được camera để quét mã QR.',
  'error.TIMEOUT.scan': 'Hết thời gian chờ quét mã.',
  'qr.reason.EMPTY': 'không có dữ liệu.',
  'qr.reason.URL': 'đây là một đường dẫn web.',
  'qr.reason.JSON': 'dữ liệu có dạng JSON, không phải dạng của máy quét mã QR trên thẻ.',
  'qr.reason.LABELLED':
    'dữ liệu có nhãn (ví dụ "CCCD:"), không phải dạng gốc của mã QR trên thẻ. Hãy quét trực tiếp mã QR trên thẻ.',
  'qr.reason.BHYT_CARD': 'đây là mã QR của thẻ bảo hiểm y tế.',
  'qr.reason.NOT_PIPE_SEPARATED': 'không có dấu "|" phân cách các mục.',
  'qr.reason.TOO_FEW_FIELDS': 'chỉ có {{count}} mục, cần ít nhất {{min}}.',
  'qr.reason.BAD_ID_NUMBER': 'mục đầu tiên không phải số định danh 12 chữ số.',
  'qr.reason.EMPTY_NAME': 'thiếu họ tên.',
  'qr.reason.BAD_BIRTH_DATE': 'ngày sinh không phải ngày hợp lệ dạng ngàythángnăm (8 chữ số).',
  'qr.reason.BAD_SEX': 'giới tính không phải "Nam" hoặc "Nữ".',
  'qr.reason.BAD_ISSUE_DATE': 'ngày cấp không phải ngày hợp lệ dạng ngàythángnăm (8 chữ số).',
  'qr.reason.TOO_LONG': 'dữ liệu quá dài.',
  'scanDamage.replacement-char': 'có ký tự không đọc được',
  'scanDamage.question-mark': 'chữ có dấu bị thay bằng dấu "?" (ví dụ "Nguy?n")',
  'scanDamage.mojibake': 'chữ có dấu bị biến thành ký tự lạ (ví dụ "NguyÃªn")',
  'scanDamage.alt-code': 'có ký hiệu lạ do máy quét gõ bằng Alt + số',
  'scanDamage.tcvn3': 'chữ bị mã hoá theo bảng mã cũ TCVN3 (ABC)',
  'scanDamage.vni': 'chữ bị mã hoá theo bảng mã cũ VNI',
  'scanDamage.keyboard-layout': 'chữ số hoặc dấu "|" bị đổi do máy quét đặt sai kiểu bàn phím',
  'scanDamage.diacritics-lost': 'chữ tiếng Việt bị mất dấu (ví dụ "Nguyen")',
  'scanDamage.ime': 'bộ gõ tiếng Việt (Unikey/EVKey) đang bật và đã sửa dữ liệu máy quét gõ vào',

  // ── Labels used inside messages ──
  'label.dg13.1': 'Số định danh',
  'label.dg13.2': 'Họ và tên',
  'label.dg13.3': 'Ngày sinh',
  'label.dg13.4': 'Giới tính',
  'label.dg13.5': 'Quốc tịch',
  'label.dg13.6': 'Dân tộc',
  'label.dg13.7': 'Tôn giáo',
  'label.dg13.8': 'Quê quán',
  'label.dg13.9': 'Nơi thường trú',
  'label.dg13.10': 'Đặc điểm nhận dạng',
  'label.dg13.11': 'Ngày cấp',
  'label.dg13.12': 'Ngày hết hạn',
  'label.dg13.13': 'Họ tên cha, mẹ',
  'label.dg13.14': 'Họ tên vợ/chồng',
  'label.dg13.15': 'Số CMND cũ',
  'label.dg13.other': 'trường khác',
  'label.documentNumber': 'số giấy tờ',
  'label.dateOfBirth': 'ngày sinh',
  'label.expiryDate': 'ngày hết hạn',
  'label.issueDate': 'ngày cấp',
  'label.sex.male': 'nam',
  'label.sex.female': 'nữ',
  'label.config.user': 'của máy trạm',
  'label.config.machine': 'chung của máy',

  // ── Warnings about an ID card's data (one key per problem, whichever check found it) ──
  'warning.ID_NOT_12_DIGITS': 'Số định danh phải gồm đúng 12 chữ số.',
  'warning.ID_PROVINCE_UNKNOWN':
    'Ba chữ số đầu của số định danh ({{prefix}}) không phải mã tỉnh đã biết. Hãy đối chiếu với thẻ.',
  'warning.ID_BIRTH_YEAR_MISMATCH':
    'Năm sinh {{birthYear}} không khớp với số định danh (số này ứng với năm sinh {{idYear}}). Hãy đối chiếu với thẻ.',
  'warning.ID_SEX_MISMATCH':
    'Giới tính ghi là {{@givenSex}}, nhưng chữ số thứ 4 của số định danh ứng với giới tính {{@idSex}}. Hãy đối chiếu với thẻ.',
  'warning.OLD_ID_UNUSUAL.qr': 'Số CMND cũ trong mã QR không có dạng 9 hoặc 12 chữ số nên đã bỏ qua.',
  'warning.OLD_ID_UNUSUAL.chip':
    'Số CMND cũ trên chip không có dạng 9 hoặc 12 chữ số nên không được điền vào biểu mẫu.',
  'warning.ISSUE_BEFORE_BIRTH': 'Ngày cấp sớm hơn ngày sinh. Hãy kiểm tra lại.',
  'warning.NO_DIACRITICS':
    'Họ tên và địa chỉ không có dấu tiếng Việt: có thể máy quét đã làm mất dấu. Hãy đối chiếu với thẻ hoặc đọc chip.',
  'warning.SCAN_DAMAGED': '{{@kind}}: dữ liệu quét có thể đã bị máy quét làm hỏng. Hãy đối chiếu với thẻ.',

  // ── Warnings from coding the reception form ──
  'warning.NAME_MISSING': 'Chưa có họ tên.',
  'warning.NAME_TOO_LONG': 'Họ tên dài quá 255 ký tự.',
  'warning.ADDRESS_TOO_LONG': 'Địa chỉ dài quá 1024 ký tự, hãy rút gọn.',
  'warning.DOB_MISSING': 'Chưa có ngày sinh.',
  'warning.DOB_INVALID': 'Ngày sinh {{dob}} không có thật, hãy nhập lại.',
  'warning.DOB_FROM_ID_NUMBER': 'Chỉ biết năm sinh (lấy từ số định danh). Hãy hỏi ngày, tháng sinh.',
  'warning.SEX_MISSING': 'Chưa có giới tính, hãy chọn.',
  'warning.SEX_FROM_ID_NUMBER': 'Giới tính lấy theo số định danh, hãy kiểm tra.',
  'warning.ETHNICITY_MISSING': 'Chưa có dân tộc (mã QR không ghi), hãy chọn.',
  'warning.ETHNICITY_UNKNOWN': 'Không tìm thấy dân tộc "{{text}}" trong danh mục, hãy chọn.',
  'warning.NATIONALITY_UNKNOWN': 'Không tìm thấy quốc tịch "{{text}}", hãy chọn.',
  'warning.NATIONALITY_NO_MOH_CODE': 'Chưa có mã quốc tịch Bộ Y tế cho "{{name}}", hãy chọn theo danh mục.',
  'warning.OCCUPATION_MISSING': 'Thẻ không ghi nghề nghiệp: hãy hỏi và chọn mã nghề (00000 nếu không có).',
  'warning.ADDRESS_MISSING': 'Chưa có địa chỉ nơi cư trú.',
  'warning.ADDRESS_NEEDS_CHOICE': 'Địa chỉ có thể thuộc nhiều xã/phường: hãy chọn đúng đơn vị.',
  'warning.ADDRESS_NEEDS_CHOICE.split':
    '{{commune}} cũ đã được chia cho nhiều xã/phường mới: hãy hỏi người bệnh và chọn đúng đơn vị.',
  'warning.ADDRESS_NOT_FOUND': 'Không nhận ra xã/phường trong địa chỉ: hãy chọn tỉnh và xã/phường.',

  // ── Status bar ──
  'status.reader.notConnected': 'Chưa kết nối đầu đọc thẻ',
  'status.reader.unavailable':
    'Chưa kết nối được dịch vụ đọc thẻ (PC/SC). Hãy kiểm tra đầu đọc CCCD đã cắm vào máy; đang thử kết nối lại…',
  'status.reader.serviceFailed': 'Không dùng được dịch vụ đọc thẻ PC/SC: {{reason}}',
  'status.reader.noReader': 'Chưa thấy đầu đọc thẻ. Hãy cắm đầu đọc CCCD vào máy.',
  'status.reader.ready': 'Đầu đọc sẵn sàng. Hãy đặt thẻ CCCD lên đầu đọc.',
  'status.reader.cardPresent': 'Đã có thẻ trên đầu đọc.',
  'status.reader.reading': 'Đang đọc chip thẻ CCCD…',
  'status.scanner.notDetected': 'Chưa phát hiện máy quét QR',
  'status.scanner.none':
    'Chưa kết nối máy quét QR ở chế độ USB-COM hoặc HID-POS. Quét ở chế độ bàn phím vẫn dùng được nhưng có thể mất dấu tiếng Việt.',
  'status.scanner.serial': 'Máy quét QR: USB-COM {{port}}',
  'status.scanner.hid': 'Máy quét QR: HID-POS {{name}}',
  'status.scanner.serialLost':
    'Máy quét QR ở cổng {{port}} đã ngắt kết nối. Kiểm tra cáp USB; ứng dụng đang tự kết nối lại…',
  'status.scanner.serialCannotOpen':
    'Không mở được máy quét QR ở cổng {{port}}. Kiểm tra cáp USB và cổng COM trong phần Cài đặt; ứng dụng đang thử lại…',
  'status.scanner.hidNoAccess':
    'Tìm thấy máy quét HID-POS nhưng không mở được (thiếu quyền truy cập thiết bị). Hãy báo bộ phận CNTT (Linux: cần quy tắc udev cho hidraw).',
  'status.scanner.serialRetrying':
    'Máy quét QR ở cổng {{port}} đã ngắt kết nối hoặc không mở được; ứng dụng đang thử lại…',
  'status.scanner.failed': 'Lỗi máy quét QR: {{reason}}',

  // ── What a re-scan changes in a stored record ({{@x}}: a label such as "(trống)", or the value itself) ──
  'label.empty': '(trống)',
  'label.noExpiry': 'không thời hạn',
  'label.sexValue.male': 'Nam',
  'label.sexValue.female': 'Nữ',
  'label.sexValue.other': 'Chưa xác định',
  'label.relation.mother': 'mẹ',
  'label.relation.father': 'bố',
  'label.relation.guardian': 'người giám hộ',
  'change.fullName': 'Họ tên: {{before}} → {{after}}',
  'change.dateOfBirth': 'Ngày sinh: {{@before}} → {{@after}}',
  'change.sex': 'Giới tính: {{@before}} → {{@after}}',
  'change.idNumber.replacesOld': 'Số CCCD mới {{@after}} thay cho số CMND cũ {{@before}}',
  'change.idNumber.added': 'Bổ sung số CCCD: {{@after}}',
  'change.idNumber': 'Số CCCD: {{@before}} → {{@after}}',
  'change.oldIdNumber': 'Số CMND cũ: {{@before}} → {{after}}',
  'change.bhyt.removed': 'Bỏ mã thẻ BHYT {{@before}}',
  'change.bhyt.added': 'Bổ sung thẻ BHYT: {{after}}',
  'change.bhyt': 'Thẻ BHYT mới: {{before}} → {{after}}',
  'change.address': 'Địa chỉ mới: {{@after}} (trước đây: {{@before}})',
  'change.addressCodes':
    'Mã địa chỉ: tỉnh {{@provinceBefore}}, xã {{@communeBefore}} → tỉnh {{@provinceAfter}}, xã {{@communeAfter}}',
  'change.card.issue': 'Thẻ căn cước mới: ngày cấp {{@issueBefore}} → {{@issueAfter}}',
  'change.card.expiry': 'Thẻ căn cước mới: có giá trị đến {{@expiryBefore}} → {{@expiryAfter}}',
  'change.card.issueAndExpiry':
    'Thẻ căn cước mới: ngày cấp {{@issueBefore}} → {{@issueAfter}}, có giá trị đến {{@expiryBefore}} → {{@expiryAfter}}',
  'change.ethnicityCode': 'Mã dân tộc: {{@before}} → {{@after}}',
  'change.nationalityCode': 'Mã quốc tịch: {{@before}} → {{@after}}',
  'change.occupationCode': 'Mã nghề nghiệp: {{@before}} → {{@after}}',
  'change.phone': 'Số điện thoại: {{@before}} → {{@after}}',
  'change.guardian.unlinked': 'Bỏ liên kết với {{@relation}} {{name}}',
  'change.guardian.linked': 'Liên kết với {{@relation}}: {{name}}',
  'note.addressMapped': 'Địa chỉ trên thẻ theo đơn vị cũ: {{old}} → {{new}}',

  // ── Patients and reception ──
  'error.patient.notFound': 'Không tìm thấy hồ sơ bệnh nhân.',
  'error.patient.idNumberTaken':
    'Số CCCD {{idNumber}} đã thuộc hồ sơ khác ({{otherName}}). Hãy kiểm tra lại trước khi lưu.',
  'error.patient.identifierNotFound': 'Không tìm thấy bệnh nhân với số giấy tờ này.',
  'error.guardian.notFound':
    'Không tìm thấy hồ sơ của mẹ/người giám hộ. Hãy tiếp đón mẹ/người giám hộ trước (quét CCCD).',
  'error.child.birthWeight': 'Cân nặng lúc sinh phải là số gam từ 200 đến 7000.',
  'error.merge.self': 'Không thể gộp một hồ sơ với chính nó.',
  'error.merge.alreadyMerged': 'Một trong hai hồ sơ đã được gộp trước đó; hãy mở hồ sơ còn lại.',
  'error.merge.differentIds':
    'Hai hồ sơ có số CCCD khác nhau ({{keepId}} và {{mergeId}}): đây là hai người, không thể gộp.',
  'error.merge.notMerged': 'Hồ sơ này chưa được gộp vào hồ sơ nào.',
  'error.merge.trailMissing': 'Không tìm thấy nhật ký của lần gộp này nên không thể tách tự động.',
  'error.register.incomplete': 'Danh tính thiếu thông tin bắt buộc.',
  'error.report.dateRange':
    'Khoảng ngày không hợp lệ: dùng dạng YYYY-MM-DD, ngày bắt đầu không sau ngày kết thúc.',

  // ── Data-quality report (why a record fails the province's audit) ──
  'label.xml1.HO_TEN': 'Họ tên',
  'label.xml1.NGAY_SINH': 'Ngày sinh',
  'label.xml1.GIOI_TINH': 'Giới tính',
  'label.xml1.MA_QUOCTICH': 'Quốc tịch',
  'label.xml1.MA_DANTOC': 'Dân tộc',
  'label.xml1.MA_NGHE_NGHIEP': 'Nghề nghiệp',
  'label.xml1.DIA_CHI': 'Địa chỉ',
  'label.xml1.MATINH_CU_TRU': 'Mã tỉnh cư trú',
  'label.xml1.MAXA_CU_TRU': 'Mã xã cư trú',
  'label.xml1.SO_CCCD': 'Số CCCD/CMND',
  'report.reason.invalidField': 'Dữ liệu không hợp lệ ở trường {{path}}',
  'report.reason.required': 'Thiếu {{@label}} ({{field}})',
  'report.reason.malformed': '{{@label}} ({{field}}): sai định dạng.',
  'report.reason.tooLong': '{{@label}} ({{field}}): dài quá {{max}} ký tự.',
  'report.reason.oldUnitList':
    '{{@label}} ({{field}}): mã xã theo danh mục cũ, hãy chuyển sang đơn vị hành chính hiện hành.',
  'report.reason.bhytFormat': 'Mã thẻ BHYT sai định dạng (mức hưởng phải từ 1 đến 5)',
  'report.reason.dobAfterVisit': 'Ngày sinh sau ngày khám',

  // ── Database and keys ──
  'error.db.keyInvalid':
    'Không mở được cơ sở dữ liệu: khoá mã hoá không đúng hoặc tệp bị hỏng. Hãy báo bộ phận CNTT, không xoá tệp.',
  'error.db.keyFileCorrupt': 'Tệp khoá cơ sở dữ liệu bị hỏng ({{path}}). Hãy báo bộ phận CNTT.',
  'error.db.osKeyStoreUnavailable':
    'Không dùng được kho khoá của hệ điều hành để bảo vệ dữ liệu. Hãy báo bộ phận CNTT.',
  'error.db.sealedKeyCorrupt': 'Khoá cơ sở dữ liệu bị hỏng. Hãy báo bộ phận CNTT.',

  // ── Configuration and sending ──
  'error.config.missing': 'Thiếu cấu hình "{{key}}". Hãy báo bộ phận CNTT (reception config set {{key}} …).',
  'error.config.fileUnreadable':
    'Tệp cấu hình {{@who}} ({{path}}) không đọc được (JSON sai). Hãy báo bộ phận CNTT.',
  'error.config.unknownKey': 'Khoá cấu hình không tồn tại: {{key}}. Các khoá: {{keys}}',
  'error.config.fileValueInvalid':
    'Giá trị cấu hình "{{key}}" trong {{path}} không hợp lệ. Hãy báo bộ phận CNTT.',
  'error.config.lockedByMachine': '"{{key}}" do bộ phận CNTT đặt trong {{path}}; không đổi được tại máy này.',
  'error.config.valueInvalid': 'Giá trị cho "{{key}}" không hợp lệ: {{reason}}',
  'error.config.secretUnreadable':
    'Không giải mã được mật khẩu/mã truy cập đã lưu (khoá dữ liệu đã đổi?). Hãy đặt lại bằng "reception config set".',
  'error.config.caUnreadable':
    'Không đọc được tệp chứng chỉ CA của máy chủ nhận hồ sơ. Hãy báo bộ phận CNTT.',
  'error.config.urlInvalid': 'Địa chỉ máy chủ nhận hồ sơ không hợp lệ. Hãy báo bộ phận CNTT.',
  'error.config.urlProtocol':
    'Địa chỉ máy chủ nhận hồ sơ phải bắt đầu bằng http:// hoặc https://. Hãy báo bộ phận CNTT.',
  'error.config.facilityCode':
    'Chưa cấu hình mã cơ sở khám chữa bệnh (MA_CSKCB, 5 ký tự). Hãy báo bộ phận CNTT.',
  'error.config.noEndpoint': 'Chưa cấu hình địa chỉ gửi cho: {{targets}} (reception config set his.url …).',
  'label.target.xmlFolder': 'thư mục XML 4750',
  'error.target.overloaded': '{{@target}} đang quá tải. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.failing': '{{@target}} đang gặp sự cố (mã {{status}}). Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.inProgress':
    '{{@target}} đang xử lý lần gửi trước của hồ sơ này. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.refused':
    '{{@target}} không chấp nhận kết nối của máy này (mã {{status}}). Hãy báo bộ phận CNTT kiểm tra cấu hình. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.rejected': '{{@target}} từ chối hồ sơ vì dữ liệu không hợp lệ. Hãy sửa hồ sơ rồi gửi lại.',
  'error.target.rejectedSaying': '{{@target}} từ chối hồ sơ: {{said}}. Hãy sửa hồ sơ rồi gửi lại.',
  'error.target.timeout': '{{@target}} không trả lời kịp thời. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.tls':
    'Không xác thực được chứng chỉ bảo mật của {{@target}}. Hãy báo bộ phận CNTT. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.oddReply': '{{@target}} trả lời bất thường. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.stopped': 'Việc gửi tới {{@target}} đã dừng. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.target.unreachable': 'Không kết nối được {{@target}}. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.xml.folderFull':
    'Ổ đĩa của thư mục XML đã đầy. Hãy báo bộ phận CNTT. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.xml.folderWriteFailed':
    'Không ghi được vào thư mục XML 4750. Hãy báo bộ phận CNTT. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.xml.field.empty': '{{label}} ({{field}}, {{table}}) đang để trống. Hãy sửa hồ sơ rồi gửi lại.',
  'error.xml.field.tooLong':
    '{{label}} ({{field}}, {{table}}) dài {{length}} ký tự, vượt quá {{maxLength}} ký tự cho phép. Hãy sửa hồ sơ rồi gửi lại.',
  'error.xml.field.controlChars':
    '{{label}} ({{field}}, {{table}}) chứa ký tự điều khiển không hợp lệ. Hãy sửa hồ sơ rồi gửi lại.',
  'error.xml.field.format':
    '{{label}} ({{field}}, {{table}}) không đúng định dạng. Hãy sửa hồ sơ rồi gửi lại.',
  'error.queue.corruptPayload':
    'Dữ liệu hồ sơ trong hàng đợi bị hỏng, không gửi được. Hãy mở lại hồ sơ, lưu lại rồi gửi lại.',
  'error.queue.connectorCrashed': 'Lỗi không mong muốn khi gửi hồ sơ. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  'error.sync.notRunning': 'Chức năng gửi chưa chạy trên máy này.',
  'error.sync.visitTime': 'Thời gian tiếp đón không hợp lệ, không thể gửi hồ sơ.',
  'error.queue.flushRunning': 'Hàng đợi đang được gửi, vui lòng chờ.',
  'error.queue.notRetryable': 'Không có hồ sơ bị từ chối/bỏ với mã {{ids}} để gửi lại.',

  // ── Catalogue import ──
  'error.import.noUnits': 'Tệp không có đơn vị hành chính nào đọc được.',
  'error.import.badJson': 'Tệp JSON bị lỗi, không đọc được.',
  'error.import.notUnitList': 'Tệp JSON không đúng mẫu danh mục đơn vị hành chính.',
  'error.import.noHeader': 'Không thấy dòng tiêu đề (cần có cột mã và tên phường/xã) trong tệp CSV.',

  // ── Command line (facility IT) ──
  'error.cli.usage': 'Dùng: {{usage}}',
  'error.cli.unknownCommand': 'Lệnh không tồn tại: {{name}}',
  'error.cli.missingFrom': 'Thiếu --from <tệp identity.json>.',
  'error.cli.identityUnreadable': 'Không đọc được tệp danh tính (JSON).',
  'error.cli.identityInvalid': 'Tệp danh tính không đúng định dạng.',
  'error.cli.fileUnreadable': 'Không đọc được tệp {{file}}.',
  'error.cli.oneOf': '{{option}} phải là một trong: {{options}}',
  'error.cli.number': '{{option}} phải là số nguyên ≥ {{min}}.',
  'error.cli.seconds': '{{option}} phải là số giây ≥ 0.',
  'error.cli.queueId': 'Mã hàng đợi không hợp lệ: {{id}}',
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
  'audit.broken': 'Nhật ký truy cập đã bị sửa hoặc xoá từ dòng {{id}}.',
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
  'trust.importNothing': 'Tệp không chứa chứng thư CSCA nào đọc được.',
  'error.card.serviceMissing': 'Chưa có dịch vụ đọc thẻ: hãy kiểm tra đầu đọc hoặc khởi động lại phần mềm.',
  // Machine-wide config (reception config validate-machine / write-machine), for facility IT.
  'machineConfig.unreadable': 'Không đọc được tệp cấu hình chung {{file}}: {{reason}}',
  'machineConfig.invalid': 'Tệp cấu hình chung {{file}} có {{count}} lỗi: {{errors}}',
  'machineConfig.usage':
    'Dùng: reception config validate-machine TỆP | write-machine [--his-url U] [--facility-code C] [--bhxh-url U] [--file TỆP]',
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
    '{{target}} đã trả lời nhưng không kèm biên nhận xác nhận đã nhận hồ sơ. Hồ sơ vẫn được giữ và sẽ tự gửi lại.',
  // The HIS as the facility's shared memory (docs/adr/0024).
  'his.found': 'Đã có trong HIS (đăng ký ở quầy khác): {{name}}.',
  'his.offline': 'Không hỏi được HIS — chỉ tìm trong máy này.',
  // Facility patient codes BN-<desk>-<sequence> (docs/adr/0029).
  'patientCode.deskCodeSet':
    'Mã quầy trong mã bệnh nhân mới: {{code}} (IT đặt bằng desk.code), ví dụ {{example}}.',
  'patientCode.deskCodeDerived':
    'Mã quầy trong mã bệnh nhân mới: {{code}} (tự sinh cho máy này), ví dụ {{example}}.',
  'patientCode.deskCodeProblem': 'desk.code không dùng được ({{problem}}): máy dùng mã tự sinh {{code}}.',
  'patientCode.deskCodeChanged':
    'Đã đổi mã quầy từ {{from}} sang {{to}} khi máy đã có {{count}} bệnh nhân: mã cũ giữ nguyên, bệnh nhân mới nhận mã như {{example}}. Không dùng mã của một quầy khác.',
  // Occupation list import and checks (docs/adr/0030).
  'occupation.import.empty': 'Tệp không có mã nghề nghiệp 5 chữ số nào đọc được; danh mục không đổi.',
  'occupation.import.noHeader': 'Không thấy dòng tiêu đề (cần cột code/mã và name/tên) trong tệp CSV.',
  'occupation.import.notList': 'Tệp JSON phải là một danh sách các mục {code, name}.',
  'occupation.unknownCode': 'Mã nghề nghiệp {{code}} không có trong danh mục đang dùng, hãy kiểm tra.'
} as const
