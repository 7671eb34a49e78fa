export type { Connector, SendContext, SendOutcome, TargetLabel } from './types'
export { buildHisBundle, buildHisBatchBundle, hisEntries } from './his/his-bundle'
export { createHisFhirConnector, hisLabel } from './his/his-connector'
export { buildEmchBundle, buildEmchBatchBundle, emchEntries } from './emch/emch-mapping'
export { createEmchConnector, emchLabel } from './emch/emch-connector'
export { createFhirConnector, type FhirConnectorOptions } from './fhir/fhir-connector'
export type { Bundle, BundleEntry } from './fhir/fhir-types'
export {
  buildXml0,
  buildXml1,
  buildEnvelope,
  buildXml4750Documents,
  type Xml4750Documents
} from './xml4750/documents'
export { xml0Fields, xml1Fields, checkRecord, type XmlField } from './xml4750/fields'
export { writeFileAtomic, dropFileName } from './xml4750/drop-folder'
export {
  createXml4750Connector,
  type XmlDelivery,
  type Xml4750ConnectorOptions
} from './xml4750/xml4750-connector'
