import { existsSync, readFileSync, unlinkSync, writeFileSync, renameSync } from 'node:fs'
import { AppError } from './app-error'
import { restoreDatabase, type RestoreResult } from './backup-service'

/**
 * Restoring replaces the plan file, which the running app holds open. So the app records
 * which backup to restore beside the plan, restarts, and restores before opening it again:
 * the one moment nothing holds the file.
 */
export function pendingRestoreFile(dbPath: string): string {
  return `${dbPath}.restore-pending.json`
}

export function scheduleRestore(dbPath: string, backupFile: string): void {
  const file = pendingRestoreFile(dbPath)
  writeFileSync(`${file}.tmp`, JSON.stringify({ backupFile }))
  renameSync(`${file}.tmp`, file)
}

export function cancelPendingRestore(dbPath: string): void {
  if (existsSync(pendingRestoreFile(dbPath))) unlinkSync(pendingRestoreFile(dbPath))
}

/** Applies a scheduled restore, if any; the marker is removed whether it succeeds or not, so a bad backup cannot loop. */
export function applyPendingRestore(dbPath: string): RestoreResult | null {
  const file = pendingRestoreFile(dbPath)
  if (!existsSync(file)) return null
  let backupFile: string
  try {
    backupFile = (JSON.parse(readFileSync(file, 'utf8')) as { backupFile: string }).backupFile
  } finally {
    unlinkSync(file)
  }
  if (typeof backupFile !== 'string') throw new AppError('backup-invalid', `${file} does not name a backup to restore.`)
  return restoreDatabase(dbPath, backupFile)
}
