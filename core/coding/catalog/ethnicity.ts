import type { CodeListVersioned, EthnicityRecord } from './types'

/**
 * GSO ethnic groups 01–54 (QĐ 121-TCTK/PPCĐ, 1979), names as in docs/health-data.md §3.2, with the spellings cards
 * and registers use. Codes beyond 54 are not harmonised (55/56/99), so none is embedded.
 */
export const ethnicities: CodeListVersioned<EthnicityRecord> = {
  version: {
    id: 'gso-ethnicity-1979',
    effectiveFrom: '1979-03-02',
    effectiveTo: null,
    source: 'QĐ 121-TCTK/PPCĐ'
  },
  entries: [
    { code: '01', name: 'Kinh', variants: ['Việt'] },
    { code: '02', name: 'Tày', variants: [] },
    { code: '03', name: 'Thái', variants: [] },
    { code: '04', name: 'Hoa', variants: ['Hán'] },
    { code: '05', name: 'Khơ-me', variants: ['Khmer', 'Khơ Me', 'Khơme', 'Khmer Krom'] },
    { code: '06', name: 'Mường', variants: [] },
    { code: '07', name: 'Nùng', variants: [] },
    { code: '08', name: 'HMông', variants: ['Mông', "H'Mông", 'H Mông', 'Hmong', 'Mèo'] },
    { code: '09', name: 'Dao', variants: [] },
    { code: '10', name: 'Gia-rai', variants: ['Gia Rai', 'Jrai', 'Jarai'] },
    { code: '11', name: 'Ngái', variants: [] },
    { code: '12', name: 'Ê-đê', variants: ['Ê Đê', 'Êđê', 'Rhadé'] },
    { code: '13', name: 'Ba na', variants: ['Ba-na', 'Bahnar'] },
    { code: '14', name: 'Xơ-Đăng', variants: ['Xơ Đăng', 'Sơ Đăng'] },
    {
      code: '15',
      name: 'Sán Chay',
      variants: ['Sán Chay (Cao Lan - Sán Chỉ)', 'Cao Lan', 'Sán Chỉ', 'Cao Lan - Sán Chỉ']
    },
    { code: '16', name: 'Cơ-ho', variants: ['Cơ Ho', 'K’Ho', "K'Ho"] },
    { code: '17', name: 'Chăm', variants: ['Chàm'] },
    { code: '18', name: 'Sán Dìu', variants: ['Sán Dìu (Trại)'] },
    { code: '19', name: 'Hrê', variants: ['H’rê', "H'rê"] },
    { code: '20', name: 'Mnông', variants: ['M’Nông', "M'Nông", 'Mơ Nông'] },
    { code: '21', name: 'Ra-glai', variants: ['Ra Glai', 'Raglai'] },
    { code: '22', name: 'Xtiêng', variants: ['Xờ Tiêng', 'Stiêng', 'X’Tiêng', "X'Tiêng"] },
    { code: '23', name: 'Bru-Vân Kiều', variants: ['Bru Vân Kiều', 'Vân Kiều', 'Bru'] },
    { code: '24', name: 'Thổ', variants: [] },
    { code: '25', name: 'Giáy', variants: [] },
    { code: '26', name: 'Cơ-tu', variants: ['Cơ Tu', 'Ca Tu'] },
    { code: '27', name: 'Gié Triêng', variants: ['Giẻ Triêng', 'Gié-Triêng', 'Giẻ-Triêng'] },
    { code: '28', name: 'Mạ', variants: [] },
    { code: '29', name: 'Khơ-mú', variants: ['Khơ Mú', 'Khơmú', 'Khmú'] },
    { code: '30', name: 'Co', variants: ['Cor'] },
    { code: '31', name: 'Tà-ôi', variants: ['Tà Ôi', 'Tà Ôi (Pa Cô)', 'Pa Cô'] },
    { code: '32', name: 'Chơ-ro', variants: ['Chơ Ro', 'Châu Ro'] },
    { code: '33', name: 'Kháng', variants: [] },
    { code: '34', name: 'Xinh-mun', variants: ['Xinh Mun'] },
    { code: '35', name: 'Hà Nhì', variants: [] },
    { code: '36', name: 'Chu ru', variants: ['Chu-ru', 'Chu Ru', 'Churu'] },
    { code: '37', name: 'Lào', variants: [] },
    { code: '38', name: 'La Chí', variants: [] },
    { code: '39', name: 'La Ha', variants: [] },
    { code: '40', name: 'Phù Lá', variants: [] },
    { code: '41', name: 'La Hủ', variants: [] },
    { code: '42', name: 'Lự', variants: ['Lữ'] },
    { code: '43', name: 'Lô Lô', variants: [] },
    { code: '44', name: 'Chứt', variants: [] },
    { code: '45', name: 'Mảng', variants: [] },
    { code: '46', name: 'Pà Thẻn', variants: ['Pà Hưng'] },
    { code: '47', name: 'Co Lao', variants: ['Cờ Lao', 'Cơ Lao'] },
    { code: '48', name: 'Cống', variants: [] },
    { code: '49', name: 'Bố Y', variants: [] },
    { code: '50', name: 'Si La', variants: [] },
    { code: '51', name: 'Pu Péo', variants: [] },
    { code: '52', name: 'Brâu', variants: [] },
    { code: '53', name: 'Ơ Đu', variants: [] },
    { code: '54', name: 'Rơ măm', variants: ['Rơ Măm'] }
  ]
}
