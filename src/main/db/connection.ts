import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

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
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  })
  if (!opts.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  return db
}
