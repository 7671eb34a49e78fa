import { z } from 'zod'
import { identitySchema, partialDateSchema } from './identity'
import { patientFormSchema } from './patient'
import { appErrorSchema } from './errors'
import { messageRefSchema } from './messages'

/** One reading of a free-text address in the current unit list (the clerk picks when it is not certain). */
export const addressCandidateSchema = z.object({
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  unitListVersion: z.string(),
  confidence: z.number(),
  via: z.enum(['current', 'legacy']),
  fromOldCode: z.string().nullable(),
  fromSplit: z.boolean(),
  /** The old unit's name and how much of it went to this candidate (all, or a part), for the clerk to ask about. */
  fromOldName: z.string().nullable().optional(),
  share: z.enum(['full', 'partial']).nullable().optional()
})
export type AddressCandidateValue = z.infer<typeof addressCandidateSchema>

export const readingWarningSchema = z.object({
  code: z.string(),
  /** The form field it is about, when there is one. */
  field: z.string().nullable(),
  /** Vietnamese rendering of key + params (contract/messages); the screen formats the key in its language. */
  message: z.string(),
  ...messageRefSchema.partial().shape,
  blocking: z.boolean()
})
export type ReadingWarning = z.infer<typeof readingWarningSchema>

/** The patient already on file for this card, and what the card changes (a re-scan updates, never duplicates). */
export const returningPatientSchema = z.object({
  /** The local record; null when only the HIS knows the patient (registered at another desk, ADR 0024). */
  patientId: z.string().nullable(),
  /** Where the patient was found: this desk's database, or the facility HIS (shared by every desk). */
  source: z.enum(['local', 'his']).default('local'),
  /** The HIS's Patient.id when known: the visit then references it and no second Patient is sent. */
  hisPatientId: z.string().nullable().default(null),
  fullName: z.string(),
  by: z.enum(['idNumber', 'oldIdNumber', 'bhyt']),
  /** Local time (HH:MM) of a visit already registered today, or null. */
  visitedTodayAt: z.string().nullable().optional(),
  changes: z.array(z.object({ field: z.string(), message: z.string(), ...messageRefSchema.partial().shape }))
})
export type ReturningPatient = z.infer<typeof returningPatientSchema>

/** found: the HIS knows the ID number; offline: it did not answer in time (the desk went on locally). */
export const hisLookupStateSchema = z.enum(['found', 'not-found', 'offline'])
export type HisLookupState = z.infer<typeof hisLookupStateSchema>

/**
 * The form as coded from a card: a card without a readable birth date still fills what it has, with a blocking
 * DOB_MISSING warning, so its date stays empty until the clerk types it (saving checks the full form).
 */
export const codedFormSchema = patientFormSchema.extend({
  dateOfBirth: z.union([partialDateSchema, z.literal('')])
})

/** An identity turned into the MoH-coded form, with what the clerk must still decide. */
export const codedIdentitySchema = z.object({
  form: codedFormSchema,
  /** Set when the card belongs to a patient on file. */
  returning: returningPatientSchema.nullable().default(null),
  addressCandidates: z.array(addressCandidateSchema),
  /** "mapped from the old unit X, district Y" when the card still carries a pre-2025 address. */
  addressNote: z.string().nullable(),
  /** The same note as a catalogue key + params, for the screen's language. */
  addressNoteRef: messageRefSchema.nullable().optional(),
  warnings: z.array(readingWarningSchema),
  /** What the HIS lookup gave (ADR 0024); absent when it was not asked (a local match, no ID, lookup off). */
  hisLookup: hisLookupStateSchema.optional()
})
export type CodedIdentity = z.infer<typeof codedIdentitySchema>

export const scanViaSchema = z.enum(['keyboard', 'camera', 'hid', 'serial', 'cli'])
export type ScanVia = z.infer<typeof scanViaSchema>

/** A QR read: recorded in identity_reads, decoded, coded. */
export const qrReadSchema = z.object({
  readId: z.string(),
  via: scanViaSchema,
  identity: identitySchema,
  coded: codedIdentitySchema,
  /** The card's chip can be opened with these (the QR-then-card flow needs no typing). */
  chipKeysReady: z.boolean()
})
export type QrRead = z.infer<typeof qrReadSchema>

/** Anti-clone check (Active Authentication with DG15, Chip Authentication with DG14). ADR 0018. */
export const antiCloneSchema = z.object({
  /** absent: the chip offers no such check; unchecked: offered, but this reader did not run it. */
  status: z.enum(['valid', 'invalid', 'absent', 'unchecked']),
  algorithm: z.string().nullable()
})
export type AntiCloneValue = z.infer<typeof antiCloneSchema>

/**
 * The honest trust mark: verified = signature chains to an imported CSCA ('Chip ✓'); intact = data matches a
 * valid signature whose signer is not verified ('Chip'); altered = hashes or signature wrong ('Chip ✗').
 */
export const chipTrustSchema = z.enum(['verified', 'intact', 'altered', 'unchecked'])
export type ChipTrust = z.infer<typeof chipTrustSchema>

export const passiveAuthSchema = z.object({
  status: z.enum(['valid', 'invalid', 'unchecked']),
  dataGroupHashes: z.array(
    z.object({ dg: z.number().int(), status: z.enum(['match', 'mismatch', 'not-read', 'not-in-sod']) })
  ),
  signature: z.enum(['valid', 'invalid', 'unchecked']),
  chain: z.enum(['trusted', 'untrusted', 'unknown']),
  signerSubject: z.string().nullable(),
  // Added with PACE/AA (ADR 0018); optional so older records still parse.
  trust: chipTrustSchema.optional(),
  /** The document signer's issuer differs from every one seen before on this computer: IT should look. */
  newSignerIssuer: z.boolean().optional(),
  accessControl: z.enum(['BAC', 'PACE']).optional(),
  activeAuthentication: antiCloneSchema.optional(),
  chipAuthentication: antiCloneSchema.optional()
})
export type PassiveAuthValue = z.infer<typeof passiveAuthSchema>

export const readStepSchema = z.enum(['connect', 'auth', 'dg13', 'dg1', 'sod', 'dg2'])
export type ReadStep = z.infer<typeof readStepSchema>

/** What the card reader tells the screen while a card is read, in order. */
export const cardEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inserted'), readerName: z.string() }),
  z.object({ type: z.literal('removed'), readerName: z.string() }),
  z.object({ type: z.literal('progress'), step: readStepSchema, percent: z.number().min(0).max(100) }),
  /** DG13 decoded: the form can be filled before the photo arrives. */
  z.object({
    type: z.literal('identity'),
    readId: z.string(),
    identity: identitySchema,
    coded: codedIdentitySchema
  }),
  z.object({ type: z.literal('verified'), readId: z.string(), passiveAuthentication: passiveAuthSchema }),
  z.object({ type: z.literal('photo'), readId: z.string(), mime: z.string(), dataBase64: z.string() }),
  z.object({
    type: z.literal('done'),
    readId: z.string(),
    timings: z.object({ authMs: z.number(), identityMs: z.number(), totalMs: z.number() })
  }),
  z.object({ type: z.literal('error'), error: appErrorSchema })
])
export type CardEvent = z.infer<typeof cardEventSchema>

/** A scan from a hardware scanner (HID-POS / USB-COM) handled in the main process. */
export const qrScannedEventSchema = z.union([
  z.object({ ok: z.literal(true), value: qrReadSchema }),
  z.object({ ok: z.literal(false), error: appErrorSchema })
])
