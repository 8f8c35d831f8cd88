import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../../src/main/db/connection'
import { createDispatch, type Dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { createServices, type Services } from '../../../src/main/services'

export interface FuzzPlan {
  services: Services
  dispatch: Dispatch
  /** Errors the dispatcher logged as internal (a bug surfaced as `internal`). */
  logged: unknown[]
  /** Every row of every table, plus the schema version: what "the database is unchanged" compares. */
  dump(): string
  close(): void
}

/** A temporary plan file seeded with the bundled sample city, behind the real IPC dispatcher. */
export function openFuzzPlan(): FuzzPlan {
  const dir = mkdtempSync(join(tmpdir(), 'acp-fuzz-'))
  const dbPath = join(dir, 'plan.sqlite')
  const db = openDatabase(dbPath)
  const services = createServices({
    db, dbPath, userDataPath: dir, sampleDir: fileURLToPath(new URL('../../../resources/geo', import.meta.url)), osUser: 'fuzz', appVersion: 'test',
  })
  services.seed.seedIfEmpty(services.session.actor())
  const logged: unknown[] = []
  const dispatch = createDispatch(createHandlers(services), (e) => logged.push(e))
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
  const dump = () =>
    JSON.stringify({
      version: db.pragma('user_version', { simple: true }),
      ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()])),
    })
  return {
    services, dispatch, logged, dump,
    close: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Own properties added to the built-in prototypes since `baseline` was taken. */
export function prototypeSnapshot(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((p, i) => Object.getOwnPropertyNames(p).map((k) => `${i}:${k}`))
}
