import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../contract/errors'

/**
 * A backup file: one magic line, one JSON header line (counts and times, no personal data), then the database
 * exactly as SQLite3MultipleCiphers wrote it (already encrypted under the desk's key). With a passphrase the
 * header also carries that key sealed under it (scrypt → AES-256-GCM), so the backup restores on a new PC.
 */
export const BACKUP_MAGIC = 'RECEPTION-DESK-BACKUP 1\n'
export const BACKUP_EXTENSION = '.rdbak'

/** scrypt cost: N=2^17, r=8 (128 MiB, about a second on a desk PC) — a stolen backup resists guessing. */
const SCRYPT = { N: 1 << 17, r: 8, p: 1 }

const sealedKeySchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  sealed: z.string()
})
export type SealedKey = z.infer<typeof sealedKeySchema>

export const backupHeaderSchema = z.object({
  createdAt: z.string(),
  dataDirId: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  patients: z.number().int(),
  queued: z.number().int(),
  lastChangeAt: z.string(),
  databaseBytes: z.number().int(),
  databaseSha256: z.string(),
  key: sealedKeySchema.optional()
})
export type BackupHeader = z.infer<typeof backupHeaderSchema>

function kek(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, {
    ...cost,
    maxmem: 256 * cost.N * cost.r + (1 << 20)
  })
}

export function sealKey(key: Buffer, passphrase: string): SealedKey {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek(passphrase, salt, SCRYPT), iv)
  cipher.setAAD(Buffer.from(BACKUP_MAGIC))
  const sealed = Buffer.concat([cipher.update(key), cipher.final()])
  return {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64')
  }
}

/** The desk key inside a backup; BACKUP_PASSPHRASE_WRONG when the passphrase does not open it. */
export function openSealedKey(sealed: SealedKey, passphrase: string): Buffer {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      kek(passphrase, Buffer.from(sealed.salt, 'base64'), sealed),
      Buffer.from(sealed.iv, 'base64')
    )
    decipher.setAAD(Buffer.from(BACKUP_MAGIC))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
    const key = Buffer.concat([decipher.update(Buffer.from(sealed.sealed, 'base64')), decipher.final()])
    if (key.length === 32) return key
  } catch {
    // wrong passphrase: GCM tag mismatch
  }
  throw AppError.of('BACKUP_PASSPHRASE_WRONG')
}

export function sha256OfFile(path: string, from = 0): string {
  const hash = createHash('sha256')
  const fd = openSync(path, 'r')
  const chunk = Buffer.alloc(1 << 20)
  try {
    for (let at = from; ;) {
      const n = readSync(fd, chunk, 0, chunk.length, at)
      if (n === 0) break
      hash.update(chunk.subarray(0, n))
      at += n
    }
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/** Reads and checks a backup's header; `bodyOffset` is where the database bytes begin. */
export function readBackupHeader(file: string): { header: BackupHeader; bodyOffset: number } {
  const invalid = (): AppError => AppError.of('BACKUP_INVALID', undefined, { file })
  let head: Buffer
  try {
    const fd = openSync(file, 'r')
    try {
      head = Buffer.alloc(Math.min(64 * 1024, statSync(file).size))
      readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch {
    throw invalid()
  }
  if (!head.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) throw invalid()
  const end = head.indexOf(0x0a, BACKUP_MAGIC.length)
  if (end < 0) throw invalid()
  let header: BackupHeader
  try {
    header = backupHeaderSchema.parse(JSON.parse(head.subarray(BACKUP_MAGIC.length, end).toString('utf8')))
  } catch {
    throw invalid()
  }
  const bodyOffset = end + 1
  if (statSync(file).size - bodyOffset !== header.databaseBytes) throw invalid()
  if (sha256OfFile(file, bodyOffset) !== header.databaseSha256) throw invalid()
  return { header, bodyOffset }
}
