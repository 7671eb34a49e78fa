declare module '@asymmetrik/fhir-json-schema-validator' {
  interface AjvError {
    keyword: string
    dataPath: string
    message?: string
    params?: unknown
  }
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object)
    validate(resource: object, verbose?: boolean): (AjvError | string)[]
  }
}
