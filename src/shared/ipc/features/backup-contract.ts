import { z } from 'zod'

export interface BackupEntry {
  file: string
  at: string
  reason: string
  bytes: number
}

export interface BackupList {
  folder: string
  backups: BackupEntry[]
  /** A restore chosen earlier that happens at the next start. */
  pendingRestore: string | null
}

export const backupContract = {
  'backup:list': { input: z.undefined() },
  'backup:create': { input: z.undefined() },
  // The file must be one of the listed backups: the renderer never names an arbitrary path.
  'backup:restore': { input: z.strictObject({ file: z.string().min(1).max(1000) }) },
} as const

export interface BackupOutputs {
  'backup:list': BackupList
  'backup:create': BackupEntry
  'backup:restore': { restartRequired: true; message: string }
}
