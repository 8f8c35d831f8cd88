import type { Db } from './connection'
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations'
import { APPLICATION_ID } from './plan-file'

export class SchemaTooNewError extends Error {
  readonly code = 'db-too-new'
  constructor(
    public readonly dbVersion: number,
    public readonly appVersion: number,
  ) {
    super(
      `This database was written by a newer version of Area Command Planner (schema ${dbVersion}); this app understands schema ${appVersion} at most. Update the app, or open another database.`,
    )
  }
}

/**
 * Applies every migration newer than the database's user_version, all in one transaction, and
 * marks the file as a plan (`application_id`), which is how every later open tells a plan from
 * any other SQLite file. Plans from before the mark get it at their next writable open.
 */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0
  if (from > latest) throw new SchemaTooNewError(from, latest)
  const pending = migrations.filter((m) => m.version > from)
  const unmarked = !db.readonly && db.pragma('application_id', { simple: true }) !== APPLICATION_ID
  if (pending.length === 0) {
    if (unmarked) db.pragma(`application_id = ${APPLICATION_ID}`)
    return { from, to: from }
  }
  db.transaction(() => {
    for (const m of pending) m.up(db)
    db.pragma(`user_version = ${latest}`)
    db.pragma(`application_id = ${APPLICATION_ID}`)
  })()
  return { from, to: latest }
}

export { SCHEMA_VERSION }
