/** DG13 field numbers (docs/cccd-card.md §5.2) and the Vietnamese names used in error messages. */
export const DG13_FIELD = {
  idNumber: 1,
  fullName: 2,
  dateOfBirth: 3,
  sex: 4,
  nationality: 5,
  ethnicity: 6,
  religion: 7,
  placeOfOrigin: 8,
  placeOfResidence: 9,
  identifyingFeatures: 10,
  issueDate: 11,
  expiryDate: 12,
  parents: 13,
  spouse: 14,
  oldIdNumber: 15
} as const

export const DG13_FIELD_LABEL_VI: Readonly<Record<number, string>> = {
  1: 'Số định danh',
  2: 'Họ và tên',
  3: 'Ngày sinh',
  4: 'Giới tính',
  5: 'Quốc tịch',
  6: 'Dân tộc',
  7: 'Tôn giáo',
  8: 'Quê quán',
  9: 'Nơi thường trú',
  10: 'Đặc điểm nhận dạng',
  11: 'Ngày cấp',
  12: 'Ngày hết hạn',
  13: 'Họ tên cha, mẹ',
  14: 'Họ tên vợ/chồng',
  15: 'Số CMND cũ'
}

/** Which card a read came from: labels of fields 8 and 9 changed with the 2024 card. */
export type CardGeneration = 'cccd2021' | 'cancuoc2024' | 'unknown'

/** Cards issued from 1 July 2024 are "Căn cước" cards under Luật Căn cước 2023. */
export const CAN_CUOC_LAW_START = '2024-07-01'

export function cardGeneration(issueDate: string | null): CardGeneration {
  if (issueDate === null) return 'unknown'
  return issueDate >= CAN_CUOC_LAW_START ? 'cancuoc2024' : 'cccd2021'
}

export interface CardFieldLabels {
  placeOfOrigin: string
  placeOfResidence: string
}

/** The labels printed on the card face for DG13 fields 8 and 9 (docs/cccd-card.md §1, §5.3). */
export function cardFieldLabels(generation: CardGeneration): CardFieldLabels {
  if (generation === 'cancuoc2024')
    return { placeOfOrigin: 'Nơi đăng ký khai sinh', placeOfResidence: 'Nơi cư trú' }
  if (generation === 'cccd2021') return { placeOfOrigin: 'Quê quán', placeOfResidence: 'Nơi thường trú' }
  return {
    placeOfOrigin: 'Quê quán / Nơi đăng ký khai sinh',
    placeOfResidence: 'Nơi thường trú / Nơi cư trú'
  }
}
