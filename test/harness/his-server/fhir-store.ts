import { validateR4 } from './r4-validation'

/**
 * An in-memory FHIR store that processes transaction Bundles the way a conforming server does: the
 * whole Bundle or nothing, conditional creates (`ifNoneExist`) matched on identifiers, `urn:uuid:`
 * references rewritten to the ids assigned. It is strict where a real HIS would be: every entry must be
 * a conditional create, so a client that would duplicate records on resend fails its tests.
 */
export interface StoredResource {
  resourceType: string
  id: string
  resource: Record<string, unknown>
}

export interface HandlerReply {
  status: number
  contentType: string
  body: string
}

interface Identifier {
  system?: string
  value?: string
}

function outcome(status: number, diagnostics: string[]): HandlerReply {
  return {
    status,
    contentType: 'application/fhir+json; charset=utf-8',
    body: JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: diagnostics.map((d) => ({
        severity: 'error',
        code: status === 400 ? 'structure' : 'business-rule',
        diagnostics: d
      }))
    })
  }
}

/** `identifier=system|value` (the only search a conditional create here may use). */
export function parseIdentifierSearch(query: string): Identifier | null {
  const m = /^identifier=([^|&]*)\|([^&]+)$/.exec(query)
  if (!m) return null
  return { system: decodeURIComponent(m[1]!), value: decodeURIComponent(m[2]!) }
}

function identifiersOf(resource: Record<string, unknown>): Identifier[] {
  return Array.isArray(resource['identifier']) ? (resource['identifier'] as Identifier[]) : []
}

function rewriteRefs(node: unknown, map: Map<string, string>, unresolved: string[]): void {
  if (Array.isArray(node)) return node.forEach((n) => rewriteRefs(n, map, unresolved))
  if (!node || typeof node !== 'object') return
  const obj = node as Record<string, unknown>
  const ref = obj['reference']
  if (typeof ref === 'string' && ref.startsWith('urn:uuid:')) {
    const target = map.get(ref)
    if (target) obj['reference'] = target
    else unresolved.push(ref)
  }
  for (const v of Object.values(obj)) rewriteRefs(v, map, unresolved)
}

/** `Type/id` references (not urn:uuid, not absolute URLs) anywhere in a resource. */
function literalRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => literalRefs(n, out))
  else if (node && typeof node === 'object') {
    const ref = (node as Record<string, unknown>)['reference']
    if (typeof ref === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(ref)) out.push(ref)
    for (const v of Object.values(node)) literalRefs(v, out)
  }
  return out
}

export class FhirStore {
  private resources: StoredResource[] = []
  private nextId = 1

  all(): StoredResource[] {
    return this.resources.map((r) => ({ ...r, resource: structuredClone(r.resource) }))
  }

  clear(): void {
    this.resources = []
    this.nextId = 1
  }

  /** `GET {base}/Patient?identifier=system|value`: the searchset the HIS answers a desk's lookup with. */
  search(type: string, query: string): HandlerReply {
    const wanted = new URLSearchParams(query).get('identifier') ?? ''
    const bar = wanted.indexOf('|')
    if (bar < 1) return outcome(400, ['Chỉ hỗ trợ tìm theo identifier=system|value.'])
    const id = { system: wanted.slice(0, bar), value: wanted.slice(bar + 1) }
    const found = this.find(type, id, [])
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: found.length,
      entry: found.map((r) => ({
        fullUrl: `${r.resourceType}/${r.id}`,
        resource: structuredClone(r.resource)
      }))
    }
    return { status: 200, contentType: 'application/fhir+json; charset=utf-8', body: JSON.stringify(bundle) }
  }

  private holds(ref: string, pending: StoredResource[]): boolean {
    return [...this.resources, ...pending].some((r) => `${r.resourceType}/${r.id}` === ref)
  }

  private find(type: string, id: Identifier, pending: StoredResource[]): StoredResource[] {
    return [...this.resources, ...pending].filter(
      (r) =>
        r.resourceType === type &&
        identifiersOf(r.resource).some((x) => x.system === id.system && x.value === id.value)
    )
  }

  transaction(bundle: unknown, options: { validate: boolean }): HandlerReply {
    if (!bundle || typeof bundle !== 'object') return outcome(400, ['Nội dung không phải JSON FHIR hợp lệ.'])
    const b = bundle as { resourceType?: unknown; type?: unknown; entry?: unknown }
    if (b.resourceType !== 'Bundle' || b.type !== 'transaction') {
      return outcome(400, ['Chỉ nhận Bundle loại transaction.'])
    }
    if (options.validate) {
      const errors = validateR4(b)
      if (errors.length > 0)
        return outcome(400, [`Bundle không đúng chuẩn FHIR R4: ${errors.slice(0, 5).join('; ')}`])
    }
    const entries = (Array.isArray(b.entry) ? b.entry : []) as {
      fullUrl?: string
      resource: Record<string, unknown>
      request: { method: string; url: string; ifNoneExist?: string }
    }[]
    if (entries.length === 0) return outcome(400, ['Bundle không có mục nào.'])

    const map = new Map<string, string>()
    const pending: StoredResource[] = []
    const results: { status: string; location: string }[] = []
    for (const [i, entry] of entries.entries()) {
      const type = String(entry.resource['resourceType'])
      if (entry.request.method !== 'POST' || entry.request.url !== type) {
        return outcome(422, [`Mục ${i}: chỉ chấp nhận POST ${type}.`])
      }
      const search = entry.request.ifNoneExist ? parseIdentifierSearch(entry.request.ifNoneExist) : null
      if (!search)
        return outcome(422, [`Mục ${i}: thiếu ifNoneExist theo định danh, gửi lại sẽ tạo bản trùng.`])
      if (
        !identifiersOf(entry.resource).some((x) => x.system === search.system && x.value === search.value)
      ) {
        return outcome(422, [`Mục ${i}: ifNoneExist không khớp định danh nào của ${type}.`])
      }
      const matches = this.find(type, search, pending)
      if (matches.length > 1) return outcome(412, [`Mục ${i}: nhiều ${type} cùng định danh.`])
      let location: string
      if (matches.length === 1) {
        location = `${type}/${matches[0]!.id}`
        results.push({ status: '200 OK', location: `${location}/_history/1` })
      } else {
        const id = String(this.nextId++)
        location = `${type}/${id}`
        pending.push({ resourceType: type, id, resource: { ...structuredClone(entry.resource), id } })
        results.push({ status: '201 Created', location: `${location}/_history/1` })
      }
      if (entry.fullUrl) map.set(entry.fullUrl, location)
    }
    const unresolved: string[] = []
    for (const p of pending) rewriteRefs(p.resource, map, unresolved)
    if (unresolved.length > 0) return outcome(400, [`Tham chiếu không giải được: ${unresolved.length}.`])
    // A reference to a stored resource (Patient/7, what a desk that looked the patient up sends) must exist.
    const dangling = pending
      .flatMap((p) => literalRefs(p.resource))
      .filter((ref) => !this.holds(ref, pending))
    if (dangling.length > 0) return outcome(422, [`Tham chiếu tới bản ghi không có: ${dangling.join(', ')}.`])
    if (pending.some((p) => p.resourceType === 'Patient' && identifiersOf(p.resource).length === 0)) {
      return outcome(422, ['Bệnh nhân phải có ít nhất một định danh.'])
    }
    this.resources.push(...pending)
    return {
      status: 200,
      contentType: 'application/fhir+json; charset=utf-8',
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: results.map((r) => ({ response: r }))
      })
    }
  }
}
