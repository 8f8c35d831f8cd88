import { resolve } from 'node:path'
import { AppError } from '../services/app-error'
import { restoreDatabase } from '../services/backup-service'
import { str } from './args'
import { EXIT, InputError, UsageError, type CliCommand } from './command'

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Replace the plan with a backup (checked with integrity_check first); the current file is kept beside it.',
  flags: {
    db: { type: 'string', arg: '<file>', requiredUnless: 'server', help: 'the plan database to replace (close the app first)' },
    server: { type: 'string', arg: '<url>', help: 'refused: restore replaces a plan file; on a department server use server push / server pull' },
    from: { type: 'string', required: true, arg: '<backup.sqlite>', help: 'the backup to restore, e.g. from <dir of db>/backups' },
  },
  usages: ['npm run cli -- restore --db <file> --from <backup.sqlite>'],
  notes: [
    'The current file (and its -wal/-shm) is moved to <db>.before-restore-<time>, never deleted.',
    'A department server is not restored from a file: pull its plan to a file (server pull) or push a file into an empty server plan (server push).',
  ],
  async run(flags, io) {
    if (str(flags, 'server') !== undefined) {
      throw new UsageError('restore: restore works on a plan file (--db); on a department server use: npm run cli -- server pull (to a file) or server push (a file into an empty server plan)')
    }
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
