import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '../services/app-error'
import { openSnapshot, type Db } from './connection'
import { isDamageError } from './integrity'
import { APPLICATION_ID, isSqliteFile, notRegularFile, PLAN_TABLES, readSqliteHeader } from './plan-file'

export type PlanFileKind = 'missing' | 'empty' | 'not-sqlite' | 'plan'

/**
 * Says what `file` is before anything opens it for writing, and refuses what is surely not a
 * plan: a FIFO or device (reading it would hang), or an SQLite database of another program
 * (opening it as a plan would add our tables and switch it to WAL). Bytes that are not SQLite
 * at all are 'not-sqlite': the caller decides whether that is a wrong file (the command line)
 * or the app's own plan file damaged (moved aside, the latest backup offered).
 * A plan is marked by `application_id`; one from before the mark is known by its tables.
 * A database so damaged that its tables cannot be read is left for the integrity check.
 */
export function identifyPlanFile(file: string, nativeBinding?: string): PlanFileKind {
  if (!existsSync(file)) return 'missing'
  const kind = notRegularFile(file)
  if (kind) throw new AppError('not-a-file', `${file} is ${kind}, not a plan database file; nothing was opened`)
  if (statSync(file).size === 0) return 'empty'
  if (!isSqliteFile(file)) return 'not-sqlite'
  const header = readSqliteHeader(file)
  if (header?.applicationId === APPLICATION_ID && !existsSync(`${file}-wal`)) return 'plan'
  let db: Db | null = null
  try {
    db = openSnapshot(file, { nativeBinding })
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return 'plan'
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
    const version = db.pragma('user_version', { simple: true }) as number
    const appId = db.pragma('application_id', { simple: true }) as number
    if (appId === 0 && version > 0 && PLAN_TABLES.every((t) => names.includes(t))) return 'plan'
    const shown = names.length ? `tables ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}` : 'no tables'
    throw new AppError(
      'not-a-plan',
      `${file} is an SQLite database of another program, not an Area Command Planner plan (application id ${appId}, ${shown}); nothing was changed. Only init creates a plan`,
    )
  } catch (e) {
    if (isDamageError(e)) return 'plan'
    throw e
  } finally {
    db?.close()
  }
}

function readOnlyBits(path: string): boolean {
  return (statSync(path).mode & 0o222) === 0
}

function accessDenied(path: string): string | null {
  try {
    accessSync(path, constants.W_OK)
    return null
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EROFS' ? 'is on a read-only disk' : 'cannot be written by your account'
  }
}

/**
 * Why this plan cannot be written, or null. Checked before a writing command opens it: a
 * read-only plan opened for writing fails late and leaves side files that break every later
 * write. The file's read-only mark is honoured even for an account (root) that could ignore it.
 */
export function writeProblem(file: string): string | null {
  const folder = dirname(file)
  if (existsSync(file)) {
    if (readOnlyBits(file)) return `${file} is marked read-only`
    const denied = accessDenied(file)
    if (denied) return `${file} ${denied}`
  }
  if (existsSync(folder)) {
    if (readOnlyBits(folder)) return `its folder ${folder} is read-only (SQLite keeps its -wal and -shm files and the backups beside the plan)`
    const denied = accessDenied(folder)
    if (denied) return `its folder ${folder} ${denied}`
  }
  return null
}
