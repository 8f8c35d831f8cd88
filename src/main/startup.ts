import { restoreDatabase, backupBeforeMigration } from './services/backup-service'
import { setSqliteBinding } from './db/integrity'
import { openPlanDatabase, type DamageReport, type OpenedPlan } from './db/open-checked'
import { AppError } from './services/app-error'
import { applyPendingRestore } from './services/pending-restore'

export type RecoveryChoice = 'restore-latest' | 'start-empty' | 'quit'

export interface StartupOptions {
  dbPath: string
  nativeBinding?: string
  /** Asked when the plan file is damaged; the Electron shell shows a dialog. */
  askRecovery(report: DamageReport): Promise<RecoveryChoice>
}

/**
 * Opens the plan the way the app must: the right SQLite build everywhere, an integrity check,
 * a backup before any migration, and a recovery path when the file is damaged (it is moved
 * aside, never deleted, and the user chooses between the latest backup and an empty plan).
 * Returns null when the user chose to quit.
 */
export async function openPlanForApp(opts: StartupOptions): Promise<OpenedPlan | null> {
  setSqliteBinding(opts.nativeBinding)
  // A restore chosen in the app before it restarted: nothing holds the file yet.
  applyPendingRestore(opts.dbPath)
  const open = () => openPlanDatabase(opts.dbPath, { nativeBinding: opts.nativeBinding })
  let opened: OpenedPlan
  try {
    opened = open()
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'db-damaged') throw e
    const report = e.details as DamageReport
    const choice = await opts.askRecovery(report)
    if (choice === 'quit') return null
    if (choice === 'restore-latest' && report.latestBackup) restoreDatabase(opts.dbPath, report.latestBackup.file)
    opened = { ...open(), recovered: report }
  }
  // The checked file is kept as it is before createServices migrates it.
  await backupBeforeMigration(opts.dbPath)
  return opened
}
