import { z } from 'zod'
import { patientFormSchema, visitTypeSchema } from './patient'

/**
 * The snapshot written to the outbox when a visit is saved: everything a connector (HIS FHIR, XML 4750,
 * eMCH) needs, frozen at save time so a later edit never changes what was queued.
 */
export const submissionSchema = z.object({
  schemaVersion: z.literal(1),
  /** Stable across resends: the receiver dedups on it (FHIR ifNoneExist / Idempotency-Key). */
  idempotencyKey: z.string().min(1),
  facility: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
  patient: z.object({
    id: z.string(),
    /** Facility patient code (XML1 MA_BN). */
    code: z.string(),
    form: patientFormSchema
  }),
  /** The mother's or guardian's record, when the patient is a child linked to one. */
  guardian: z
    .object({
      id: z.string(),
      code: z.string(),
      relation: z.enum(['mother', 'father', 'guardian']),
      form: patientFormSchema
    })
    .nullable(),
  visit: z.object({
    id: z.string(),
    serviceType: visitTypeSchema,
    department: z.string().nullable(),
    reason: z.string().nullable(),
    /** ISO 8601 with offset, local time of the facility. */
    visitedAt: z.string()
  })
})
export type Submission = z.infer<typeof submissionSchema>
