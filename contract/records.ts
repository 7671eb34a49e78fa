import { z } from 'zod'
import { patientSummarySchema } from './patient'
import { MAX_NAME } from './identity'
import { outboxStatusSchema, syncTargetSchema } from './status'

const id = z.string().min(1).max(100)

/** Desk record tools (docs/adr/0027): visit history, the duplicate check of a typed record, merge and unmerge. */
export const visitHistoryEntrySchema = z.object({
  id: z.string(),
  visitedAt: z.string(),
  serviceType: z.string(),
  department: z.string().nullable(),
  sends: z.array(z.object({ target: syncTargetSchema, status: outboxStatusSchema }))
})
export type VisitHistoryEntryValue = z.infer<typeof visitHistoryEntrySchema>

export const possibleDuplicatesInputSchema = z.object({
  fullName: z.string().trim().max(MAX_NAME),
  /** YYYY-MM-DD, YYYY-MM or YYYY as the form holds it; '' when not typed yet. */
  dateOfBirth: z
    .string()
    .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/)
    .default(''),
  phone: z.string().max(20).nullable().default(null),
  idNumber: z
    .string()
    .regex(/^\d{12}$/)
    .nullable()
    .default(null)
})

export const possibleDuplicateSchema = z.object({
  patient: patientSummarySchema,
  reasons: z.array(z.enum(['name-dob', 'phone']))
})
export type PossibleDuplicateValue = z.infer<typeof possibleDuplicateSchema>

export const recordCalls = {
  /** The visits of an opened record with where each submission stands. */
  'patients:visits': {
    input: z.object({ patientId: id }),
    output: z.array(visitHistoryEntrySchema)
  },
  /** Before a record typed by hand is saved: likely twins already on file (same name + birth date, or phone). */
  'patients:possibleDuplicates': {
    input: possibleDuplicatesInputSchema,
    output: z.array(possibleDuplicateSchema)
  },
  /** Merges a duplicate into the record to keep (IT/officer; audited; undone by patients:unmerge). */
  'patients:merge': {
    input: z.object({ keepId: id, mergeId: id, reason: z.string().trim().max(200).nullable().default(null) }),
    output: z.object({
      keepId: z.string(),
      mergedId: z.string(),
      visitsMoved: z.number().int(),
      readsMoved: z.number().int(),
      childrenMoved: z.number().int(),
      filledFields: z.array(z.string())
    })
  },
  'patients:unmerge': {
    input: z.object({ mergedId: id, reason: z.string().trim().max(200).nullable().default(null) }),
    output: z.object({
      keepId: z.string(),
      restoredId: z.string(),
      visitsMoved: z.number().int(),
      readsMoved: z.number().int(),
      childrenMoved: z.number().int()
    })
  }
} as const
