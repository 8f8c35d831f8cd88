import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs'

/**
 * What a plan file is, read from its bytes before SQLite touches it. Opening a file with
 * better-sqlite3 in read-write mode already changes it (WAL switch, side files), so every
 * refusal here happens first.
 */

/** `PRAGMA application_id` of every plan: "ACP1". Set by `migrate`, checked before any open. */
export const APPLICATION_ID = 0x41435031

/** Tables every plan has had since schema 1; a database with all of them and no id is a plan from before the id. */
const PLAN_TABLES = ['areas', 'neighborhoods', 'officers', 'audit_log'] as const
export { PLAN_TABLES }

function kindOf(path: string): string {
  const s = statSync(path)
  if (s.isDirectory()) return 'a folder'
  if (s.isFIFO()) return 'a named pipe (FIFO)'
  if (s.isSocket()) return 'a socket'
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Null when `path` (after symlinks) is a regular file, else what it is. Reading a FIFO or a
 * device blocks or never ends, so nothing may open one as a plan, backup or output.
 */
export function notRegularFile(path: string): string | null {
  if (!existsSync(path)) return null
  return statSync(path).isFile() ? null : kindOf(path)
}

export interface SqliteHeader {
  pageSize: number
  /** Pages the header says the file holds, or null when that field is not trustworthy (old writers). */
  pageCount: number | null
  userVersion: number
  applicationId: number
  /** Bytes on disk. */
  bytes: number
}

const MAGIC = 'SQLite format 3\0'

/** The 100-byte database header, or null when the file is empty or not SQLite. */
export function readSqliteHeader(file: string): SqliteHeader | null {
  const fd = openSync(file, 'r')
  try {
    const bytes = fstatSync(fd).size
    const buf = Buffer.alloc(100)
    const n = readSync(fd, buf, 0, 100, 0)
    if (n < 100 || buf.toString('latin1', 0, 16) !== MAGIC) return null
    const raw = buf.readUInt16BE(16)
    const pageSize = raw === 1 ? 65536 : raw
    // The in-header size is valid only when "version-valid-for" equals the change counter (fileformat2 §1.3.7).
    const pageCount = buf.readUInt32BE(92) === buf.readUInt32BE(24) && buf.readUInt32BE(28) > 0 ? buf.readUInt32BE(28) : null
    return { pageSize, pageCount, userVersion: buf.readUInt32BE(60), applicationId: buf.readUInt32BE(68), bytes }
  } finally {
    closeSync(fd)
  }
}

/** Whether the file starts with SQLite's magic string (an empty file counts as not SQLite). */
export function isSqliteFile(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === MAGIC
  } finally {
    closeSync(fd)
  }
}

/**
 * A file cut short (a copy that stopped, a full disk, a truncation) is not caught by
 * quick_check when the cut falls inside the last page: SQLite reads the missing bytes as
 * zeros and carries them into every backup. The header says how long the file must be.
 * Returns the problem, or null when the length fits. While a -wal holds frames, the file can
 * be legitimately short: a checkpoint cut off by a crash may have written page 1 (with the new
 * count) before the pages past the end, and SQLite completes it from the -wal at the next open,
 * so the length says nothing then and quick_check alone judges the file.
 */
export function truncationProblem(file: string): string | null {
  if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) return null
  const h = readSqliteHeader(file)
  if (!h) return null
  if (h.bytes % h.pageSize !== 0) {
    return `the file is ${h.bytes.toLocaleString('en-US')} bytes, not a whole number of ${h.pageSize}-byte pages: it was cut short or padded`
  }
  if (h.pageCount !== null && h.bytes < h.pageCount * h.pageSize) {
    return `the file holds ${(h.bytes / h.pageSize).toLocaleString('en-US')} of its ${h.pageCount.toLocaleString('en-US')} pages: it was cut short`
  }
  return null
}
