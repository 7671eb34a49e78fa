import { z } from 'zod'
import { patientFormSchema, visitTypeSchema } from './patient'
import { careTypeCodeSchema } from './visit-codes'
import { submissionBhytSchema } from './bhyt'

/**
 * The snapshot written to the outbox when a visit is saved: everything a connector (HIS FHIR, XML 4750,
 * eMCH) needs, frozen at save time so a later edit never changes what was queued.
 */
export const submissionSchema = z.object({
  schemaVersion: z.literal(1),
  /** Stable across resends: the receiver dedups on it (FHIR ifNoneExist / Idempotency-Key). */
  idempotencyKey: z.string().min(1).max(200),
  facility: z.object({ code: z.string().max(20).nullable(), name: z.string().max(255).nullable() }),
  patient: z.object({
    id: z.string().max(100),
    /** Facility patient code (XML1 MA_BN). */
    code: z.string().max(100),
    form: patientFormSchema,
    /** The HIS's own Patient.id when the HIS already knows the patient: the visit references it (ADR 0024). */
    hisId: z.string().max(64).nullable().optional()
  }),
  /** The mother's or guardian's record, when the patient is a child linked to one. */
  guardian: z
    .object({
      id: z.string().max(100),
      code: z.string().max(100),
      relation: z.enum(['mother', 'father', 'guardian']),
      form: patientFormSchema
    })
    .nullable(),
  visit: z.object({
    id: z.string().max(100),
    serviceType: visitTypeSchema,
    department: z.string().max(20).nullable(),
    reason: z.string().max(500).nullable(),
    /** ISO 8601 with offset, local time of the facility. */
    visitedAt: z.string().max(40),
    // Added with migration 009; optional so rows queued before it still parse and send.
    /** MA_DOITUONG_KCB (provisional). */
    objectCode: z.string().max(4).nullable().optional(),
    /** MA_LOAI_KCB. */
    careTypeCode: careTypeCodeSchema.optional(),
    /** GIAY_CHUYEN_TUYEN. */
    referralNumber: z.string().max(50).nullable().optional(),
    /** MA_NOI_DI. */
    referringFacility: z.string().max(5).nullable().optional(),
    emergency: z.boolean().optional()
  }),
  /**
   * The BHYT card as checked at the desk (absent in rows queued before the check existed). The sender replaces it
   * with the visit's latest check at send time (docs/adr/0023).
   */
  bhyt: submissionBhytSchema.nullable().optional()
})
export type Submission = z.infer<typeof submissionSchema>
