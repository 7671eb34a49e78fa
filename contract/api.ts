import { z } from 'zod'
import {
  patientFormSchema,
  patientRecordSchema,
  patientSummarySchema,
  registrationInputSchema,
  registrationResultSchema
} from './patient'
import {
  appStatusSchema,
  flushResultSchema,
  outboxStatusSchema,
  queueItemSchema,
  queueStatusSchema,
  syncTargetSchema
} from './status'
import { identitySchema } from './identity'
import { dateRangeSchema, qualityReportSchema, reportExportSchema } from './report'
import {
  cardEventSchema,
  codedIdentitySchema,
  qrReadSchema,
  qrScannedEventSchema,
  scanViaSchema
} from './reading'
import { authCalls, type AuthCallName } from './auth'
import { queueTicketSchema, slipFormatSchema } from './desk'
import { recordCalls } from './records'
import { appErrorSchema } from './errors'
import { bhytCheckInputSchema, bhytCheckOutputSchema, bhytQrInputSchema, bhytQrReadSchema } from './bhyt'

export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'web']),
  dataDir: z.string(),
  facilityCode: z.string().nullable()
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const catalogKindSchema = z.enum(['ethnicity', 'nationality', 'occupation', 'province', 'commune'])
export type CatalogKind = z.infer<typeof catalogKindSchema>
export const catalogEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable()
})
export type CatalogEntry = z.infer<typeof catalogEntrySchema>

/**
 * Every call the renderer (or the CLI, or the browser transport) can make, with its input and output.
 * Adding a call means adding it here; main, preload, the HTTP transport and the renderer pick it up typed.
 */
export const calls = {
  ...authCalls,
  ...recordCalls,
  'app:info': { input: z.object({}), output: appInfoSchema },
  'app:status': { input: z.object({}), output: appStatusSchema },
  /** For IT: versions, config without secrets, queue counts, devices, recent log errors; no personal data. */
  'app:diagnostics': { input: z.object({}), output: z.object({ generatedAt: z.string(), text: z.string() }) },
  'patients:register': { input: registrationInputSchema, output: registrationResultSchema },
  'patients:search': {
    input: z.object({
      text: z.string().trim().min(1).max(100),
      limit: z.number().int().min(1).max(200).default(50)
    }),
    output: z.array(patientSummarySchema)
  },
  'patients:get': { input: z.object({ id: z.string().min(1).max(100) }), output: patientRecordSchema },
  /** Fixes a record a target refused: updates the patient (no new visit) and re-queues the refused submissions. */
  'patients:correct': {
    input: z.object({ patientId: z.string().min(1).max(100), patient: patientFormSchema }),
    output: z.object({ changed: z.array(z.string()), resubmitted: z.number().int() })
  },
  'queue:status': { input: z.object({}), output: queueStatusSchema },
  'queue:list': {
    input: z.object({
      status: outboxStatusSchema.nullable().default(null),
      target: syncTargetSchema.nullable().default(null),
      limit: z.number().int().min(1).max(1000).default(200)
    }),
    output: z.array(queueItemSchema)
  },
  /** A person's resend of failed or dead rows (after fixing what the target refused). */
  'queue:retry': {
    input: z.object({ ids: z.array(z.number().int()).min(1).max(1000) }),
    output: z.object({ requeued: z.number().int(), notRequeued: z.array(z.number().int()) })
  },
  /** "Gửi ngay": flush now, whatever the schedule. */
  'queue:flush': {
    input: z.object({ target: syncTargetSchema.nullable().default(null) }),
    output: flushResultSchema
  },
  /** A scanned QR text (keyboard wedge or webcam in the renderer): decoded, coded and recorded. */
  'qr:submit': {
    input: z.object({ text: z.string().max(8192), via: scanViaSchema }),
    output: qrReadSchema
  },
  /** Codes an identity (e.g. one edited by hand) into the form, with address candidates. */
  'identity:code': { input: z.object({ identity: identitySchema }), output: codedIdentitySchema },
  'report:quality': { input: dateRangeSchema, output: qualityReportSchema },
  /** The same report as a spreadsheet the province can read (xlsx, base64): counts only unless `detailed`. */
  'report:xlsx': {
    input: reportExportSchema,
    output: z.object({ fileName: z.string(), base64: z.string() })
  },
  /** "Bệnh nhân đồng ý": recorded with the notice version; arms the reader for one chip read. */
  'consent:chip': {
    input: z.object({}),
    output: z.object({ consentId: z.string(), noticeVersion: z.string(), validSeconds: z.number() })
  },
  /** A card-only desk typed the CAN (last 6 digits of the ID): open the chip on the reader with it (ADR 0018). */
  'card:open': {
    input: z.object({ can: z.string().regex(/^\d{6}$/) }),
    output: z.object({ started: z.boolean() })
  },
  /** The queue slip of a saved visit as one printable HTML page (its own @page size), for the print button. */
  'desk:slip': {
    input: z.object({
      visitId: z.string().min(1).max(100),
      format: slipFormatSchema.default('80mm')
    }),
    output: z.object({ html: z.string(), ticket: queueTicketSchema })
  },
  /** "Nhập mới" or a saved registration: the last QR's chip keys are dropped, the next card is not tried with them. */
  'card:forgetKeys': {
    input: z.object({}),
    output: z.object({ forgotten: z.boolean() })
  },
  /** The BHYT card check through the BHXH gateway, as the signed-in clerk (docs/adr/0023). */
  'bhyt:check': { input: bhytCheckInputSchema, output: bhytCheckOutputSchema },
  /** A scanned BHYT card / VssID QR: the card fields and the holder, to fill the form and check the card. */
  'bhyt:qr': { input: bhytQrInputSchema, output: bhytQrReadSchema },
  'catalogs:list': {
    input: z.object({ kind: catalogKindSchema, parent: z.string().max(20).nullable().default(null) }),
    output: z.array(catalogEntrySchema)
  }
} as const

export type Calls = typeof calls
export type CallName = keyof Calls
export type CallInput<C extends CallName> = z.input<Calls[C]['input']>
export type CallArgs<C extends CallName> = z.output<Calls[C]['input']>
export type CallOutput<C extends CallName> = z.output<Calls[C]['output']>
/** Calls the handlers implement; the auth:* calls are answered by the session gate (core/auth/gate.ts). */
export type GuardedCallName = Exclude<CallName, AuthCallName>

/** Events pushed from the main side to the renderer. */
export const events = {
  'status:changed': appStatusSchema,
  'card:event': cardEventSchema,
  'qr:scanned': qrScannedEventSchema,
  /** A hardware scanner read a BHYT card / VssID QR (not a CCCD one). */
  'bhyt:scanned': z.union([
    z.object({ ok: z.literal(true), value: bhytQrReadSchema }),
    z.object({ ok: z.literal(false), error: appErrorSchema })
  ])
} as const
export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name)
}
