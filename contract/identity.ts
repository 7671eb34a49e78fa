import { z } from 'zod'

/** 'YYYY-MM-DD', or a partial date 'YYYY-MM' / 'YYYY' (cards and XML1 allow unknown day/month). */
export const partialDateSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'Ngày phải có dạng YYYY-MM-DD, YYYY-MM hoặc YYYY'
  )

export const fullDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)

export const sexSchema = z.enum(['male', 'female', 'other'])
export type Sex = z.infer<typeof sexSchema>

export const identitySourceSchema = z.enum(['chip', 'qr', 'manual'])
export type IdentitySource = z.infer<typeof identitySourceSchema>

/**
 * Bounds (docs/adr/0017): every string has a maximum, generous for real cards and far below what could stall the
 * desk. Names and places as the card prints them; an address like XML1 DIA_CHI.
 */
export const MAX_NAME = 255
export const MAX_ADDRESS = 1024
const MAX_FIELD = 500
const text = z.string().max(MAX_FIELD).nullable()
const place = z.string().max(MAX_ADDRESS).nullable()
const name = z.string().max(MAX_NAME).nullable()

/** The 12-digit personal ID number (CCCD), and the old ID (9-digit CMND or 12-digit): one schema for every form. */
export const idNumberSchema = z.string().regex(/^\d{12}$/)
export const oldIdNumberSchema = z.string().regex(/^\d{9}$|^\d{12}$/)

/**
 * The identity a chip, a QR code or the clerk yields: one shape for every path.
 * Strings are as printed on the card, Unicode NFC; null where the source does not know.
 */
export const identitySchema = z.object({
  idNumber: idNumberSchema.nullable(),
  oldIdNumber: oldIdNumberSchema.nullable(),
  fullName: z.string().max(MAX_NAME).regex(/\S/, 'Họ tên không được để trống'),
  dateOfBirth: partialDateSchema.nullable(),
  sex: sexSchema.nullable(),
  nationality: text,
  ethnicity: text,
  religion: text,
  placeOfOrigin: place,
  placeOfResidence: place,
  identifyingFeatures: text,
  issueDate: fullDateSchema.nullable(),
  expiryDate: fullDateSchema.nullable(),
  noExpiry: z.boolean(),
  fatherName: name,
  motherName: name,
  spouseName: name,
  source: identitySourceSchema
})
export type Identity = z.infer<typeof identitySchema>

/** An identity with every optional field unknown; decoders start from this. */
export function emptyIdentity(source: IdentitySource, fullName = ''): Identity {
  return {
    idNumber: null,
    oldIdNumber: null,
    fullName,
    dateOfBirth: null,
    sex: null,
    nationality: null,
    ethnicity: null,
    religion: null,
    placeOfOrigin: null,
    placeOfResidence: null,
    identifyingFeatures: null,
    issueDate: null,
    expiryDate: null,
    noExpiry: false,
    fatherName: null,
    motherName: null,
    spouseName: null,
    source
  }
}
