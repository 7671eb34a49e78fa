import { z } from 'zod'
import {
  fullDateSchema,
  identitySourceSchema,
  idNumberSchema,
  MAX_ADDRESS,
  MAX_NAME,
  oldIdNumberSchema,
  partialDateSchema,
  sexSchema
} from './identity'
import { priorityClassSchema, queueTicketSchema } from './desk'
import { careTypeCodeSchema, facilityCodeSchema, objectCodeSchema, visitCheckCodeSchema } from './visit-codes'

/** 'general' is the plain "Khám bệnh"; the others are the maternal and child services of the programme. */
export const visitTypes = [
  'general',
  'antenatal',
  'delivery',
  'postnatal',
  'child_checkup',
  'immunisation',
  'family_planning',
  'other'
] as const
export const visitTypeSchema = z.enum(visitTypes)
export type VisitType = z.infer<typeof visitTypeSchema>

export const guardianRelations = ['mother', 'father', 'guardian'] as const
export const guardianRelationSchema = z.enum(guardianRelations)

const optionalText = (max: number) => z.string().trim().max(max).nullable()
/** Ids are UUIDs or short codes; 100 leaves room for any scheme without letting a megabyte through. */
const id = z.string().max(100)

/** A coded address: the original text is always kept beside the codes and the unit-list version. */
export const addressSchema = z.object({
  text: z.string().trim().max(MAX_ADDRESS),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  unitListVersion: z.string().max(50).nullable()
})
export type Address = z.infer<typeof addressSchema>

export const guardianSchema = z.object({
  patientId: id.nullable(),
  fullName: z.string().trim().min(1).max(MAX_NAME),
  relation: guardianRelationSchema,
  idNumber: idNumberSchema.nullable(),
  phone: optionalText(15)
})
export type Guardian = z.infer<typeof guardianSchema>

/** Details a card carries that XML1 does not; stored as evidence of the read. */
export const cardDetailsSchema = z.object({
  ethnicityText: z.string().max(500).nullable(),
  religion: z.string().max(500).nullable(),
  placeOfOrigin: z.string().max(MAX_ADDRESS).nullable(),
  identifyingFeatures: z.string().max(500).nullable(),
  fatherName: z.string().max(MAX_NAME).nullable(),
  motherName: z.string().max(MAX_NAME).nullable(),
  spouseName: z.string().max(MAX_NAME).nullable(),
  issueDate: fullDateSchema.nullable(),
  expiryDate: fullDateSchema.nullable(),
  noExpiry: z.boolean()
})
export type CardDetails = z.infer<typeof cardDetailsSchema>

/** The administrative form reception owns (XML1 fields of docs/health-data.md §1.4), as the clerk submits it. */
export const patientFormSchema = z.object({
  fullName: z.string().trim().min(1).max(MAX_NAME),
  dateOfBirth: partialDateSchema,
  sex: sexSchema,
  idNumber: idNumberSchema.nullable(),
  oldIdNumber: oldIdNumberSchema.nullable(),
  bhytCardNumber: z
    .string()
    .regex(/^[A-Z]{2}\d{13}$/)
    .nullable(),
  ethnicityCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable(),
  nationalityCode: z
    .string()
    .regex(/^[0-9A-Z]{3}$/)
    .nullable(),
  occupationCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullable(),
  address: addressSchema,
  phone: z
    .string()
    .regex(/^\+?\d{8,14}$/)
    .nullable(),
  guardian: guardianSchema.nullable(),
  cardDetails: cardDetailsSchema.nullable()
})
export type PatientForm = z.infer<typeof patientFormSchema>

export const visitFormSchema = z.object({
  serviceType: visitTypeSchema,
  department: optionalText(20),
  reason: optionalText(500),
  // The XML0/XML1 visit fields reception owns (docs/desk-duties.md §3). Optional: older callers and the CLI send
  // none and get the documented defaults (core/reception/visit-values.ts).
  /** MA_DOITUONG_KCB, provisional at check-in. */
  objectCode: objectCodeSchema.nullable().optional(),
  /** MA_LOAI_KCB (QĐ 1804/2026). */
  careTypeCode: careTypeCodeSchema.optional(),
  /** GIAY_CHUYEN_TUYEN: the referral or appointment slip number. */
  referralNumber: optionalText(50).optional(),
  /** MA_NOI_DI: the referring facility. */
  referringFacility: facilityCodeSchema.nullable().optional(),
  emergency: z.boolean().optional(),
  /** The queue priority the clerk confirmed; undefined = the record's suggestion, null = none. */
  priority: priorityClassSchema.nullable().optional(),
  /** Service-versus-patient warnings the clerk confirmed (recorded with the visit). */
  confirmedChecks: z.array(visitCheckCodeSchema).max(10).optional()
})
export type VisitForm = z.infer<typeof visitFormSchema>

export const registrationInputSchema = z.object({
  /** When set, the registration updates this patient (history is kept) instead of matching by ID. */
  patientId: id.nullable(),
  patient: patientFormSchema,
  visit: visitFormSchema,
  /** The identity read (chip/QR) this form was filled from, if any. */
  identityReadId: id.nullable(),
  source: identitySourceSchema,
  /** The clerk confirmed a second visit the same day for this patient (else CONFLICT desk.sameDayVisit). */
  confirmSameDay: z.boolean().optional(),
  /** The clerk confirmed saving from a chip that failed its signature or anti-clone check (audited). */
  confirmTamperedChip: z.boolean().optional(),
  /** The BHYT check (bhyt:check) made for this registration: linked to the new visit in the same transaction. */
  bhytCheckId: z.number().int().nullable().optional()
})
export type RegistrationInput = z.infer<typeof registrationInputSchema>

export const registrationResultSchema = z.object({
  patientId: z.string(),
  visitId: z.string(),
  patientCreated: z.boolean(),
  outboxIds: z.array(z.number().int()),
  /** The visit's queue number (STT), issued at save. */
  ticket: queueTicketSchema.optional()
})
export type RegistrationResult = z.infer<typeof registrationResultSchema>

export const patientSummarySchema = z.object({
  id: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: sexSchema,
  idNumber: z.string().nullable(),
  bhytCardNumber: z.string().nullable(),
  addressText: z.string(),
  updatedAt: z.string()
})
export type PatientSummary = z.infer<typeof patientSummarySchema>

export const visitSummarySchema = z.object({
  id: z.string(),
  patientId: z.string(),
  serviceType: visitTypeSchema,
  visitedAt: z.string(),
  department: z.string().nullable()
})
export type VisitSummary = z.infer<typeof visitSummarySchema>

export const patientRecordSchema = z.object({
  id: z.string(),
  form: patientFormSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  visits: z.array(visitSummarySchema)
})
export type PatientRecord = z.infer<typeof patientRecordSchema>
