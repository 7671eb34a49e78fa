import type { GatewayCard } from './server'

/** The ID number of the tests' usual patient, Nguyễn Thị Hồng Nhung (test/support/fixtures.ts). */
export const NHUNG_ID = '022195001234'

/** Her BHYT card as the test gateway answers for it: usable (000), registered at 22001, area K1, for 2026. */
export const nhungUsableCard: GatewayCard = {
  hoTen: 'Nguyễn Thị Hồng Nhung',
  ngaySinh: '14/03/1995',
  gioiTinh: 'Nữ',
  fields: {
    maThe: 'GD4222221234567',
    maDKBD: '22001',
    gtTheTu: '01/01/2026',
    gtTheDen: '31/12/2026',
    maKV: 'K1',
    ngayDu5Nam: '01/01/2029'
  }
}
