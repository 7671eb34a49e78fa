import { describe, expect, it } from 'vitest'
import { matchOccupations } from '../../../renderer/src/components/reception/occupation-search'

// Made-up entries in the order catalogs:list gives (most used first); not the official list.
const entries = [
  { code: '90003', name: 'Nông dân trồng lúa (thử)', parent: null },
  { code: '00000', name: 'Không có nghề nghiệp', parent: null },
  { code: '90001', name: 'Giáo viên tiểu học (thử)', parent: null },
  { code: '90002', name: 'Lái xe tải (thử)', parent: null }
]

describe('matchOccupations', () => {
  it('finds names without accents or case, every word at a word start, in the list order', () => {
    expect(matchOccupations(entries, 'nong dan').map((e) => e.code)).toEqual(['90003'])
    expect(matchOccupations(entries, 'GIÁO').map((e) => e.code)).toEqual(['90001'])
    expect(matchOccupations(entries, 'thu').map((e) => e.code)).toEqual(['90003', '90001', '90002'])
    // "an" is inside "dân" but starts no word: no match.
    expect(matchOccupations(entries, 'an')).toEqual([])
  })

  it('matches digits against the start of the code, NFD typing included', () => {
    expect(matchOccupations(entries, '900').map((e) => e.code)).toEqual(['90003', '90001', '90002'])
    expect(matchOccupations(entries, '00000').map((e) => e.name)).toEqual(['Không có nghề nghiệp'])
    expect(matchOccupations(entries, 'Lái'.normalize('NFD')).map((e) => e.code)).toEqual(['90002'])
    expect(matchOccupations(entries, '  ')).toEqual([])
  })
})
