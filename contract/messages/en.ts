import type { MessageKey } from './keys'

/** English texts, key for key with vi.ts (same `{{params}}`). */
export const en: Record<MessageKey, string> = {
  // ── General errors ──
  'error.VALIDATION': 'The data is not valid.',
  'error.NOT_FOUND': 'Not found.',
  'error.INTERNAL': 'Something unexpected went wrong. What was typed is kept.',
  'error.DISK_FULL': 'The disk is full; nothing was saved. Tell the IT staff.',
  'error.DB_LOCKED': 'The database is busy; please try again.',
  'bhyt.result.000': 'The BHYT card is valid.',
  'bhyt.result.001': 'Card managed by the Defence social-insurance office: usable, check the papers.',
  'bhyt.result.002': 'Card managed by the Public Security social-insurance office: usable, check the papers.',
  'bhyt.result.003': 'The old card expired and a new one was issued: use the new card {{newCard}}.',
  'bhyt.result.004': 'The old card is still valid but a new card {{newCard}} was issued: offer the new card.',
  'bhyt.result.010': 'The BHYT card has expired: not usable (self-pay or another card).',
  'bhyt.result.050': 'No information for this BHYT card: not usable.',
  'bhyt.result.051': 'Wrong BHYT card code: correct it and check again.',
  'bhyt.result.052': 'Wrong province code on the card (characters 4–5): correct it and check again.',
  'bhyt.result.053': 'Wrong benefit code on the card (character 3): correct it and check again.',
  'bhyt.result.054': "The clerk's CCCD is not registered with the BHXH gateway: tell IT.",
  'bhyt.result.055': "The clerk's name does not match the registered CCCD: tell IT.",
  'bhyt.result.060': 'The name does not match the card: correct the name and check again.',
  'bhyt.result.061': 'Wrong name (first letter right): correct the name and check again.',
  'bhyt.result.070': 'The date of birth does not match the card: correct it and check again.',
  'bhyt.result.110': 'The BHYT card was revoked: not usable.',
  'bhyt.result.reduced': 'The card was reported reduced (moved, enrolled elsewhere or stopped): not usable.',
  'bhyt.result.130': 'A child without a card presented: use the child flow.',
  'bhyt.result.205': 'The gateway reports a parameter format error: tell IT (a software bug).',
  'bhyt.result.gatewayError':
    'The BHXH gateway has an error: admit as usual, card "unverified", checked again later.',
  'bhyt.result.unknown':
    'The gateway returned an unknown result code ({{code}}): card "unverified", tell IT.',
  'bhyt.unavailable':
    'The BHXH gateway cannot be reached: admit as usual, card "unverified", checked again when online.',
  'bhyt.checkedElsewhereToday':
    'This card was checked by another facility today ({{facility}}): the patient may be in care elsewhere.',
  'bhyt.clerkNoId':
    'The signed-in account has no staff full name and ID number: the BHYT card cannot be checked, ask IT to add them.',
  'bhyt.qrInvalid': 'The BHYT card / VssID QR cannot be read: scan again or type the card number.',
  'bhyt.cliNoCardKey':
    'The record has neither an ID number nor a BHYT card number: the card cannot be checked.',
  'bhyt.checkOtherPerson':
    'The BHYT check does not match the ID number or card number on the form: check the card again, then save.',
  'bhyt.checkNotFound': 'This BHYT check can no longer be used for a visit: check the card again.',
  'error.BHXH_UNAVAILABLE':
    'The BHXH gateway cannot be reached. The BHYT card is not verified; try again later.',
  'error.BHXH_AUTH':
    "The BHXH gateway refused the facility's account: ask IT to check the user name and password.",
  'error.BHXH_NOT_CONFIGURED':
    'The BHXH gateway is not configured (bhxh.url, bhxh.username, bhxh.password): tell IT.',
  'error.BHXH_CLERK_MISSING': "The clerk's name and CCCD are needed to check a BHYT card.",
  // Visit services and the service-versus-patient checks (contract/rules/visit-checks.ts).
  'visit.service.general': 'General consultation',
  'visit.service.antenatal': 'Antenatal care',
  'visit.service.delivery': 'Delivery',
  'visit.service.postnatal': 'Postnatal care',
  'visit.service.child_checkup': 'Child check-up',
  'visit.service.immunisation': 'Immunisation',
  'visit.service.family_planning': 'Family planning',
  'visit.service.other': 'Other',
  'visit.check.womenOnly':
    '“{{@service}}” is a service for women but the patient is recorded as male: check the service or the sex.',
  'visit.check.childOnly':
    '“{{@service}}” is a service for children but the patient is {{age}} years old: check the service or the date of birth.',
  'visit.check.maternalAge':
    '“{{@service}}” for a patient aged {{age}} is unusual: check the service or the date of birth.',
  'visit.check.unconfirmed':
    'The service does not fit the patient’s sex or age: check it and confirm before saving.',
  'slip.title': 'Queue number',
  'slip.time': 'Time',
  'slip.patientCode': 'Patient code',
  'slip.priority': 'Priority',
  'slip.priority.emergency': 'Emergency',
  'slip.priority.under-6': 'Child under 6',
  'slip.priority.pregnant': 'Pregnant woman',
  'slip.priority.severe-disability': 'Severe disability',
  'slip.priority.aged-75': 'Aged 75 or more',
  'slip.priority.merit': 'Person with merit',
  'error.VISIT_NOT_FOUND': 'Visit {{visitId}} not found.',
  'error.PDF_RENDERER_MISSING':
    'No Chromium found to render the PDF ({{path}}): install Chromium or set CHROMIUM_PATH.',
  'desk.sameDayVisit': 'This patient was already registered today at {{time}} — register another visit?',
  'desk.tamperedChip':
    "The card's chip failed its signature or anti-clone check: confirm before saving a record from this card.",
  'desk.visitedToday': 'already seen today at {{time}}',
  'scan.partial': 'The scan was cut short; please scan again.',
  'error.DB_MISSING':
    'The patient database in {{dir}} is gone or empty. A new empty one is not created (it would cause duplicate records and lose the unsent queue). Ask IT to restore: reception --data-dir "{{dir}}" restore --from BACKUP_FILE.',
  'error.DB_KEY_MISSING':
    'The database key file in {{dir}} is missing. No new key is made: the existing data could never be opened again. Ask IT to put the old key file (db.key) back, or restore from a passphrase backup.',
  'error.DB_WAL_DAMAGED':
    'The database write-ahead log (WAL) is truncated or damaged: the latest saves are not all there. The database is not opened, so that patients do not silently go missing. Ask IT to use the original data folder, or to restore from a backup.',
  'error.DB_CORRUPT':
    'The database is corrupt (integrity check failed). Nothing more is written. Ask IT to restore from a backup; do not delete the file.',
  'error.DB_READONLY':
    'The data folder cannot be written (read-only or no permission). Nothing was saved. Ask IT.',
  'error.BACKUP_INVALID': '{{file}} is not a reception-desk backup, or it is damaged.',
  'error.BACKUP_PASSPHRASE_WRONG': 'The backup passphrase is wrong.',
  'error.BACKUP_NO_KEY':
    'This backup carries no key (it was made without a passphrase) and the key of {{dir}} does not open it. Restore on the PC that made it, or put its old key file (db.key) into the folder.',
  'error.BACKUP_PASSPHRASE_EMPTY': 'No passphrase given (read from standard input, one line).',
  'error.BACKUP_USAGE': 'Usage: reception backup --to FILE [--passphrase-stdin]',
  'error.RESTORE_USAGE': 'Usage: reception --data-dir DIR restore --from FILE [--passphrase-stdin] [--force]',
  'error.RESTORE_NEWER_DATA':
    'The data in {{dir}} (last saved {{existing}}) is newer than the backup ({{backup}}). Not overwritten. If you are sure, run again with --force (the old data is kept as {{kept}}).',
  'status.backup.done': 'Backed up {{patients}} patients and {{queued}} queued records to {{file}}.',
  'status.restore.done': 'Restored {{patients}} patients and {{queued}} queued records into {{dir}}.',
  'error.request.unknown': 'The request is not valid.',
  'error.request.invalid': 'The data sent is not valid.',
  'error.transport.lost':
    'Lost the connection to the reception service. What is on screen is kept; please try again.',

  // ── Card reader (PC/SC) ──
  'error.NO_SERVICE': 'The card reader service (PC/SC) is not running or just restarted. Reconnecting…',
  'error.NO_SERVICE.cli': 'The card reader service (PC/SC) is not running on this computer.',
  'error.NO_READER': 'No card reader found. Plug the CCCD reader into the computer.',
  'error.NO_READER.named': 'No reader whose name contains "{{reader}}".',
  'error.NO_CARD': 'No card on the reader. Place the CCCD card on the reader.',
  'error.CARD_REMOVED':
    'The card was lifted off the reader during the read. Put the card back and hold it still until the read finishes.',
  'error.SHARING_VIOLATION': 'Another program is using the reader. Close that program and try again.',
  'error.TIMEOUT': 'The card did not answer in time. Place it in the middle of the reader and try again.',
  'error.PCSC_INTERNAL': 'Unknown card reader error. Unplug the reader, plug it back in and try again.',

  // ── Chip (ICAO, DG13) ──
  'error.CHIP_DATA_INVALID':
    'The data read from the chip is not valid. Place the card on the reader again and retry.',
  'error.CHIP_DATA_INVALID.field':
    'The chip data is not valid in {{@label}} (field {{field}}). Place the card on the reader again and retry; if it still fails, type this item in.',
  'error.CHIP_DATA_INVALID.structure':
    'The chip data is not valid in the DG13 file structure. Place the card on the reader again and retry; if it still fails, type the details in.',
  'error.SM_MAC_INVALID':
    'The secure channel with the chip failed (wrong authentication code). Place the card on the reader again and retry.',
  'error.BAC_DENIED':
    'Wrong chip unlock details (ID number, date of birth or expiry date do not match the card). Scan the QR code of this very card again.',
  'error.BAC_DENIED.noKey':
    'Nothing to unlock the chip with yet: scan the QR code on the card or type the ID number and date of birth.',
  'error.BAC_DENIED.cardWaiting':
    'A card is on the reader. Scan the QR code on the card (or type the ID number and date of birth) to open the chip.',
  'error.FILE_NOT_FOUND': 'The chip has no file {{file}}.',
  'error.ACCESS_DENIED': 'The chip does not allow reading file {{file}}.',
  'error.PASSIVE_AUTH_FAILED':
    "The chip data does not match the issuing authority's signature: the card may have been altered. Do not use this data.",
  'error.chipKey.inputInvalid':
    'The chip unlock details are malformed (document number, date of birth YYMMDD, expiry date YYMMDD).',
  'error.chipKey.fieldInvalid': 'Cannot make the chip key: the {{@what}} is not valid.',
  'error.chipKey.needIdNumber':
    'A 12-digit ID number is needed to open the chip. Scan the QR code on the card or type the ID number.',
  'error.chipKey.paceUnsupported':
    'Opening the chip with a CAN (PACE) is not supported yet; use --qr or --id and --dob.',
  'error.chipKey.argFormat': '{{arg}} must have the form {{format}}.',
  'error.chipKey.argsMissing':
    'A chip key is needed: --qr TEXT, or --id ID12 --dob YYYY-MM-DD [--expiry YYYY-MM-DD|none], or --mrz-info.',

  // ── QR and scanners ──
  'error.QR_INVALID': 'This is not the QR code of a citizen ID card: {{@reason}}',
  'error.QR_INVALID.empty': 'The QR code text is empty.',
  'error.SCAN_DAMAGED':
    'The scan is damaged: {{@kind}}. The scanner runs in keyboard-emulation mode and does not send Vietnamese correctly. ' +
    "To fix: scan the setup code in the scanner's manual to switch it to USB-COM (virtual COM port) or HID-POS mode; " +
    'if keyboard mode is a must, turn on Unicode keyboard mode and turn off Unikey/EVKey while scanning. Then scan the card again. ' +
    'Do not use the data just scanned.',
  'error.camera.permission': 'The app may not use the camera yet. Allow camera access and try again.',
  'error.camera.no-camera': 'No camera found on this computer.',
  'error.camera.busy': 'Another application is using the camera. Close it and try again.',
  'error.camera.unsupported': 'This computer cannot use a camera to scan QR codes.',
  'error.camera.other': 'Cannot open the camera to scan the QR code.',
  'error.TIMEOUT.scan': 'No scan arrived in time.',
  'qr.reason.EMPTY': 'there is no data.',
  'qr.reason.URL': 'it is a web address.',
  'qr.reason.JSON': "the data is JSON, not the card QR's format.",
  'qr.reason.LABELLED':
    'the data is labelled (e.g. "CCCD:"), not the raw card QR format. Scan the QR code on the card directly.',
  'qr.reason.BHYT_CARD': 'it is the QR code of a health-insurance (BHYT) card.',
  'qr.reason.NOT_PIPE_SEPARATED': 'there are no "|" separators between the items.',
  'qr.reason.TOO_FEW_FIELDS': 'only {{count}} items, at least {{min}} needed.',
  'qr.reason.BAD_ID_NUMBER': 'the first item is not a 12-digit ID number.',
  'qr.reason.EMPTY_NAME': 'the full name is missing.',
  'qr.reason.BAD_BIRTH_DATE': 'the date of birth is not a valid ddMMyyyy date (8 digits).',
  'qr.reason.BAD_SEX': 'the sex is not "Nam" or "Nữ".',
  'qr.reason.BAD_ISSUE_DATE': 'the issue date is not a valid ddMMyyyy date (8 digits).',
  'qr.reason.TOO_LONG': 'the data is too long.',
  'scanDamage.replacement-char': 'it has unreadable characters',
  'scanDamage.question-mark': 'accented letters were replaced by "?" (e.g. "Nguy?n")',
  'scanDamage.mojibake': 'accented letters turned into odd characters (e.g. "NguyÃªn")',
  'scanDamage.alt-code': 'it has odd symbols from a scanner typing Alt + number codes',
  'scanDamage.tcvn3': 'the text is in the old TCVN3 (ABC) encoding',
  'scanDamage.vni': 'the text is in the old VNI encoding',
  'scanDamage.keyboard-layout': 'digits or "|" were changed by a scanner set to the wrong keyboard layout',
  'scanDamage.diacritics-lost': 'the Vietnamese accents were dropped (e.g. "Nguyen")',
  'scanDamage.ime': 'a Vietnamese input method (Unikey/EVKey) is on and rewrote what the scanner typed',

  // ── Labels used inside messages ──
  'label.dg13.1': 'ID number',
  'label.dg13.2': 'Full name',
  'label.dg13.3': 'Date of birth',
  'label.dg13.4': 'Sex',
  'label.dg13.5': 'Nationality',
  'label.dg13.6': 'Ethnicity',
  'label.dg13.7': 'Religion',
  'label.dg13.8': 'Place of origin',
  'label.dg13.9': 'Place of residence',
  'label.dg13.10': 'Identifying features',
  'label.dg13.11': 'Issue date',
  'label.dg13.12': 'Expiry date',
  'label.dg13.13': "Parents' names",
  'label.dg13.14': "Spouse's name",
  'label.dg13.15': 'Old ID number',
  'label.dg13.other': 'another field',
  'label.documentNumber': 'document number',
  'label.dateOfBirth': 'date of birth',
  'label.expiryDate': 'expiry date',
  'label.issueDate': 'issue date',
  'label.sex.male': 'male',
  'label.sex.female': 'female',
  'label.config.user': 'of this workstation',
  'label.config.machine': 'shared by the machine',

  // ── Warnings about an ID card's data ──
  'warning.ID_NOT_12_DIGITS': 'The ID number must be exactly 12 digits.',
  'warning.ID_PROVINCE_UNKNOWN':
    'The first three digits of the ID number ({{prefix}}) are not a known province code. Check against the card.',
  'warning.ID_BIRTH_YEAR_MISMATCH':
    'Birth year {{birthYear}} does not match the ID number (it implies birth year {{idYear}}). Check against the card.',
  'warning.ID_SEX_MISMATCH':
    'The sex given is {{@givenSex}}, but the 4th digit of the ID number implies {{@idSex}}. Check against the card.',
  'warning.OLD_ID_UNUSUAL.qr': 'The old ID number in the QR code is not 9 or 12 digits, so it was left out.',
  'warning.OLD_ID_UNUSUAL.chip':
    'The old ID number on the chip is not 9 or 12 digits, so it was not put in the form.',
  'warning.ISSUE_BEFORE_BIRTH': 'The issue date is before the date of birth. Please check.',
  'warning.NO_DIACRITICS':
    'The name and address carry no Vietnamese accents: the scanner may have dropped them. Check against the card or read the chip.',
  'warning.SCAN_DAMAGED': '{{@kind}}: the scanner may have damaged the scanned data. Check against the card.',

  // ── Warnings from coding the reception form ──
  'warning.NAME_MISSING': 'The full name is missing.',
  'warning.NAME_TOO_LONG': 'The full name is longer than 255 characters.',
  'warning.ADDRESS_TOO_LONG': 'The address is longer than 1024 characters; shorten it.',
  'warning.DOB_MISSING': 'The date of birth is missing.',
  'warning.DOB_INVALID': 'Date of birth {{dob}} is not a real date; enter it again.',
  'warning.DOB_FROM_ID_NUMBER':
    'Only the birth year is known (from the ID number). Ask for the day and month of birth.',
  'warning.SEX_MISSING': 'The sex is missing; choose one.',
  'warning.SEX_FROM_ID_NUMBER': 'The sex was taken from the ID number; please check.',
  'warning.ETHNICITY_MISSING': 'The ethnicity is not known (the QR code does not carry it); choose one.',
  'warning.ETHNICITY_UNKNOWN': 'Ethnicity "{{text}}" is not in the catalogue; choose one.',
  'warning.NATIONALITY_UNKNOWN': 'Nationality "{{text}}" was not found; choose one.',
  'warning.NATIONALITY_NO_MOH_CODE':
    'No Ministry of Health nationality code for "{{name}}" yet; choose from the catalogue.',
  'warning.OCCUPATION_MISSING':
    'The card does not show an occupation: ask and pick an occupation code (00000 for none).',
  'warning.ADDRESS_MISSING': 'The residence address is missing.',
  'warning.ADDRESS_NEEDS_CHOICE': 'The address may belong to several communes/wards: choose the right one.',
  'warning.ADDRESS_NEEDS_CHOICE.split':
    'The former {{commune}} was split into several new communes/wards: ask the patient and choose the right one.',
  'warning.ADDRESS_NOT_FOUND':
    'No commune/ward recognised in the address: choose the province and commune/ward.',

  // ── Status bar ──
  'status.reader.notConnected': 'Card reader not connected',
  'status.reader.unavailable':
    'Cannot reach the card reader service (PC/SC). Check that the CCCD reader is plugged in; reconnecting…',
  'status.reader.serviceFailed': 'The PC/SC card reader service cannot be used: {{reason}}',
  'status.reader.noReader': 'No card reader found. Plug the CCCD reader into the computer.',
  'status.reader.ready': 'Reader ready. Place a CCCD card on the reader.',
  'status.reader.cardPresent': 'A card is on the reader.',
  'status.reader.reading': 'Reading the CCCD chip…',
  'status.scanner.notDetected': 'No QR scanner detected',
  'status.scanner.none':
    'No QR scanner connected in USB-COM or HID-POS mode. Scanning in keyboard mode still works but may lose Vietnamese accents.',
  'status.scanner.serial': 'QR scanner: USB-COM {{port}}',
  'status.scanner.hid': 'QR scanner: HID-POS {{name}}',
  'status.scanner.serialLost':
    'The QR scanner on port {{port}} disconnected. Check the USB cable; reconnecting…',
  'status.scanner.serialCannotOpen':
    'Cannot open the QR scanner on port {{port}}. Check the USB cable and the COM port in Settings; retrying…',
  'status.scanner.hidNoAccess':
    'Found an HID-POS scanner but cannot open it (no device access). Tell the IT staff (Linux: a udev rule for hidraw is needed).',
  'status.scanner.serialRetrying':
    'The QR scanner on port {{port}} disconnected or cannot be opened; retrying…',
  'status.scanner.failed': 'QR scanner error: {{reason}}',

  // ── What a re-scan changes in a stored record ──
  'label.empty': '(empty)',
  'label.noExpiry': 'no expiry',
  'label.sexValue.male': 'Male',
  'label.sexValue.female': 'Female',
  'label.sexValue.other': 'Not stated',
  'label.relation.mother': 'mother',
  'label.relation.father': 'father',
  'label.relation.guardian': 'guardian',
  'change.fullName': 'Full name: {{before}} → {{after}}',
  'change.dateOfBirth': 'Date of birth: {{@before}} → {{@after}}',
  'change.sex': 'Sex: {{@before}} → {{@after}}',
  'change.idNumber.replacesOld': 'New ID number {{@after}} replaces the old ID number {{@before}}',
  'change.idNumber.added': 'ID number added: {{@after}}',
  'change.idNumber': 'ID number: {{@before}} → {{@after}}',
  'change.oldIdNumber': 'Old ID number: {{@before}} → {{after}}',
  'change.bhyt.removed': 'Health-insurance card {{@before}} removed',
  'change.bhyt.added': 'Health-insurance card added: {{after}}',
  'change.bhyt': 'New health-insurance card: {{before}} → {{after}}',
  'change.address': 'New address: {{@after}} (before: {{@before}})',
  'change.addressCodes':
    'Address codes: province {{@provinceBefore}}, commune {{@communeBefore}} → province {{@provinceAfter}}, commune {{@communeAfter}}',
  'change.card.issue': 'New ID card: issued {{@issueBefore}} → {{@issueAfter}}',
  'change.card.expiry': 'New ID card: valid until {{@expiryBefore}} → {{@expiryAfter}}',
  'change.card.issueAndExpiry':
    'New ID card: issued {{@issueBefore}} → {{@issueAfter}}, valid until {{@expiryBefore}} → {{@expiryAfter}}',
  'change.ethnicityCode': 'Ethnicity code: {{@before}} → {{@after}}',
  'change.nationalityCode': 'Nationality code: {{@before}} → {{@after}}',
  'change.occupationCode': 'Occupation code: {{@before}} → {{@after}}',
  'change.phone': 'Phone: {{@before}} → {{@after}}',
  'change.guardian.unlinked': 'Unlinked from {{@relation}} {{name}}',
  'change.guardian.linked': 'Linked to {{@relation}}: {{name}}',
  'note.addressMapped': 'The card shows the address in the former units: {{old}} → {{new}}',

  // ── Patients and reception ──
  'error.patient.notFound': 'Patient record not found.',
  'error.patient.idNumberTaken':
    'ID number {{idNumber}} already belongs to another record ({{otherName}}). Check before saving.',
  'error.patient.identifierNotFound': 'No patient with this document number.',
  'error.guardian.notFound':
    "The mother's/guardian's record was not found. Register the mother/guardian first (scan the CCCD).",
  'error.child.birthWeight': 'Birth weight must be a number of grams from 200 to 7000.',
  'error.merge.self': 'A record cannot be merged with itself.',
  'error.merge.alreadyMerged': 'One of the two records was already merged; open the other record.',
  'error.merge.differentIds':
    'The two records have different ID numbers ({{keepId}} and {{mergeId}}): they are two people and cannot be merged.',
  'error.merge.notMerged': 'This record is not merged into another.',
  'error.merge.trailMissing': 'The log of this merge was not found, so it cannot be undone automatically.',
  'error.register.incomplete': 'The identity lacks required details.',
  'error.report.dateRange': 'Invalid date range: use YYYY-MM-DD, the start not after the end.',

  // ── Data-quality report ──
  'label.xml1.HO_TEN': 'Full name',
  'label.xml1.NGAY_SINH': 'Date of birth',
  'label.xml1.GIOI_TINH': 'Sex',
  'label.xml1.MA_QUOCTICH': 'Nationality',
  'label.xml1.MA_DANTOC': 'Ethnicity',
  'label.xml1.MA_NGHE_NGHIEP': 'Occupation',
  'label.xml1.DIA_CHI': 'Address',
  'label.xml1.MATINH_CU_TRU': 'Province of residence code',
  'label.xml1.MAXA_CU_TRU': 'Commune of residence code',
  'label.xml1.SO_CCCD': 'ID number',
  'report.reason.invalidField': 'Invalid data in field {{path}}',
  'report.reason.required': '{{@label}} ({{field}}) is missing',
  'report.reason.malformed': '{{@label}} ({{field}}): wrong format.',
  'report.reason.tooLong': '{{@label}} ({{field}}): longer than {{max}} characters.',
  'report.reason.oldUnitList':
    '{{@label}} ({{field}}): commune code from the former unit list; move it to the administrative unit in force.',
  'report.reason.bhytFormat': 'Health-insurance card number is malformed (the benefit level must be 1 to 5)',
  'report.reason.dobAfterVisit': 'Date of birth is after the visit date',

  // ── Database and keys ──
  'error.db.keyInvalid':
    'Cannot open the database: the encryption key is wrong or the file is damaged. Tell the IT staff; do not delete the file.',
  'error.db.keyFileCorrupt': 'The database key file is damaged ({{path}}). Tell the IT staff.',
  'error.db.osKeyStoreUnavailable':
    "The operating system's key store cannot be used to protect the data. Tell the IT staff.",
  'error.db.sealedKeyCorrupt': 'The database key is damaged. Tell the IT staff.',

  // ── Configuration and sending ──
  'error.config.missing': 'Setting "{{key}}" is missing. Tell the IT staff (reception config set {{key}} …).',
  'error.config.fileUnreadable':
    'The settings file {{@who}} ({{path}}) cannot be read (bad JSON). Tell the IT staff.',
  'error.config.unknownKey': 'No such setting: {{key}}. Settings: {{keys}}',
  'error.config.fileValueInvalid':
    'The value of setting "{{key}}" in {{path}} is not valid. Tell the IT staff.',
  'error.config.lockedByMachine':
    '"{{key}}" is set by the IT staff in {{path}}; it cannot be changed on this computer.',
  'error.config.valueInvalid': 'The value for "{{key}}" is not valid: {{reason}}',
  'error.config.secretUnreadable':
    'Cannot decrypt the stored password/access token (did the data key change?). Set it again with "reception config set".',
  'error.config.caUnreadable': "Cannot read the receiving server's CA certificate file. Tell the IT staff.",
  'error.config.urlInvalid': "The receiving server's address is not valid. Tell the IT staff.",
  'error.config.urlProtocol':
    "The receiving server's address must start with http:// or https://. Tell the IT staff.",
  'error.config.facilityCode': 'The facility code (MA_CSKCB, 5 characters) is not set. Tell the IT staff.',
  'error.config.noEndpoint': 'No sending address set for: {{targets}} (reception config set his.url …).',
  'label.target.xmlFolder': 'the XML 4750 folder',
  'error.target.overloaded':
    '{{@target}} is overloaded. The record is kept and will be sent again by itself.',
  'error.target.failing':
    '{{@target}} has a problem (code {{status}}). The record is kept and will be sent again by itself.',
  'error.target.inProgress':
    '{{@target}} is still processing the previous sending of this record. The record is kept and will be sent again by itself.',
  'error.target.refused':
    '{{@target}} does not accept connections from this computer (code {{status}}). Ask the IT staff to check the settings. The record is kept and will be sent again by itself.',
  'error.target.rejected':
    '{{@target}} refused the record because the data is not valid. Fix the record and send it again.',
  'error.target.rejectedSaying':
    '{{@target}} refused the record: {{said}}. Fix the record and send it again.',
  'error.target.timeout':
    '{{@target}} did not answer in time. The record is kept and will be sent again by itself.',
  'error.target.tls':
    'The security certificate of {{@target}} could not be verified. Tell the IT staff. The record is kept and will be sent again by itself.',
  'error.target.oddReply':
    '{{@target}} gave an unexpected answer. The record is kept and will be sent again by itself.',
  'error.target.stopped':
    'Sending to {{@target}} was stopped. The record is kept and will be sent again by itself.',
  'error.target.unreachable':
    'Cannot connect to {{@target}}. The record is kept and will be sent again by itself.',
  'error.xml.folderFull':
    'The disk of the XML folder is full. Tell the IT staff. The record is kept and will be sent again by itself.',
  'error.xml.folderWriteFailed':
    'Cannot write to the XML 4750 folder. Tell the IT staff. The record is kept and will be sent again by itself.',
  'error.xml.field.empty': '"{{label}}" ({{field}}, {{table}}) is empty. Fix the record and send it again.',
  'error.xml.field.tooLong':
    '"{{label}}" ({{field}}, {{table}}) is {{length}} characters long, more than the {{maxLength}} allowed. Fix the record and send it again.',
  'error.xml.field.controlChars':
    '"{{label}}" ({{field}}, {{table}}) contains control characters XML cannot carry. Fix the record and send it again.',
  'error.xml.field.format':
    '"{{label}}" ({{field}}, {{table}}) is not in the right format. Fix the record and send it again.',
  'error.queue.corruptPayload':
    'The queued record data is damaged and cannot be sent. Open the record, save it and send it again.',
  'error.queue.connectorCrashed':
    'Unexpected error while sending the record. The record is kept and will be sent again by itself.',
  'error.sync.notRunning': 'Sending is not running on this computer.',
  'error.sync.visitTime': 'The reception time is not valid; the record cannot be sent.',
  'error.queue.flushRunning': 'The queue is being sent; please wait.',
  'error.queue.notRetryable': 'No refused/dropped record with id {{ids}} to send again.',

  // ── Catalogue import ──
  'error.import.noUnits': 'The file has no readable administrative units.',
  'error.import.badJson': 'The JSON file is damaged and cannot be read.',
  'error.import.notUnitList': 'The JSON file is not an administrative unit list.',
  'error.import.noHeader': 'No header row (commune code and name columns are needed) in the CSV file.',

  // ── Command line (facility IT) ──
  'error.cli.usage': 'Usage: {{usage}}',
  'error.cli.unknownCommand': 'Unknown command: {{name}}',
  'error.cli.missingFrom': 'Missing --from <identity.json file>.',
  'error.cli.identityUnreadable': 'Cannot read the identity file (JSON).',
  'error.cli.identityInvalid': 'The identity file is malformed.',
  'error.cli.fileUnreadable': 'Cannot read file {{file}}.',
  'error.cli.oneOf': '{{option}} must be one of: {{options}}',
  'error.cli.number': '{{option}} must be an integer ≥ {{min}}.',
  'error.cli.seconds': '{{option}} must be a number of seconds ≥ 0.',
  'error.cli.queueId': 'Invalid queue id: {{id}}',
  // accounts, access log, consent (docs/adr/0020)
  'error.UNAUTHENTICATED': 'Sign in to continue.',
  'error.SESSION_LOCKED': 'The screen is locked. Enter your PIN or password to unlock it.',
  'error.FORBIDDEN': 'Your account is not allowed to do this.',
  'auth.badCredentials': 'Wrong username or password.',
  'auth.lockedOut':
    'The account is locked after {{attempts}} failed attempts. Try again in {{minutes}} minutes.',
  'auth.disabled': 'The account is disabled. Ask the IT staff to enable it.',
  'auth.disabledIdle':
    'The account was not used for {{days}} days and has been disabled. Ask the IT staff to enable it.',
  'auth.setupDone': 'This machine already has accounts; sign in.',
  'auth.wrongUnlock': 'Wrong PIN or password.',
  'auth.passwordTooShort': 'The password needs at least {{min}} characters.',
  'auth.userExists': 'The username {{username}} is taken.',
  'auth.userNotFound': 'There is no account {{username}}.',
  'auth.noDeskUser': 'Nobody is signed in at the desk: sign in before reading a card or scanning a code.',
  'auth.lastIt': 'The last active IT account cannot be removed.',
  'consent.required':
    'Confirm that the patient agrees to the chip being read (key "Đ" or F2) before reading it.',
  'audit.broken': 'The access log was edited or cut from row {{id}}.',
  // chip access, anti-clone and trust (ADR 0018)
  'chip.keyRefused':
    'The chip refused the key ({{protocol}}): the ID number (last 6 digits), date of birth or expiry does not match this card. Check them again.',
  'chip.noKeys':
    'A card is on the reader. Type the last 6 digits of the ID number (or scan the QR code) to open the chip.',
  'chip.canFormat': 'The CAN is exactly 6 digits (the last 6 digits of the ID number).',
  'chip.cloneSuspected':
    'The chip could not prove it is the original chip of this card ({{check}} failed): the card may be a clone. Do not use this data; tell IT.',
  'chip.trust.verified': 'Chip ✓: data intact, signed by a trusted issuing authority.',
  'chip.trust.intact':
    'Chip: data intact and signed, but the signer is not verified (the national CSCA certificate has not been imported).',
  'chip.trust.altered':
    'Chip ✗: the chip data does not match its signature; the card may have been altered. Do not use this data.',
  'chip.trust.unchecked': 'Chip: the data signature could not be checked.',
  'chip.trust.newSignerIssuer':
    'This card was signed under an issuer never seen on this computer before; it has been noted for IT to check.',
  'trust.importNothing': 'The file holds no readable CSCA certificate.',
  'error.card.serviceMissing':
    'The card-reading service is not running: check the reader or restart the app.',
  'machineConfig.unreadable': 'Cannot read the machine-wide config {{file}}: {{reason}}',
  'machineConfig.invalid': 'The machine-wide config {{file}} has {{count}} error(s): {{errors}}',
  'machineConfig.usage':
    'Usage: reception config validate-machine FILE | write-machine [--his-url U] [--facility-code C] [--bhxh-url U] [--file FILE]',
  'config.plainHttpRefused':
    'http://{{host}} is not encrypted: the access token and patient data would cross the network readable by anyone. Use https://, or IT allows plain http in the machine config (sync.allowPlainHttp).',
  'config.machineOnly': '"{{key}}" can only be set in the machine config IT manages ({{path}}).',
  'config.ignoredEnvironment':
    'Ignored the environment variables {{names}}: connections to the HIS/eMCH always verify certificates.',
  'config.ignoredMachinePath':
    'Ignored RECEPTION_MACHINE_CONFIG: a release build reads the machine config only from {{path}}.',
  'input.tooLarge': 'The request is too large ({{bytes}} bytes, at most {{max}}). Nothing was saved.',
  'sync.noReceipt':
    'The {{target}} answered without a receipt that it took the record. The record is kept and will be sent again.',
  // The HIS as the facility's shared memory (docs/adr/0024).
  'his.found': 'Already in the HIS (registered at another desk): {{name}}.',
  'his.offline': 'Could not ask the HIS — searched this computer only.',
  // Facility patient codes BN-<desk>-<sequence> (docs/adr/0029).
  'patientCode.deskCodeSet':
    'Desk code in new patient codes: {{code}} (set by IT in desk.code), e.g. {{example}}.',
  'patientCode.deskCodeDerived':
    'Desk code in new patient codes: {{code}} (derived for this computer), e.g. {{example}}.',
  'patientCode.deskCodeProblem':
    'desk.code is unusable ({{problem}}): this computer uses its derived code {{code}}.',
  'patientCode.deskCodeChanged':
    "Desk code changed from {{from}} to {{to}} while this computer has {{count}} patients: existing codes stay, new patients get codes like {{example}}. Do not use another desk's code.",
  // Occupation list import and checks (docs/adr/0030).
  'occupation.import.empty': 'The file has no readable 5-digit occupation code; the list is unchanged.',
  'occupation.import.noHeader': 'No header row (code and name columns are needed) in the CSV file.',
  'occupation.import.notList': 'The JSON file must be a list of {code, name} entries.',
  'occupation.unknownCode': 'Occupation code {{code}} is not in the list in use; please check it.'
}
