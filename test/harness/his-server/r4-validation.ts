import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator'
import { Fhir } from 'fhir'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * Checks a resource against FHIR R4 (4.0.1) two ways:
 * - the official R4 JSON schema (fhir.schema.json, shipped by @asymmetrik/fhir-json-schema-validator):
 *   element names, types, primitive regexes (dates, ids, uris), required elements, choice types;
 * - the `fhir` package's validator over the R4 StructureDefinitions: required bindings (gender, status,
 *   bundle type, request method) and unexpected properties, which the JSON schema lets through.
 * Returns human-readable errors; empty when valid. Both validators are built once (the schema is large).
 */
let fullSchema: Record<string, unknown> | null = null
const byType = new Map<string, JSONSchemaValidator>()
let fhir: Fhir | null = null

/** The official schema narrowed to one resource type, so errors point at the element, not at 140 types. */
function schemaFor(resourceType: string): JSONSchemaValidator {
  let v = byType.get(resourceType)
  if (!v) {
    if (!fullSchema) {
      const path = createRequire(import.meta.url).resolve(
        '@asymmetrik/fhir-json-schema-validator/fhir.schema.json'
      )
      fullSchema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
    }
    v = new JSONSchemaValidator({ ...fullSchema, oneOf: [{ $ref: `#/definitions/${resourceType}` }] })
    byType.set(resourceType, v)
  }
  return v
}

function format(e: unknown, prefix: string): string {
  if (typeof e === 'string') return `${prefix} ${e}`.trim()
  const err = e as { dataPath?: string; message?: string; keyword?: string }
  return `${prefix}${err.dataPath ?? ''} ${err.message ?? err.keyword ?? ''}`.trim()
}

/**
 * Schema errors of a resource, and of each resource inside a Bundle checked against its own type: the
 * Bundle's ResourceList oneOf would otherwise only say "matches none of 140 types".
 */
function schemaErrors(resource: object, prefix: string): string[] {
  const resourceType = String((resource as { resourceType?: unknown }).resourceType)
  // verbose=true: the library's short mode rewrites its shared schema in place, which breaks later calls.
  const raw = schemaFor(resourceType).validate(resource, true)
  const out: string[] = []
  const entries =
    resourceType === 'Bundle' ? ((resource as { entry?: { resource?: object }[] }).entry ?? []) : []
  const nested = /^\.entry\[\d+\]\.resource/
  for (const e of raw) {
    const dataPath = typeof e === 'string' ? '' : (e.dataPath ?? '')
    if (!nested.test(dataPath)) out.push(format(e, prefix))
  }
  entries.forEach((entry, i) => {
    if (entry.resource) out.push(...schemaErrors(entry.resource, `${prefix}.entry[${i}].resource`))
  })
  // Each oneOf branch repeats the same complaint; once is enough.
  return [...new Set(out)].slice(0, 20)
}

export function validateR4(resource: object): string[] {
  fhir ??= new Fhir()
  const errors: string[] = []
  errors.push(...schemaErrors(resource, ''))
  const result = fhir.validate(resource, { errorOnUnexpected: true })
  for (const m of result.messages) {
    if (m.severity === 'error' || m.severity === 'fatal') {
      errors.push(`${m.resourceId ?? ''} ${m.location ?? ''}: ${m.message ?? ''}`.trim())
    }
  }
  return errors
}
