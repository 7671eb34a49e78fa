import { z } from 'zod'

/**
 * The health-insurance (BHYT) card as the desk knows it, and the answer of a card check through the BHXH
 * gateway (docs/desk-duties.md §1). Dates are YYYY-MM-DD (a year-only birth date stays YYYY).
 */
export const bhytCardSchema = z.object({
  /** The 15-character card code (2 letters + 13 digits), what XML1 MA_THE_BHYT takes. */
  cardNumber: z.string().max(15).nullable(),
  /** Registered primary-care facility (MA_DKBD), 5 characters. */
  registeredFacility: z.string().max(10).nullable(),
  validFrom: z.string().max(10).nullable(),
  validTo: z.string().max(10).nullable(),
  /** K1, K2 or K3 (MA_KHUVUC), or null. */
  areaCode: z.string().max(2).nullable(),
  /** The date five continuous years of cover are reached. */
  fiveYearsFrom: z.string().max(10).nullable(),
  socialInsuranceNumber: z.string().max(10).nullable()
})
export type BhytCard = z.infer<typeof bhytCardSchema>

export const bhytCheckStatuses = ['verified', 'refused', 'unverified'] as const
export type BhytCheckStatus = (typeof bhytCheckStatuses)[number]

/** What the desk should do with the card after a check: one per result-code group. */
export const bhytActions = [
  'use',
  'use-check-papers',
  'switch-to-new-card',
  'offer-new-card',
  'not-usable',
  'correct-card-number',
  'correct-name',
  'correct-birth-date',
  'tell-it',
  'retry-later',
  'child-flow',
  'report-bug'
] as const
export type BhytAction = (typeof bhytActions)[number]

export const bhytCheckElsewhereSchema = z.object({
  facility: z.string().max(100),
  at: z.string().max(30),
  note: z.string().max(500)
})

export const bhytCheckResultSchema = z.object({
  /** The gateway's maKetQua, e.g. "000"; null when the gateway did not answer. */
  code: z.string().max(10).nullable(),
  usable: z.boolean(),
  status: z.enum(bhytCheckStatuses),
  action: z.enum(bhytActions),
  /** Catalogue key of the clerk's message (contract/messages). */
  messageKey: z.string().max(100),
  messageParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The clerk's message in Vietnamese (the screen formats messageKey in its own language). */
  message: z.string().max(1000),
  card: bhytCardSchema.nullable(),
  newCard: bhytCardSchema.nullable(),
  holder: z
    .object({
      fullName: z.string().max(200).nullable(),
      dateOfBirth: z.string().max(10).nullable(),
      sex: z.enum(['male', 'female']).nullable(),
      address: z.string().max(500).nullable()
    })
    .nullable(),
  checkedElsewhere: z.array(bhytCheckElsewhereSchema).max(200),
  checkedAt: z.string().max(40)
})
export type BhytCheckResult = z.infer<typeof bhytCheckResultSchema>

/** `bhyt:check`: the card key the patient gave, the name and birth date to check it with. */
export const bhytCheckInputSchema = z.object({
  cardKey: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{12}|\d{10}|[A-Z]{2}\d{13})$/),
  fullName: z.string().trim().min(1).max(200),
  dateOfBirth: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  patientId: z.string().max(100).nullable().optional(),
  /** Ask again even when the same card was checked in the last 15 minutes. */
  force: z.boolean().optional()
})

export const bhytCheckOutputSchema = z.object({
  /** The stored check: pass it to patients:register so the visit carries it. */
  checkId: z.number().int(),
  result: bhytCheckResultSchema,
  /** Another facility checked the card today (dsLichSuKT2018). */
  elsewhereToday: z.boolean()
})

/** The card as a visit's snapshot carries it (contract/submission.ts), and what XML1 is written from. */
export const submissionBhytSchema = z.object({
  status: z.enum(bhytCheckStatuses),
  cardNumber: z.string().max(15).nullable(),
  registeredFacility: z.string().max(10).nullable(),
  validFrom: z.string().max(10).nullable(),
  validTo: z.string().max(10).nullable(),
  areaCode: z.string().max(2).nullable(),
  fiveYearsFrom: z.string().max(10).nullable()
})
export type SubmissionBhyt = z.infer<typeof submissionBhytSchema>

/** `bhyt:qr`: a scanned BHYT card or VssID QR, decoded (docs/desk-duties.md §2). */
export const bhytQrInputSchema = z.object({ text: z.string().max(4096), via: z.enum(['keyboard', 'camera']) })
export const bhytQrReadSchema = z.object({
  card: bhytCardSchema,
  holder: z.object({
    fullName: z.string().max(200).nullable(),
    dateOfBirth: z.string().max(10).nullable(),
    sex: z.enum(['male', 'female']).nullable(),
    address: z.string().max(500).nullable()
  })
})
export type BhytQrRead = z.infer<typeof bhytQrReadSchema>

/** Looks like a BHYT/VssID QR (a 15-character card code, then '|'): cheap, for routing a scan (no decoding). */
export const looksLikeBhytQrText = (text: string): boolean => /^\s*[A-Za-z]{2}\d{13}\|/.test(text)
