import { resolve } from 'node:path'
import type { backupContract } from '../../../shared/ipc/features/backup-contract'
import { AppError } from '../../services/app-error'
import { pendingRestoreFile, scheduleRestore } from '../../services/pending-restore'
import type { Services } from '../../services'
import type { FeatureHandlers } from '../handlers'
import { existsSync, readFileSync } from 'node:fs'

export function backupHandlers(s: Services): FeatureHandlers<keyof typeof backupContract> {
  const pending = (): string | null => {
    const f = pendingRestoreFile(s.config.dbPath)
    if (!existsSync(f)) return null
    try {
      return (JSON.parse(readFileSync(f, 'utf8')) as { backupFile: string }).backupFile
    } catch {
      return null
    }
  }
  return {
    'backup:list': () => ({ folder: s.backups.backupDir, backups: s.backups.list(), pendingRestore: pending() }),
    'backup:create': () => s.backups.backup('manual'),
    'backup:restore': ({ file }) => {
      if (s.session.current().role !== 'admin') throw new AppError('forbidden', 'Only Administration can restore the plan from a backup.')
      const chosen = s.backups.list().find((b) => resolve(b.file) === resolve(file))
      if (!chosen) throw new AppError('backup-missing', `${file.slice(0, 200)} is not one of this plan's backups.`)
      scheduleRestore(s.config.dbPath, chosen.file)
      s.config.requestRestart?.()
      return {
        restartRequired: true,
        message: `The plan will be replaced by the backup from ${chosen.at} when the app restarts; the current plan is kept beside it as a .before-restore file.`,
      }
    },
  }
}
