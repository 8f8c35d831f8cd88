import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { notRegularFile } from '../db/plan-file'
import { AppError } from './app-error'

/** What a publication must never overwrite: the plan file and everything that depends on it. */
export interface ProtectedFiles {
  dbPath: string
  backupDir: string
}

/** The path as the disk resolves it: symlinks followed, also for a file (or dangling link) that does not exist yet. */
function realTarget(path: string, links = 0): string {
  const abs = resolve(path)
  if (existsSync(abs)) return realpathSync(abs)
  if (links < 40) {
    try {
      if (lstatSync(abs).isSymbolicLink()) return realTarget(resolve(dirname(abs), readlinkSync(abs)), links + 1)
    } catch {
      /* nothing at that name */
    }
  }
  const parent = dirname(abs)
  return parent === abs ? abs : join(realTarget(parent, links), basename(abs))
}

/** Files the app keeps beside a plan, named after it (SQLite's, and restore's; see pending-restore.ts and integrity.ts). */
const PLAN_COMPANIONS = [/^-wal$/, /^-shm$/, /^-journal$/, /^\.restore-pending\.json/, /^\.before-restore-/, /^\.damaged-/, /^\.restoring-/]

function isPlanFile(real: string, plan: string): boolean {
  if (real === plan) return true
  if (dirname(real) !== dirname(plan) || !basename(real).startsWith(basename(plan))) return false
  const rest = basename(real).slice(basename(plan).length)
  return PLAN_COMPANIONS.some((re) => re.test(rest))
}

const inside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path)
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..')
}

/**
 * Refuses an output path that is the plan, its -wal/-shm/-journal, a file beside it named
 * after it (restore markers, files moved aside), anything in its backups folder, or anything
 * that is not a regular file (a folder, a FIFO, a device); and two outputs on one file.
 * Compared after symlinks, so a link to the plan is the plan.
 */
export function checkOutputPaths(paths: string[], protect: ProtectedFiles | null): void {
  const seen = new Map<string, string>()
  const plan = protect && protect.dbPath !== ':memory:' ? realTarget(protect.dbPath) : null
  const backups = protect && protect.dbPath !== ':memory:' ? realTarget(protect.backupDir) : null
  for (const p of paths) {
    const real = realTarget(p)
    const kind = notRegularFile(real)
    if (kind) throw new AppError('bad-path', `Cannot publish to ${p}: it is ${kind}, not a file. Nothing was published.`)
    const parent = dirname(real)
    if (existsSync(parent) && !statSync(parent).isDirectory()) throw new AppError('bad-path', `Cannot publish to ${p}: ${parent} is not a folder. Nothing was published.`)
    if (plan && isPlanFile(real, plan)) {
      throw new AppError('bad-path', `Cannot publish to ${p}: it is the plan database ${protect!.dbPath} or one of its own files. Nothing was published; choose another file name.`)
    }
    if (backups && inside(backups, real)) {
      throw new AppError('bad-path', `Cannot publish to ${p}: it is in the plan's backups folder ${protect!.backupDir}. Nothing was published; choose another folder.`)
    }
    const other = seen.get(real)
    if (other) throw new AppError('bad-path', `Cannot publish two files to one place: ${other} and ${p} are the same file. Nothing was published.`)
    seen.set(real, p)
  }
}
