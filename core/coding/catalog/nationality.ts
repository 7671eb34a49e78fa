import type { CodeListVersioned, NationalityRecord } from './types'

/**
 * Nationalities seen at a Quảng Ninh desk. MA_QUOCTICH must come from Appendix 2 of TT 07/2016/TT-BCA; only
 * Việt Nam's value ('000', as HIS output writes it) is verified (docs/health-data.md §3.3). The others carry their ISO
 * alpha-2 for FHIR and no MoH code until the official list is imported — never a guessed one.
 */
export const nationalities: CodeListVersioned<NationalityRecord> = {
  version: {
    id: 'tt07-2016-appendix2-partial',
    effectiveFrom: '2016-02-01',
    effectiveTo: null,
    source: 'TT 07/2016/TT-BCA Appendix 2 (Việt Nam only); ISO 3166-1 alpha-2'
  },
  entries: [
    {
      mohCode: '000',
      iso2: 'VN',
      name: 'Việt Nam',
      variants: ['Việt', 'Vietnam', 'Viet Nam', 'VNM', 'VN', 'Vietnamese']
    },
    { mohCode: null, iso2: 'CN', name: 'Trung Quốc', variants: ['China', 'Chinese', 'CHN'] },
    { mohCode: null, iso2: 'LA', name: 'Lào', variants: ['Laos', 'LAO'] },
    { mohCode: null, iso2: 'KH', name: 'Campuchia', variants: ['Cambodia', 'KHM'] },
    { mohCode: null, iso2: 'KR', name: 'Hàn Quốc', variants: ['Korea', 'South Korea', 'KOR'] },
    { mohCode: null, iso2: 'JP', name: 'Nhật Bản', variants: ['Japan', 'JPN'] },
    { mohCode: null, iso2: 'TW', name: 'Đài Loan', variants: ['Taiwan', 'TWN'] },
    { mohCode: null, iso2: 'US', name: 'Hoa Kỳ', variants: ['Mỹ', 'USA', 'United States'] },
    { mohCode: null, iso2: 'RU', name: 'Nga', variants: ['Liên bang Nga', 'Russia', 'RUS'] },
    { mohCode: null, iso2: 'TH', name: 'Thái Lan', variants: ['Thailand', 'THA'] },
    { mohCode: null, iso2: 'FR', name: 'Pháp', variants: ['France', 'FRA'] },
    { mohCode: null, iso2: 'GB', name: 'Anh', variants: ['Vương quốc Anh', 'United Kingdom', 'GBR'] },
    { mohCode: null, iso2: 'AU', name: 'Úc', variants: ['Australia', 'Ôxtrâylia', 'AUS'] }
  ]
}
