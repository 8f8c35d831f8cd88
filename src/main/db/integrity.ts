import Database from 'better-sqlite3'
import { existsSync, renameSync } from 'node:fs'
import type { Db } from './connection'
import { bindingOption } from './sqlite-binding'

export type IntegrityMode = 'quick' | 'full'

export interface IntegrityResult {
  ok: boolean
  /** What SQLite reported, at most 10 lines; empty when ok. */
  problems: string[]
}

export { setSqliteBinding } from './sqlite-binding'

/** A bare connection for checks and file operations: no pragmas, no WAL switch. */
export function openRawDatabase(file: string, timeoutMs: number): Db {
  return new Database(file, { fileMustExist: true, timeout: timeoutMs, ...bindingOption() })
}

/**
 * A database held in memory only: empty, or a copy of a file's bytes. For SQLite-based
 * interchange files (GeoPackage), so reading one never creates side files next to the user's
 * file and writing one happens whole before it touches the disk.
 */
export function openMemoryDatabase(image?: Buffer): Db {
  return new Database(image ?? ':memory:', bindingOption())
}

/** The companion files SQLite keeps beside a database in WAL mode. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const

/**
 * quick_check is O(pages) and catches torn or garbage pages; integrity_check also checks
 * that indexes match their tables. Both report "ok" as a single row when all is well.
 */
export function checkIntegrity(db: Db, mode: IntegrityMode = 'quick'): IntegrityResult {
  try {
    const rows = db.pragma(mode === 'quick' ? 'quick_check(10)' : 'integrity_check(10)') as Record<string, string>[]
    const lines = rows.map((r) => String(Object.values(r)[0]))
    return lines.length === 1 && lines[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems: lines }
  } catch (e) {
    return { ok: false, problems: [errorText(e)] }
  }
}

/** Opens a file that may not even be a database, checks it, closes it. Never throws for damage. */
export function checkFileIntegrity(file: string, mode: IntegrityMode = 'full'): IntegrityResult {
  if (!existsSync(file)) return { ok: false, problems: [`there is no file at ${file}`] }
  let db: Db | null = null
  try {
    db = openRawDatabase(file, 2000)
    return checkIntegrity(db, mode)
  } catch (e) {
    return { ok: false, problems: [errorText(e)] }
  } finally {
    db?.close()
  }
}

/** SQLite error codes that mean the bytes on disk are not a usable database. */
export function isDamageError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
}

/** Another connection holds the lock longer than our busy timeout. */
export function isLockError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)
}

export function errorText(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown }
  const msg = typeof err?.message === 'string' ? err.message : String(e)
  return typeof err?.code === 'string' && !msg.includes(err.code) ? `${err.code}: ${msg}` : msg
}

/** A timestamp that sorts as text and is a valid file name on Windows too (no colons). */
export function fileStamp(d: Date): string {
  return d.toISOString().replace(/:/g, '-').replace('.', '-')
}

export function parseFileStamp(s: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(s)
  if (!m) return null
  const d = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`)
  return Number.isNaN(d.getTime()) ? null : d
}

/**
 * Renames a database and its -wal/-shm to `<file><suffix>` (+ the same side suffixes), so the
 * pair stays together: SQLite only replays a WAL named after its own database file.
 */
export function moveDatabaseFiles(file: string, suffix: string): string {
  const target = `${file}${suffix}`
  for (const side of ['', ...SIDE_FILES]) {
    if (existsSync(file + side)) renameSync(file + side, target + side)
  }
  return target
}
