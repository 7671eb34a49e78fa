import { z } from 'zod'
import { messageRefSchema } from './messages'

/** What the status bar shows. Each part says honestly what is known, never a hopeful guess. */
export const readerStatusSchema = z.object({
  state: z.enum(['unavailable', 'no-reader', 'ready', 'card-present', 'reading', 'error']),
  readerName: z.string().nullable(),
  /** Vietnamese rendering of key + params (contract/messages). */
  message: z.string(),
  ...messageRefSchema.partial().shape
})
export type ReaderStatus = z.infer<typeof readerStatusSchema>

export const scannerStatusSchema = z.object({
  state: z.enum(['none', 'keyboard', 'hid', 'serial', 'camera', 'error']),
  name: z.string().nullable(),
  message: z.string(),
  ...messageRefSchema.partial().shape
})
export type ScannerStatus = z.infer<typeof scannerStatusSchema>

export const outboxStatuses = ['pending', 'sending', 'sent', 'failed', 'dead'] as const
export const outboxStatusSchema = z.enum(outboxStatuses)
export type OutboxStatus = z.infer<typeof outboxStatusSchema>

export const syncTargets = ['his', 'emch'] as const
export const syncTargetSchema = z.enum(syncTargets)
export type SyncTarget = z.infer<typeof syncTargetSchema>

const countsSchema = z.object({
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int()
})

export const queueStatusSchema = z.object({
  /** Records not yet accepted by their target (pending + sending + failed). */
  waiting: z.number().int(),
  total: countsSchema,
  byTarget: z.record(syncTargetSchema, countsSchema),
  nextFlushAt: z.string().nullable(),
  lastFlush: z
    .object({ at: z.string(), sent: z.number().int(), failed: z.number().int(), dead: z.number().int() })
    .nullable(),
  /** Saved visits whose BHYT card the gateway has not verified yet (re-checked automatically). */
  bhytUnverified: z.number().int().optional()
})
export type QueueStatus = z.infer<typeof queueStatusSchema>

export const appStatusSchema = z.object({
  reader: readerStatusSchema,
  scanner: scannerStatusSchema,
  queue: queueStatusSchema
})
export type AppStatus = z.infer<typeof appStatusSchema>

/** One outbox row as the queue screen shows it; the patient's name only inside the app, never in logs. */
export const queueItemSchema = z.object({
  id: z.number().int(),
  visitId: z.string(),
  target: syncTargetSchema,
  status: outboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastErrorCode: z.string().nullable(),
  /** Vietnamese, for the clerk. */
  lastError: z.string().nullable(),
  /** The same text as a catalogue key + params (null for rows stored before the catalogue). */
  lastErrorRef: messageRefSchema.nullable().optional(),
  patientId: z.string().nullable(),
  patientName: z.string().nullable()
})
export type QueueItem = z.infer<typeof queueItemSchema>

export const flushResultSchema = z.object({
  sent: z.number().int(),
  failed: z.number().int(),
  dead: z.number().int(),
  retrying: z.number().int(),
  remaining: z.number().int(),
  stopped: z.boolean(),
  unconfigured: z.array(syncTargetSchema),
  startedAt: z.string(),
  finishedAt: z.string()
})
export type FlushResultValue = z.infer<typeof flushResultSchema>
