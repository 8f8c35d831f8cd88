import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { Db } from '../db/connection'
import { checkIntegrity, errorText, fileStamp, isLockError, moveDatabaseFiles, openRawDatabase, parseFileStamp, SIDE_FILES } from '../db/integrity'
import { MIGRATIONS, type Migration } from '../db/migrations'
import { notRegularFile, truncationProblem } from '../db/plan-file'
import { AppError } from './app-error'

export const BACKUP_REASONS = ['import', 'publish', 'migration', 'daily', 'manual'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export interface BackupInfo {
  /** Absolute path of the backup file. */
  file: string
  /** When it was taken (ISO 8601, UTC). */
  at: string
  reason: BackupReason
  bytes: number
}

const DAY_MS = 24 * 3600 * 1000

/** `<dir of db>/backups`: next to the plan, so moving the folder moves its history too. */
export function defaultBackupDir(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups')
}

function dbName(dbPath: string): string {
  const base = basename(dbPath)
  return extname(base) ? base.slice(0, -extname(base).length) : base
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Backups of `dbPath` in `backupDir`, newest first. Files that do not follow the naming scheme are ignored. */
export function listBackups(dbPath: string, backupDir = defaultBackupDir(dbPath)): BackupInfo[] {
  if (!existsSync(backupDir)) return []
  const re = new RegExp(`^${escapeRegExp(dbName(dbPath))}-(.+Z)-(${BACKUP_REASONS.join('|')})\\.sqlite$`)
  const out: BackupInfo[] = []
  for (const name of readdirSync(backupDir)) {
    const m = re.exec(name)
    const at = m && parseFileStamp(m[1])
    if (!m || !at) continue
    const file = join(backupDir, name)
    out.push({ file, at: at.toISOString(), reason: m[2] as BackupReason, bytes: statSync(file).size })
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

/**
 * Makes a backup a single self-contained file (rollback journal, not WAL) and proves it opens
 * and passes integrity_check. Throws AppError('backup-damaged') naming the file otherwise.
 */
function sealAndVerify(file: string, shownAs: string): number {
  const cut = truncationProblem(file)
  if (cut) throw new AppError('backup-damaged', `${shownAs} is damaged (${cut}).`)
  let db: Db | null = null
  try {
    db = openRawDatabase(file, 2000)
    db.pragma('journal_mode = DELETE')
    const check = checkIntegrity(db, 'full')
    if (!check.ok) throw new AppError('backup-damaged', `${shownAs} is damaged (${check.problems.join('; ')}).`)
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('areas', 'neighborhoods', 'officers')").get() as { n: number }
    if (tables.n < 3) throw new AppError('backup-damaged', `${shownAs} is not an Area Command Planner database (it has no plan tables).`)
    return db.pragma('user_version', { simple: true }) as number
  } catch (e) {
    if (e instanceof AppError) throw e
    throw new AppError('backup-damaged', `${shownAs} cannot be read as a database (${errorText(e)}).`)
  } finally {
    db?.close()
  }
}

/**
 * Refuses to touch a database file while any connection (this process or another) has it
 * open: in WAL mode every open connection holds a shared lock, so an exclusive lock fails.
 */
function assertNotInUse(dbPath: string): void {
  if (!existsSync(dbPath)) return
  let db: Db | null = null
  try {
    db = openRawDatabase(dbPath, 0)
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (e) {
    if (isLockError(e)) throw new AppError('db-locked', `${dbPath} is in use by another program (${errorText(e)}). Close Area Command Planner and any other program using it, then try again.`)
    // A damaged current file is exactly what a restore is for: let it be replaced.
  } finally {
    db?.close()
  }
}

export interface RestoreResult {
  /** The database file that now holds the backup's content. */
  restored: string
  /** Where the previous database went (`<db>.before-restore-<time>`), or null when there was none. */
  previous: string | null
  /** Schema version of the restored file; the app migrates it forward on open if it is older. */
  schemaVersion: number
}

/**
 * Replaces `targetPath` with `backupFile`. The backup is copied next to the target and checked
 * with integrity_check first, so a damaged backup never replaces anything; the current file
 * and its -wal/-shm are then moved aside (never deleted) and the copy renamed into place.
 * It opens and closes only its own connections: the caller must close its connection to
 * `targetPath` first, or the restore is refused with AppError('db-locked').
 */
export function restoreDatabase(targetPath: string, backupFile: string, now: () => Date = () => new Date(), migrations: Migration[] = MIGRATIONS): RestoreResult {
  if (!existsSync(backupFile)) throw new AppError('backup-missing', `There is no backup at ${backupFile}.`)
  // A FIFO or device would block the copy for ever; a folder is no backup.
  const notBackup = notRegularFile(backupFile)
  if (notBackup) throw new AppError('backup-invalid', `${backupFile} is ${notBackup}, not a backup file; nothing was changed.`)
  const notPlan = notRegularFile(targetPath)
  if (notPlan) throw new AppError('backup-invalid', `${targetPath} is ${notPlan}, not a plan database file; nothing was changed.`)
  if (resolve(backupFile) === resolve(targetPath)) throw new AppError('backup-invalid', `${backupFile} is the database itself, not a backup of it.`)
  assertNotInUse(targetPath)
  const stamp = fileStamp(now())
  const temp = `${targetPath}.restoring-${stamp}`
  mkdirSync(dirname(resolve(targetPath)), { recursive: true })
  copyFileSync(backupFile, temp)
  let version: number
  try {
    version = sealAndVerify(temp, `The backup ${backupFile}`)
    const latest = migrations.length ? migrations[migrations.length - 1].version : 0
    if (version > latest)
      throw new AppError('db-too-new', `The backup ${backupFile} was written by a newer version of Area Command Planner (schema ${version}); this app understands schema ${latest} at most.`)
  } catch (e) {
    for (const side of ['', ...SIDE_FILES]) if (existsSync(temp + side)) unlinkSync(temp + side)
    throw e
  }
  const previous = existsSync(targetPath) ? moveDatabaseFiles(targetPath, `.before-restore-${stamp}`) : null
  for (const side of SIDE_FILES) if (existsSync(targetPath + side)) unlinkSync(targetPath + side)
  renameSync(temp, targetPath)
  return { restored: targetPath, previous, schemaVersion: version }
}

/**
 * Takes, lists, prunes and restores backups of the open plan. Backups use SQLite's online
 * backup API, so they are consistent even while the app keeps writing, and each one is
 * checked with integrity_check before it appears in the list.
 *
 * Files: `<backupDir>/<dbname>-<YYYY-MM-DDTHH-MM-SS-mmmZ>-<reason>.sqlite` (UTC; dashes
 * instead of colons so the names are valid on Windows). Retention: see backup-retention.ts.
 */
export class BackupService {
  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    readonly backupDir: string = defaultBackupDir(dbPath),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async backup(reason: BackupReason): Promise<BackupInfo> {
    if (this.dbPath === ':memory:') throw new AppError('backup-unavailable', 'An in-memory plan has no file to back up.')
    mkdirSync(this.backupDir, { recursive: true })
    let at = this.now()
    let file = this.fileFor(at, reason)
    // Two backups in the same millisecond must not overwrite each other.
    while (existsSync(file)) {
      at = new Date(at.getTime() + 1)
      file = this.fileFor(at, reason)
    }
    const temp = `${file}.partial`
    this.assertWhole(file)
    try {
      await this.db.backup(temp)
      sealAndVerify(temp, `The new backup ${file}`)
      renameSync(temp, file)
    } catch (e) {
      for (const side of ['', ...SIDE_FILES]) if (existsSync(temp + side)) unlinkSync(temp + side)
      if (e instanceof AppError) throw e
      throw new AppError('backup-failed', `Could not back up ${this.dbPath} to ${file}: ${errorText(e)}`)
    }
    this.prune()
    return { file, at: at.toISOString(), reason, bytes: statSync(file).size }
  }

  /**
   * A damaged plan must not be copied over the history that could repair it: a backup taken
   * of it would carry the damage and push a good backup out of the retention window.
   */
  private assertWhole(file: string): void {
    const problem = truncationProblem(this.dbPath) ?? checkIntegrity(this.db, 'quick').problems.slice(0, 3).join('; ')
    if (!problem) return
    const latest = this.latest()
    throw new AppError(
      'db-damaged',
      `${this.dbPath} is damaged (${problem}): no backup was taken to ${file} and nothing was changed. ${latest ? `The latest backup is ${latest.file} from ${latest.at}; restore it.` : 'There is no earlier backup of it.'}`,
      { latestBackup: latest },
    )
  }

  /** Newest first. */
  list(): BackupInfo[] {
    if (this.dbPath === ':memory:') return []
    return listBackups(this.dbPath, this.backupDir)
  }

  latest(): BackupInfo | null {
    return this.list()[0] ?? null
  }

  /**
   * Replaces `targetPath` (normally this plan's file) with `backupFile`, keeping the current
   * file as `<target>.before-restore-<time>`. Closes nothing itself: close the connection
   * this service was built with (and rebuild the services) before calling it on the open plan.
   */
  restore(backupFile: string, targetPath: string = this.dbPath): RestoreResult {
    return restoreDatabase(targetPath, backupFile, this.now)
  }

  /** A backup when the newest one, of any reason, is more than a day old (or there is none). */
  async dailyIfDue(): Promise<BackupInfo | null> {
    const last = this.latest()
    if (last && this.now().getTime() - Date.parse(last.at) < DAY_MS) return null
    return this.backup('daily')
  }

  /** Deletes backups the retention rule no longer keeps; returns what it deleted. */
  prune(): BackupInfo[] {
    const doomed = backupsToPrune(this.list(), this.now())
    for (const b of doomed) unlinkSync(b.file)
    return doomed
  }

  private fileFor(at: Date, reason: BackupReason): string {
    return join(this.backupDir, `${dbName(this.dbPath)}-${fileStamp(at)}-${reason}.sqlite`)
  }
}

/**
 * Call before `migrate` when the file's user_version is older than the app's schema: the
 * untouched old file is kept as a 'migration' backup, so a failed or unwanted upgrade can be
 * undone with a restore. Returns null when no migration is pending (new or current file).
 */
export async function backupBeforeMigration(
  dbPath: string,
  opts: { backupDir?: string; migrations?: Migration[]; now?: () => Date } = {},
): Promise<BackupInfo | null> {
  if (!existsSync(dbPath)) return null
  const migrations = opts.migrations ?? MIGRATIONS
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0
  const db = openRawDatabase(dbPath, 5000)
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    if (version === 0 || version >= latest) return null
    return await new BackupService(db, dbPath, opts.backupDir, opts.now).backup('migration')
  } finally {
    db.close()
  }
}

/**
 * Retention, applied after every backup: keep every backup from the last 7 days; from 7 to
 * 30 days old, the newest of each UTC day; from 30 days to 12 months old, the newest of each
 * UTC month; nothing older. The newest backup is always kept, however old it is.
 */
export function backupsToPrune(backups: BackupInfo[], now: Date): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  const seen = new Set<string>()
  const doomed: BackupInfo[] = []
  newestFirst.forEach((b, i) => {
    const age = now.getTime() - Date.parse(b.at)
    let bucket: string | null
    if (age <= 7 * DAY_MS) bucket = `all:${b.file}`
    else if (age <= 30 * DAY_MS) bucket = `day:${b.at.slice(0, 10)}`
    else if (age <= 365 * DAY_MS) bucket = `month:${b.at.slice(0, 7)}`
    else bucket = null
    const fresh = bucket !== null && !seen.has(bucket)
    if (bucket) seen.add(bucket)
    if (!fresh && i > 0) doomed.push(b)
  })
  return doomed
}
