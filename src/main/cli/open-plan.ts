import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Db } from '../db/connection'
import { SchemaTooNewError } from '../db/migrate'
import { openPlanDatabase } from '../db/open-checked'
import { AppError } from '../services/app-error'
import type { Actor } from '../services/actor'
import { backupBeforeMigration } from '../services/backup-service'
import { createServices, type Services } from '../services'
import { InputError } from './command'

/** The repository root: src/main/cli -> ../../.. (the CLI runs from source under tsx). */
export const APP_ROOT = resolve(__dirname, '../../..')
export const SAMPLE_DIR = join(APP_ROOT, 'resources', 'geo')

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0'
  } catch {
    return '0.0.0'
  }
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown'
  }
}

/** SQLite's file header; checked before opening so a wrong --db (say, a GeoJSON) is refused, never moved aside as "damaged". */
const SQLITE_HEADER = 'SQLite format 3\0'

function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return n === 0 || buf.toString('latin1', 0, n) === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

export interface CliPlan {
  db: Db
  dbPath: string
  services: Services
  /** The CLI acts as Administration under the OS account that runs it; the audit log names that account. */
  actor: Actor
  close(): void
}

/**
 * Opens an existing plan (or, for `init`, creates one) with the Node build of better-sqlite3,
 * checked the way the app checks it: integrity, write lock, a backup before a schema upgrade,
 * refusal of a schema from a newer app. Every failure is an InputError (exit 2).
 */
export async function openPlan(dbPath: string, opts: { create?: boolean } = {}): Promise<CliPlan> {
  const file = resolve(dbPath)
  if (!opts.create && !existsSync(file)) throw new InputError(`There is no plan database at ${dbPath}; create one with: npm run cli -- init --db ${dbPath}`)
  if (existsSync(file) && statSync(file).isDirectory()) throw new InputError(`${dbPath} is a folder, not a plan database file`)
  if (existsSync(file) && !looksLikeSqlite(file)) throw new InputError(`${dbPath} is not a plan database (it is not an SQLite file); nothing was changed`)
  if (opts.create && !existsSync(dirname(file))) throw new InputError(`The folder ${dirname(file)} does not exist`)
  let db: Db | null = null
  try {
    await backupBeforeMigration(file)
    db = openPlanDatabase(file, { onDamaged: 'throw' }).db
    const services = createServices({ db, dbPath: file, userDataPath: dirname(file), sampleDir: SAMPLE_DIR, osUser: osUser(), appVersion: appVersion() })
    const opened = db
    return { db, dbPath: file, services, actor: { osUser: services.config.osUser, profile: { role: 'admin' } }, close: () => opened.close() }
  } catch (e) {
    db?.close()
    if (e instanceof AppError || e instanceof SchemaTooNewError) throw new InputError(e.message)
    if (e instanceof Error && /file is not a database|SQLITE_NOTADB/i.test(`${e.message} ${(e as { code?: string }).code}`)) {
      throw new InputError(`${dbPath} is not a plan database (${e.message})`)
    }
    throw e
  }
}
