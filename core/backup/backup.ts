import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../contract/errors'
import type { Db } from '../../db/connection'
import { openDatabase } from '../../db/connection'
import {
  DATABASE_FILE_NAME,
  ensureIdentity,
  ensurePrivateDir,
  KEY_FILE_NAME,
  readIdentity
} from '../../db/data-dir'
import { readKeyFile, writeKeyFile } from '../../db/key-file'
import { inspectDatabaseFile, snapshotInto, summarize, type DatabaseSummary } from '../../db/snapshot'
import { MARKER_SUFFIX } from '../../db/commit-marker'
import {
  BACKUP_MAGIC,
  openSealedKey,
  readBackupHeader,
  sealKey,
  sha256OfFile,
  type BackupHeader
} from './backup-file'

export interface BackupResult {
  file: string
  patients: number
  queued: number
  withKey: boolean
}

function copyRange(fromPath: string, fromOffset: number, toFd: number): void {
  const fd = openSync(fromPath, 'r')
  const chunk = Buffer.alloc(1 << 20)
  try {
    for (let at = fromOffset; ;) {
      const n = readSync(fd, chunk, 0, chunk.length, at)
      if (n === 0) break
      writeSync(toFd, chunk, 0, n)
      at += n
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes a backup of the open database to `to` (0600, atomically). The copy is checked (integrity, counts)
 * before it is kept. With a passphrase the desk key travels sealed in it.
 */
export function createBackup(opts: {
  db: Db
  dataDir: string
  key: Buffer
  to: string
  appVersion: string
  now: Date
  passphrase?: string
}): BackupResult {
  ensurePrivateDir(dirname(opts.to))
  const snapshot = `${opts.to}.${process.pid}.snapshot`
  const tmp = `${opts.to}.${process.pid}.tmp`
  try {
    snapshotInto(opts.db, snapshot)
    const summary = inspectDatabaseFile(snapshot, opts.key)
    if (!summary) throw new Error('the snapshot does not open with the desk key')
    const header: BackupHeader = {
      createdAt: opts.now.toISOString(),
      dataDirId: readIdentity(opts.dataDir)?.id ?? 'unknown',
      appVersion: opts.appVersion,
      ...summary,
      databaseBytes: statSync(snapshot).size,
      databaseSha256: sha256OfFile(snapshot),
      ...(opts.passphrase !== undefined ? { key: sealKey(opts.key, opts.passphrase) } : {})
    }
    const fd = openSync(tmp, 'w', 0o600)
    try {
      writeSync(fd, BACKUP_MAGIC + JSON.stringify(header) + '\n')
      copyRange(snapshot, 0, fd)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, opts.to)
    return {
      file: opts.to,
      patients: summary.patients,
      queued: summary.queued,
      withKey: header.key !== undefined
    }
  } finally {
    rmSync(snapshot, { force: true })
    rmSync(tmp, { force: true })
  }
}

export interface RestoreResult {
  dataDir: string
  patients: number
  queued: number
  /** Where the database that was there before now lies (kept, never deleted), if there was one. */
  keptAs: string | null
}

/** The key that opens the backup: the sealed one (needs the passphrase), else the data directory's own. */
function backupKey(header: BackupHeader, dataDir: string, passphrase: string | undefined): Buffer {
  if (header.key && passphrase !== undefined) return openSealedKey(header.key, passphrase)
  const keyFile = join(dataDir, KEY_FILE_NAME)
  if (existsSync(keyFile)) return readKeyFile(keyFile)
  if (header.key) throw AppError.of('VALIDATION', 'error.BACKUP_PASSPHRASE_EMPTY')
  throw AppError.of('DB_KEY_MISSING', 'error.BACKUP_NO_KEY', { dir: dataDir })
}

/** What the data directory holds now, if its own key opens it; 'unknown' when it cannot be read. */
function existingSummary(dataDir: string): DatabaseSummary | 'unknown' | null {
  const path = join(dataDir, DATABASE_FILE_NAME)
  if (!existsSync(path) || statSync(path).size === 0) return null
  const keyFile = join(dataDir, KEY_FILE_NAME)
  if (!existsSync(keyFile)) return 'unknown'
  try {
    const db = openDatabase({ path, key: readKeyFile(keyFile), readonly: true })
    try {
      return summarize(db)
    } finally {
      db.close()
    }
  } catch {
    return 'unknown'
  }
}

const DB_COMPANIONS = ['', '-wal', '-shm', MARKER_SUFFIX]

/**
 * Puts a backup into `dataDir` (a new PC's, or the desk's own after a loss). Refuses to replace data newer than
 * the backup (or data it cannot read) unless `force`; what was there is moved aside, never deleted. The result
 * is opened the normal way (migrations included) and its counts must match the backup's.
 */
export function restoreBackup(opts: {
  dataDir: string
  from: string
  passphrase?: string
  force?: boolean
  now: Date
}): RestoreResult {
  const { header, bodyOffset } = readBackupHeader(opts.from)
  ensurePrivateDir(opts.dataDir)
  const key = backupKey(header, opts.dataDir, opts.passphrase)
  const dbPath = join(opts.dataDir, DATABASE_FILE_NAME)
  const incoming = `${dbPath}.restoring`
  try {
    const fd = openSync(incoming, 'w', 0o600)
    try {
      copyRange(opts.from, bodyOffset, fd)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    const inside = inspectDatabaseFile(incoming, key)
    if (!inside) {
      throw header.key
        ? AppError.of('BACKUP_PASSPHRASE_WRONG')
        : AppError.of('DB_KEY_MISSING', 'error.BACKUP_NO_KEY', { dir: opts.dataDir })
    }
    if (inside.patients !== header.patients || inside.queued !== header.queued) {
      throw AppError.of('BACKUP_INVALID', undefined, { file: opts.from })
    }

    const stamp = opts.now.toISOString().replace(/[:.]/g, '-')
    const keptAs = `${dbPath}.before-restore-${stamp}`
    const existing = existingSummary(opts.dataDir)
    const newer = existing === 'unknown' || (existing !== null && existing.lastChangeAt > header.lastChangeAt)
    if (newer && !opts.force) {
      throw AppError.of('RESTORE_NEWER_DATA', undefined, {
        dir: opts.dataDir,
        existing: existing === 'unknown' ? '?' : existing.lastChangeAt,
        backup: header.lastChangeAt,
        kept: keptAs
      })
    }
    let kept: string | null = null
    if (existing !== null) {
      for (const suffix of DB_COMPANIONS) {
        if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAs + suffix)
      }
      kept = keptAs
    } else {
      for (const suffix of DB_COMPANIONS.slice(1)) rmSync(dbPath + suffix, { force: true })
    }
    const keyFile = join(opts.dataDir, KEY_FILE_NAME)
    if (existsSync(keyFile) && !readKeyFile(keyFile).equals(key)) {
      copyFileSync(keyFile, `${keyFile}.before-restore-${stamp}`)
      rmSync(keyFile)
    }
    if (!existsSync(keyFile)) writeKeyFile(opts.dataDir, key, header.dataDirId)
    renameSync(incoming, dbPath)
    ensureIdentity(opts.dataDir, header.dataDirId)

    const db = openDatabase({ path: dbPath, key })
    try {
      const after = summarize(db)
      return { dataDir: opts.dataDir, patients: after.patients, queued: after.queued, keptAs: kept }
    } finally {
      db.close()
    }
  } finally {
    rmSync(incoming, { force: true })
  }
}
