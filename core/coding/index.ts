// Identity text → Ministry of Health codes. Pure services: no database, no clock, no I/O.
export * from './catalog/types'
export {
  buildAdminCatalog,
  defaultAdminCatalog,
  fullUnitName,
  type AdminCatalog,
  type NameEntry
} from './catalog/admin-catalog'
export { defaultAdminCatalogData } from './catalog/default-admin-data'
export {
  buildCodingCatalog,
  defaultCodingCatalog,
  lookupEthnicity,
  lookupNationality,
  type CodingCatalog
} from './catalog/coding-catalog'
export { ethnicities } from './catalog/ethnicity'
export { nationalities } from './catalog/nationality'
export { occupations, NO_OCCUPATION } from './catalog/occupation'
export { sexCode, sexFromText, type SexCode } from './catalog/sex'
export {
  codeAddress,
  type AddressCandidate,
  type AddressCoding,
  type OldUnitMapping
} from './address/code-address'
export {
  parseAdminUnitsImport,
  splitUnitName,
  type AdminUnitsDiff,
  type AdminUnitsImport,
  type ImportOptions,
  type ImportProblem
} from './importer/admin-units-import'
export {
  codePatient,
  type CodedPatient,
  type CodingWarning,
  type CodingWarningCode
} from './patient/code-patient'
export { formatPersonName } from './patient/person-name'
export {
  xml1AdministrativeFields,
  xml1BirthDate,
  checkXml1AdministrativeFields,
  type Xml1AdministrativeFields,
  type Xml1Options,
  type Xml1Problem
} from './xml1/administrative-fields'
