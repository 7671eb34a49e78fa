import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { AppError } from '../contract/errors'
import type { Db } from './db-type'
import { closeQuietly, openWalIndex, readWalIndex, scanWal, type WalIndexState } from './wal-state'

/**
 * The last commit, kept outside the WAL. With synchronous=FULL a commit is on disk once it returns, but SQLite
 * replays a log only up to its first damaged frame and drops the rest without a word: a truncated or garbled
 * WAL (a copy taken mid-write, a bad sector) would show fewer patients as if nothing happened. After every
 * commit the app writes the log's committed frame count here; at open a log that holds fewer committed frames
 * than the marker is refused with DB_WAL_DAMAGED. The marker is written after SQLite's fsync of the commit, so
 * it can lag the log (a crash) but never run ahead of it: no false alarm after a power cut.
 */

export const MARKER_SUFFIX = '-commit'
const MARKER_BYTES = 128

interface Marker {
  salt: string
  frames: number
  backfilled: number
}

/**
 * Null when absent or unreadable. The marker is not fsynced, so a power cut can leave it torn: it then says
 * nothing (the open goes ahead as before) rather than raise a false alarm.
 */
function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null
  try {
    const m = JSON.parse(readFileSync(path, 'utf8').trim()) as Partial<Marker>
    if (typeof m.salt === 'string' && Number.isInteger(m.frames) && Number.isInteger(m.backfilled)) {
      return m as Marker
    }
  } catch {
    // torn or empty
  }
  return null
}

function lostFrames(dbPath: string): { expected: number; found: number } | null {
  const marker = readMarker(dbPath + MARKER_SUFFIX)
  if (!marker || marker.frames <= marker.backfilled) return null
  const scan = scanWal(dbPath + '-wal')
  // A new salt means SQLite restarted the log after copying every frame into the database file.
  if (scan && scan.salt !== marker.salt) return null
  const found = scan?.committedFrames ?? 0
  return found < marker.frames ? { expected: marker.frames, found } : null
}

/**
 * Throws DB_WAL_DAMAGED when the log next to `dbPath` lost commits the marker recorded. Looked at up to three
 * times: another process closing the database folds and deletes the log a moment before it resets the marker.
 */
export function verifyWalAgainstMarker(dbPath: string): void {
  let lost = lostFrames(dbPath)
  for (let attempt = 0; lost && attempt < 2; attempt++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50)
    lost = lostFrames(dbPath)
  }
  if (lost) {
    throw AppError.of(
      'DB_WAL_DAMAGED',
      undefined,
      { path: dbPath },
      { expectedFrames: lost.expected, found: lost.found }
    )
  }
}

function writeMarker(fd: number, state: WalIndexState): void {
  const body = JSON.stringify({ salt: state.salt, frames: state.mxFrame, backfilled: state.backfilled })
  const buf = Buffer.alloc(MARKER_BYTES, ' ')
  buf.write(body, 'utf8')
  buf[MARKER_BYTES - 1] = 0x0a
  writeSync(fd, buf, 0, MARKER_BYTES, 0)
}

type Fn = (...args: never[]) => unknown

/**
 * Hooks the connection so the marker follows every commit: after each writing statement run outside a
 * transaction, after each outermost transaction, after exec. One 100-byte read of the wal-index per write,
 * one 128-byte write when it changed; no extra fsync.
 */
export function trackCommits(db: Db, dbPath: string): void {
  const markerFd = openSync(dbPath + MARKER_SUFFIX, 'a+', 0o600)
  closeSync(markerFd)
  const fd = openSync(dbPath + MARKER_SUFFIX, 'r+')
  let shm: number | null = null
  let last = ''
  const afterWrite = (): void => {
    if (db.inTransaction || !db.open) return
    try {
      shm ??= openWalIndex(dbPath + '-shm')
      const state = shm === null ? null : readWalIndex(shm)
      if (!state) return
      const sig = `${state.salt}:${state.mxFrame}:${state.backfilled}`
      if (sig === last) return
      writeMarker(fd, state)
      last = sig
    } catch {
      // The commit itself succeeded; a marker that lags (full disk) is safe: it can only under-report.
    }
  }
  const wrap = <F extends Fn>(f: F): F =>
    function (this: unknown, ...args: never[]) {
      try {
        return f.apply(this, args)
      } finally {
        afterWrite()
      }
    } as F

  const prepare = db.prepare.bind(db)
  db.prepare = ((source: string) => {
    const statement = prepare(source)
    if (!statement.readonly) {
      statement.run = wrap(statement.run.bind(statement))
      statement.get = wrap(statement.get.bind(statement))
      statement.all = wrap(statement.all.bind(statement))
    }
    return statement
  }) as Db['prepare']
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn: Fn) => {
    const t = transaction(fn)
    return Object.assign(wrap(t), {
      default: wrap(t.default),
      deferred: wrap(t.deferred),
      immediate: wrap(t.immediate),
      exclusive: wrap(t.exclusive)
    })
  }) as Db['transaction']
  db.exec = wrap(db.exec.bind(db)) as Db['exec']
  afterWrite()

  const close = db.close.bind(db)
  db.close = (() => {
    if (!db.open) return db
    closeQuietly(shm)
    shm = null
    close()
    // SQLite checkpoints and deletes the log when the last connection closes: the marker then says "nothing
    // pending". If another process still holds the log, it stays and the marker stays true.
    try {
      if (!scanWal(dbPath + '-wal')) writeMarker(fd, { salt: '', mxFrame: 0, backfilled: 0 })
    } catch {
      // A marker left claiming frames of a log SQLite folded in and deleted would be a false alarm: drop it.
      rmSync(dbPath + MARKER_SUFFIX, { force: true })
    }
    closeQuietly(fd)
    return db
  }) as Db['close']
}
