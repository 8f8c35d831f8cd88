import Database from 'better-sqlite3'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { bindingOption } from './sqlite-binding'

export type Db = Database.Database

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3, used when running inside Electron. */
  nativeBinding?: string
  readonly?: boolean
}

/** Opens the plan database with the pragmas every connection needs. */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true })
  if (opts.readonly && !existsSync(file)) throw new Error(`No database at ${file}`)
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    // A second process holding a write lock makes us wait this long before SQLITE_BUSY.
    timeout: 5000,
    ...bindingOption(opts.nativeBinding),
  })
  if (!opts.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  return db
}

const hasWalFrames = (file: string): boolean => existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0

/**
 * The plan as it is on disk, for commands that only read. A read-only connection to a WAL
 * database creates -wal and -shm files (left behind, owned by whoever read it, and failing in
 * a read-only folder), so the file is read into memory instead: nothing on disk is created
 * or changed. The copy is writable in memory only, so an older schema can be migrated in it.
 * When another program has the plan open (its -wal holds frames not yet in the file), a
 * read-only connection is the only way to see them; its side files exist already.
 */
export function openSnapshot(file: string, opts: Pick<OpenOptions, 'nativeBinding'> = {}): Db {
  const native = bindingOption(opts.nativeBinding)
  if (hasWalFrames(file)) {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000, ...native })
    db.pragma('foreign_keys = ON')
    return db
  }
  const image = readFileSync(file)
  // Bytes 18-19 say "WAL"; an in-memory database has no shared memory for a WAL, so read it as a rollback-journal file.
  if (image.length >= 100) image.fill(1, 18, 20)
  const db = new Database(image, native)
  db.pragma('foreign_keys = ON')
  return db
}
