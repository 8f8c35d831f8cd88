import { existsSync, readFileSync, statSync } from 'node:fs'
import { userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Db } from '../db/connection'
import { SchemaTooNewError } from '../db/migrate'
import { openPlanDatabase } from '../db/open-checked'
import { isSqliteFile, notRegularFile } from '../db/plan-file'
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

export interface CliPlan {
  db: Db
  dbPath: string
  services: Services
  /** The CLI acts as Administration under the OS account that runs it; the audit log names that account. */
  actor: Actor
  close(): void
}

export interface OpenPlanFor {
  /** `init` only: a missing or empty file becomes a new plan. */
  create?: boolean
  /**
   * For commands that only read: the plan is read without a byte on disk changing, even when
   * it or its folder is read-only. Opt-in, because a writing command opened this way would
   * write into a copy in memory and lose its change.
   */
  readOnly?: boolean
  /** What a writing command is about to do, for the message when the plan cannot be written (e.g. 'import into it'). */
  purpose?: string
}

/**
 * Opens a plan (or, for `init`, creates one) with the Node build of better-sqlite3, checked
 * the way the app checks it, before anything is written: a regular file, an SQLite database
 * that is a plan (its application id), whole (length and quick_check), writable when the
 * command writes, not locked; then a backup before a schema upgrade, and refusal of a schema
 * from a newer app. A damaged plan stays where it is. Every failure is an InputError (exit 2).
 */
export async function openPlan(dbPath: string, opts: OpenPlanFor = {}): Promise<CliPlan> {
  const file = resolve(dbPath)
  if (!opts.create && !existsSync(file)) throw new InputError(`There is no plan database at ${dbPath}; create one with: npm run cli -- init --db ${dbPath}`)
  const kind = notRegularFile(file)
  if (kind) throw new InputError(`${dbPath} is ${kind}, not a plan database file`)
  if (existsSync(file) && statSync(file).size > 0 && !isSqliteFile(file)) throw new InputError(`${dbPath} is not a plan database (it is not an SQLite file); nothing was changed`)
  if (opts.create && !existsSync(dirname(file))) throw new InputError(`The folder ${dirname(file)} does not exist`)
  const readonly = !opts.create && opts.readOnly === true
  let db: Db | null = null
  try {
    db = openPlanDatabase(file, { onDamaged: 'refuse', mode: opts.create ? 'create' : 'existing', readonly, purpose: opts.purpose ?? (opts.create ? 'create the plan' : 'change the plan') }).db
    if (!readonly) await backupBeforeMigration(file)
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
