export const BACKUP_CHANNELS = {
  'backup:list': 'listBackups',
  'backup:create': 'createBackup',
  'backup:restore': 'restoreBackup',
} as const
