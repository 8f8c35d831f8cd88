import { existsSync } from 'node:fs'
import { AppError } from '../services/app-error'
import { defaultBackupDir, listBackups, type BackupInfo } from '../services/backup-service'
import { openDatabase, type Db, type OpenOptions } from './connection'
import { checkIntegrity, errorText, fileStamp, isDamageError, isLockError, moveDatabaseFiles, type IntegrityMode } from './integrity'

export interface OpenPlanOptions extends OpenOptions {
  /** Where backups of this plan live; default `<dir of file>/backups`. */
  backupDir?: string
  /** 'quick' (default) at every start; 'full' also checks indexes. */
  check?: IntegrityMode
  /**
   * What to do with a damaged file once it is moved aside: 'throw' (default) an
   * AppError('db-damaged') so the app can offer the latest backup, or 'start-empty' with a
   * fresh empty database and `recovered` saying what happened.
   */
  onDamaged?: 'throw' | 'start-empty'
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
  let db: Db | null = null
  let problems: string[] | null = null
  try {
    db = openDatabase(file, opts)
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
  if (file === ':memory:' || opts.readonly || !existsSync(file)) throw new AppError('db-damaged', `${file} cannot be opened (${problems.join('; ')}).`)
  const report = damageReport(file, problems, opts)
  if (opts.onDamaged !== 'start-empty') throw new AppError('db-damaged', report.message, report)
  return { db: openPlanDatabase(file, { ...opts, onDamaged: 'throw' }).db, recovered: report }
}
