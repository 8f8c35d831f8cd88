import { existsSync } from 'node:fs'
import { AppError } from '../services/app-error'
import { defaultBackupDir, listBackups, type BackupInfo } from '../services/backup-service'
import { openDatabase, openSnapshot, type Db, type OpenOptions } from './connection'
import { checkIntegrity, errorText, fileStamp, isDamageError, isLockError, moveDatabaseFiles, type IntegrityMode } from './integrity'
import { truncationProblem } from './plan-file'
import { identifyPlanFile, writeProblem } from './plan-identity'

export interface OpenPlanOptions extends OpenOptions {
  /** Where backups of this plan live; default `<dir of file>/backups`. */
  backupDir?: string
  /** 'quick' (default) at every start; 'full' also checks indexes. */
  check?: IntegrityMode
  /**
   * What to do with a damaged file: 'throw' (default) moves it aside and throws
   * AppError('db-damaged') so the app can offer the latest backup; 'start-empty' moves it aside
   * and opens a fresh empty database, with `recovered` saying what happened; 'refuse' (the
   * command line) leaves it where it is and throws, naming the backup to restore.
   */
  onDamaged?: 'throw' | 'start-empty' | 'refuse'
  /**
   * 'create' (default, the app): a missing or empty file becomes a new plan. 'existing': only
   * a plan is opened; anything else is refused before it is touched.
   */
  mode?: 'create' | 'existing'
  /**
   * What the caller is about to do, for the message when the plan cannot be written
   * (e.g. 'import'). Ignored with `readonly`.
   */
  purpose?: string
  /** How long to wait for another program's write lock; the app's default is 5 s. */
  busyTimeoutMs?: number
  now?: () => Date
}

export interface DamageReport {
  file: string
  /** What SQLite said about the file. */
  problems: string[]
  /** Where the damaged file (and its -wal/-shm) now is. */
  movedTo: string
  latestBackup: BackupInfo | null
  /** Ready-made instructions for the user. */
  message: string
}

export interface OpenedPlan {
  db: Db
  /** Set when the file was damaged, moved aside, and an empty database opened in its place. */
  recovered?: DamageReport
}

function lockedError(file: string, e: unknown): AppError {
  return new AppError('db-locked', `${file} is in use by another program (${errorText(e)}). Close it and try again.`, { file })
}

function refusal(file: string, problems: string[], opts: OpenPlanOptions): AppError {
  const latestBackup = listBackups(file, opts.backupDir ?? defaultBackupDir(file))[0] ?? null
  const offer = latestBackup
    ? `The latest backup is ${latestBackup.file} from ${latestBackup.at}; restore it with: npm run cli -- restore --db "${file}" --from "${latestBackup.file}"`
    : 'There is no backup of it in the backups folder beside it.'
  return new AppError('db-damaged', `${file} is damaged (${problems.slice(0, 3).join('; ')}); nothing was changed. ${offer}`, { file, problems, latestBackup })
}

function damageReport(file: string, problems: string[], opts: OpenPlanOptions): DamageReport {
  const now = opts.now ?? (() => new Date())
  const movedTo = moveDatabaseFiles(file, `.damaged-${fileStamp(now())}`)
  const latestBackup = listBackups(file, opts.backupDir ?? defaultBackupDir(file))[0] ?? null
  const offer = latestBackup
    ? `The latest backup is ${latestBackup.file} from ${latestBackup.at}; restore it with: npm run cli -- restore --db "${file}" --from "${latestBackup.file}"`
    : 'There is no backup of it; the app will start with an empty plan.'
  const message = `${file} is damaged (${problems.slice(0, 3).join('; ')}). It was moved to ${movedTo} . ${offer}`
  return { file, problems, movedTo, latestBackup, message }
}

/**
 * Opens the plan and proves it is usable before anything reads it: integrity is checked,
 * and a write lock is taken and released at once, so "someone else has it open" shows up
 * now as AppError('db-locked') rather than as a crash at the first edit. A damaged file is
 * never repaired or replaced silently: it is moved aside and the latest backup is named.
 * A schema from a newer app is refused later by `migrate` (SchemaTooNewError).
 */
export function openPlanDatabase(file: string, opts: OpenPlanOptions = {}): OpenedPlan {
  if (file !== ':memory:') {
    const kind = identifyPlanFile(file, opts.nativeBinding)
    if (kind !== 'plan' && (opts.mode === 'existing' || opts.readonly)) {
      const what = { missing: 'There is no plan database at', empty: 'is an empty file, not a plan database', 'not-sqlite': 'is not a plan database (it is not an SQLite file)' }[kind]
      throw new AppError('not-a-plan', kind === 'missing' ? `${what} ${file}` : `${file} ${what}; nothing was changed`)
    }
    const cut = kind === 'plan' ? truncationProblem(file) : null
    if (cut) return damaged(file, [cut], opts)
    const denied = opts.readonly ? null : writeProblem(file)
    if (denied) {
      throw new AppError('db-read-only', `Cannot ${opts.purpose ?? 'change the plan'}: ${denied}. Nothing was changed; make it writable, or copy the plan to a folder you can write to`, { file })
    }
  }
  let db: Db | null = null
  let problems: string[] | null = null
  try {
    db = opts.readonly && file !== ':memory:' ? openSnapshot(file, opts) : openDatabase(file, opts)
    if (opts.busyTimeoutMs !== undefined) db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`)
    const check = checkIntegrity(db, opts.check ?? 'quick')
    if (!check.ok) problems = check.problems
    else if (!opts.readonly) db.exec('BEGIN IMMEDIATE; ROLLBACK')
  } catch (e) {
    if (isLockError(e)) {
      db?.close()
      throw lockedError(file, e)
    }
    if (!isDamageError(e)) {
      db?.close()
      throw e
    }
    problems = [errorText(e)]
  }
  if (!problems) return { db: db! }
  db?.close()
  return damaged(file, problems, opts)
}

function damaged(file: string, problems: string[], opts: OpenPlanOptions): OpenedPlan {
  if (file === ':memory:' || !existsSync(file)) throw new AppError('db-damaged', `${file} cannot be opened (${problems.join('; ')}).`)
  if (opts.readonly || opts.onDamaged === 'refuse') throw refusal(file, problems, opts)
  const report = damageReport(file, problems, opts)
  if (opts.onDamaged !== 'start-empty') throw new AppError('db-damaged', report.message, report)
  return { db: openPlanDatabase(file, { ...opts, onDamaged: 'throw' }).db, recovered: report }
}
