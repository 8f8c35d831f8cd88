import { resolve } from 'node:path'
import { AppError } from '../services/app-error'
import { restoreDatabase } from '../services/backup-service'
import { str } from './args'
import { EXIT, InputError, type CliCommand } from './command'

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the plan with a backup (checked with integrity_check first); the current file is kept beside it.',
  flags: {
    db: { type: 'string', required: true, arg: '<file>', help: 'the plan database to replace (close the app first)' },
    from: { type: 'string', required: true, arg: '<backup.sqlite>', help: 'the backup to restore, e.g. from <dir of db>/backups' },
  },
  notes: ['The current file (and its -wal/-shm) is moved to <db>.before-restore-<time>, never deleted.'],
  async run(flags, io) {
    try {
      const r = restoreDatabase(resolve(str(flags, 'db')!), resolve(str(flags, 'from')!))
      io.out(`Restored ${r.restored} from ${str(flags, 'from')} (schema ${r.schemaVersion}).${r.previous ? ` The previous file is kept as ${r.previous}.` : ''}`)
      return EXIT.ok
    } catch (e) {
      if (e instanceof AppError) throw new InputError(e.message)
      throw e
    }
  },
}
