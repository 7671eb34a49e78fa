import { z } from 'zod'
import { messageRefSchema } from './messages'

const bySource = z.object({ chip: z.number().int(), qr: z.number().int(), manual: z.number().int() })

/** The "Đúng – Đủ – Sạch – Sống" data-quality report for a date range (docs/health-data.md §8). */
export const qualityReportSchema = z.object({
  /** The facility code (MA_CSKCB) and name the report is about, as configured on the desk. */
  facility: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  range: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  visits: z.number().int(),
  patients: z.number().int(),
  visitsBySource: bySource,
  readsBySource: bySource,
  chipVerification: z.object({
    valid: z.number().int(),
    invalid: z.number().int(),
    unchecked: z.number().int()
  }),
  completeness: z.array(
    z.object({
      field: z.string(),
      label: z.string(),
      filled: z.number().int(),
      total: z.number().int(),
      percent: z.number()
    })
  ),
  codedAddresses: z.object({ coded: z.number().int(), total: z.number().int(), percent: z.number() }),
  duplicates: z.array(
    z.object({
      fullName: z.string(),
      dateOfBirth: z.string(),
      members: z.array(
        z.object({ id: z.string(), code: z.string(), fullName: z.string(), idNumber: z.string().nullable() })
      )
    })
  ),
  invalid: z.array(
    z.object({
      visitId: z.string(),
      visitedAt: z.string(),
      patientId: z.string(),
      patientCode: z.string(),
      fullName: z.string(),
      /** Vietnamese, as the province reads them. */
      reasons: z.array(z.string()),
      /** The same reasons as catalogue keys + params (contract/messages), for the screen's language. */
      reasonRefs: z.array(messageRefSchema).optional()
    })
  ),
  sync: z.object({
    sent: z.number().int(),
    pending: z.number().int(),
    failed: z.number().int(),
    dead: z.number().int(),
    notQueued: z.number().int()
  }),
  /** Sống: per day and target, minutes from visit to the receiver's receipt. */
  timeliness: z.array(
    z.object({
      day: z.string(),
      target: z.enum(['his', 'emch']),
      queued: z.number().int(),
      received: z.number().int(),
      medianMinutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
      maxMinutes: z.number().nullable(),
      lateOver24h: z.number().int(),
      notReceived: z.number().int()
    })
  ),
  perPatient: z.object({
    patients: z.number().int(),
    seenOnce: z.number().int(),
    seenSeveral: z.number().int(),
    withInvalid: z.number().int()
  }),
  /** Counts per day and service: no names, no ID numbers. */
  daily: z.array(
    z.object({
      day: z.string(),
      serviceType: z.string(),
      visits: z.number().int(),
      patients: z.number().int(),
      bySource: bySource,
      invalid: z.number().int(),
      codedAddresses: z.number().int(),
      filled: z.record(z.string(), z.number().int())
    })
  ),
  /** Đúng: the visits' BHYT cards by the state of their current check (absent in reports made before it). */
  bhytCards: z
    .object({ verified: z.number().int(), refused: z.number().int(), unverified: z.number().int() })
    .optional()
})
export type QualityReportValue = z.infer<typeof qualityReportSchema>

export const dateRangeSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
})

/** Which workbook to export: counts only (the default, what goes to the CDC) or with names for the facility's own fixes. */
export const reportExportSchema = dateRangeSchema.extend({ detailed: z.boolean().default(false) })
