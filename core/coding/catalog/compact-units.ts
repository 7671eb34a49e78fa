import type {
  AdminCatalogData,
  CommuneRecord,
  DistrictRecord,
  LegacyCommuneRecord,
  LegacyProvinceRecord,
  MappingTarget,
  ProvinceRecord,
  UnitListVersion
} from './types'

/**
 * The embedded catalogue as text: one unit a line, tab-separated, so a rebuilt file diffs line by line.
 *
 *   L <list> <id> <effectiveFrom> <effectiveTo or -> <source>   starts a list: current | legacy
 *   P <code> <kind> <name> [<new province>]                     a province (legacy ones name the province they joined)
 *   D <code> <kind> <name> <alias;alias…>                       a pre-reform district of the province above
 *   C <code> <kind> <name> [<district or -> <targets>]         a commune-level unit of the province above; legacy
 *                                                               units list their current units: `code` wholly,
 *                                                               `code*` in part (the old unit was split)
 */
export function encodeAdminUnits(data: AdminCatalogData): string {
  const lines: string[] = []
  const row = (...fields: string[]): void => {
    for (const f of fields)
      if (/[\t\n\r`\\]|\$\{/.test(f)) throw new Error(`Unit field cannot be stored: ${JSON.stringify(f)}`)
    lines.push(fields.join('\t'))
  }
  const list = (name: string, v: UnitListVersion): void =>
    row('L', name, v.id, v.effectiveFrom, v.effectiveTo ?? '-', v.source)

  list('current', data.current.version)
  for (const p of data.current.provinces) {
    row('P', p.code, p.kind, p.name)
    for (const c of data.current.communes.filter((c) => c.provinceCode === p.code))
      row('C', c.code, c.kind, c.name)
  }
  list('legacy', data.legacy.version)
  for (const p of data.legacy.provinces) {
    row('P', p.code, p.kind, p.name, p.newProvinceCode)
    for (const d of data.legacy.districts.filter((d) => d.provinceCode === p.code))
      row('D', d.code, d.kind, d.name, d.aliases.join(';'))
    for (const c of data.legacy.communes.filter((c) => c.provinceCode === p.code))
      row(
        'C',
        c.code,
        c.kind,
        c.name,
        c.districtCode ?? '-',
        c.newCommunes.map((t) => (t.share === 'partial' ? `${t.code}*` : t.code)).join(' ')
      )
  }
  return lines.join('\n') + '\n'
}

/** The inverse of encodeAdminUnits. Throws on a line it cannot read: the text is generated, never hand-typed. */
export function decodeAdminUnits(text: string): AdminCatalogData {
  const current = {
    version: null as UnitListVersion | null,
    provinces: [] as ProvinceRecord[],
    communes: [] as CommuneRecord[]
  }
  const legacy = {
    version: null as UnitListVersion | null,
    provinces: [] as LegacyProvinceRecord[],
    districts: [] as DistrictRecord[],
    communes: [] as LegacyCommuneRecord[]
  }
  let section: 'current' | 'legacy' | null = null
  let province: string | null = null

  text.split('\n').forEach((line, i) => {
    if (line === '') return
    const f = line.split('\t')
    const bad = (): Error =>
      new Error(`Embedded unit list, line ${i + 1}: cannot read ${JSON.stringify(line)}`)
    const [tag, code, kind, name] = f as [string, string, string, string]
    if (tag === 'L') {
      if (f.length !== 6 || (code !== 'current' && code !== 'legacy')) throw bad()
      section = code
      province = null
      const version = {
        id: f[2]!,
        effectiveFrom: f[3]!,
        effectiveTo: f[4] === '-' ? null : f[4]!,
        source: f[5]!
      }
      if (section === 'current') current.version = version
      else legacy.version = version
    } else if (tag === 'P' && section === 'current' && f.length === 4) {
      province = code
      current.provinces.push({ code, kind, name })
    } else if (tag === 'P' && section === 'legacy' && f.length === 5) {
      province = code
      legacy.provinces.push({ code, kind, name, newProvinceCode: f[4]! })
    } else if (tag === 'C' && section === 'current' && province !== null && f.length === 4) {
      current.communes.push({ code, provinceCode: province, kind, name, districtCode: null })
    } else if (tag === 'D' && section === 'legacy' && province !== null && f.length === 5) {
      legacy.districts.push({
        code,
        provinceCode: province,
        kind,
        name,
        aliases: f[4] === '' ? [] : f[4]!.split(';')
      })
    } else if (tag === 'C' && section === 'legacy' && province !== null && f.length === 6) {
      legacy.communes.push({
        code,
        provinceCode: province,
        kind,
        name,
        districtCode: f[4] === '-' ? null : f[4]!,
        newCommunes: f[5]!
          .split(' ')
          .map((t): MappingTarget =>
            t.endsWith('*') ? { code: t.slice(0, -1), share: 'partial' } : { code: t, share: 'full' }
          )
      })
    } else throw bad()
  })

  if (current.version === null || legacy.version === null)
    throw new Error('Embedded unit list: a list header is missing')
  return {
    current: {
      version: current.version,
      provinces: current.provinces,
      districts: [],
      communes: current.communes
    },
    legacy: {
      version: legacy.version,
      provinces: legacy.provinces,
      districts: legacy.districts,
      communes: legacy.communes
    }
  }
}
