import type { CodeListVersioned, OccupationRecord } from './types'

/** The code QĐ 34/2020/QĐ-TTg reserves for "no occupation / not yet" (docs/health-data.md §3.4). */
export const NO_OCCUPATION = '00000'

/**
 * Occupation codes (level 5 of QĐ 34/2020/QĐ-TTg). Only 00000 is embedded with certainty; the full list is
 * imported from the official file. Any well-formed 5-digit code is accepted with a warning when not listed.
 */
export const occupations: CodeListVersioned<OccupationRecord> = {
  version: {
    id: 'qd34-2020-sample',
    effectiveFrom: '2021-01-15',
    effectiveTo: null,
    source: 'QĐ 34/2020/QĐ-TTg'
  },
  entries: [{ code: NO_OCCUPATION, name: 'Không có nghề nghiệp / chưa có nghề nghiệp' }]
}
