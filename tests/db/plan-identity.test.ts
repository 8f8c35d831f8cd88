import Database from 'better-sqlite3'
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, openSnapshot } from '../../src/main/db/connection'
import { migrate } from '../../src/main/db/migrate'
import { openPlanDatabase } from '../../src/main/db/open-checked'
import { APPLICATION_ID, truncationProblem } from '../../src/main/db/plan-file'
import { AppError } from '../../src/main/services/app-error'
import { BackupService } from '../../src/main/services/backup-service'
import { openPlanForApp } from '../../src/main/startup'
import { makePlanDb, readTag, tempDir } from './helpers'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

function caught(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError, but nothing was thrown')
}

const sideFiles = (file: string) => ['-wal', '-shm', '-journal'].filter((s) => existsSync(file + s))

describe('a plan is known by its application id', () => {
  it('a new plan carries the id, and a plan from before the id gets it at its next writable open', () => {
    const fresh = join(dir, 'fresh.sqlite')
    makePlanDb(fresh).close()
    const check = new Database(readFileSync(fresh).fill(1, 18, 20))
    expect(check.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    check.close()

    const old = join(dir, 'old.sqlite')
    const db = makePlanDb(old)
    db.pragma('application_id = 0')
    db.close()
    const { db: reopened } = openPlanDatabase(old, { mode: 'existing' })
    migrate(reopened)
    expect(reopened.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    reopened.close()
    expect(readTag(old).rows).toBe(200)
  })

  it("the app refuses to open another program's database as its plan, and leaves it as it was", async () => {
    const file = join(dir, 'gis.sqlite')
    const other = new Database(file)
    other.exec("CREATE TABLE parcels (pin TEXT); INSERT INTO parcels VALUES ('1'); PRAGMA user_version = 3")
    other.close()
    const bytes = readFileSync(file)
    const err = await openPlanForApp({ dbPath: file, askRecovery: async () => 'start-empty' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).code).toBe('not-a-plan')
    expect((err as AppError).message).toMatch(/gis\.sqlite is an SQLite database of another program, not an Area Command Planner plan \(application id 0, tables parcels\)/)
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(sideFiles(file)).toEqual([])
    expect(readdirSync(dir)).toEqual(['gis.sqlite'])
  })
})

describe('a plan cut short', () => {
  it('is found by its length, which quick_check misses when the cut is inside the last page', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file).close()
    expect(truncationProblem(file)).toBeNull()
    truncateSync(file, statSync(file).size - 100)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    db.close()
    expect(truncationProblem(file)).toMatch(/not a whole number of 4096-byte pages/)
  })

  it('at app start is moved aside and the latest backup offered, like any damaged plan', async () => {
    const file = join(dir, 'plan.sqlite')
    const good = makePlanDb(file, 50, 'backed-up')
    const backup = await new BackupService(good, file).backup('manual')
    good.close()
    truncateSync(file, statSync(file).size - 100)
    let offered: string | undefined
    const opened = await openPlanForApp({
      dbPath: file,
      askRecovery: async (report) => ((offered = report.latestBackup?.file), 'restore-latest'),
    })
    expect(offered).toBe(backup.file)
    expect(opened!.recovered!.problems[0]).toMatch(/cut short/)
    opened!.db.close()
    expect(readTag(file)).toEqual({ rows: 50, tags: ['backed-up'] })
  })

  it('is never copied over the history that could repair it: no backup is taken of it', async () => {
    const file = join(dir, 'plan.sqlite')
    const db = makePlanDb(file, 50)
    const backups = new BackupService(db, file)
    const first = await backups.backup('manual')
    // A plan at rest: everything checkpointed into the file, so its length is the whole story.
    db.pragma('wal_checkpoint(TRUNCATE)')
    truncateSync(file, statSync(file).size - 100)
    const err = await backups.backup('import').catch((e: unknown) => e)
    expect((err as AppError).code).toBe('db-damaged')
    expect((err as AppError).message).toContain(`The latest backup is ${first.file}`)
    expect(backups.list().map((b) => b.file)).toEqual([first.file])
    db.close()
  })
})

describe('reading a plan without writing', () => {
  it('a read leaves no -wal or -shm beside the plan and changes no byte, also when the plan was never checkpointed elsewhere', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file).close()
    const bytes = readFileSync(file)
    const { db } = openPlanDatabase(file, { readonly: true })
    expect((db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n).toBe(200)
    db.close()
    expect(sideFiles(file)).toEqual([])
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('sees changes another program has in its -wal but not yet in the file', () => {
    const file = join(dir, 'plan.sqlite')
    const writer = makePlanDb(file)
    writer.pragma('wal_autocheckpoint = 0')
    writer.prepare("INSERT INTO settings (key, value) VALUES ('in-wal', '1')").run()
    const snap = openSnapshot(file)
    expect(snap.prepare("SELECT value FROM settings WHERE key = 'in-wal'").get()).toEqual({ value: '1' })
    snap.close()
    writer.close()
  })

  it('a plan from an older schema is read through a migration in memory, the file untouched', () => {
    const file = join(dir, 'plan.sqlite')
    const old = openDatabase(file)
    migrate(old, [{ version: 10, name: 'init', up: (d) => d.exec("CREATE TABLE areas (id TEXT); CREATE TABLE neighborhoods (id TEXT); CREATE TABLE officers (id TEXT); CREATE TABLE audit_log (seq INTEGER)") }])
    old.close()
    copyFileSync(file, `${file}.copy`)
    const { db } = openPlanDatabase(file, { readonly: true })
    expect(() => migrate(db, [{ version: 10, name: 'init', up: () => {} }, { version: 20, name: 'more', up: (d) => d.exec('CREATE TABLE extra (x)') }])).not.toThrow()
    db.close()
    expect(readFileSync(file).equals(readFileSync(`${file}.copy`))).toBe(true)
  })

  it('a write to a plan marked read-only is refused saying why, before any side file is made', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file).close()
    chmodSync(file, 0o444)
    const err = caught(() => openPlanDatabase(file, { mode: 'existing', purpose: 'import into it' }))
    expect(err.code).toBe('db-read-only')
    expect(err.message).toMatch(/^Cannot import into it: .*plan\.sqlite is marked read-only/)
    expect(sideFiles(file)).toEqual([])
    chmodSync(file, 0o644)
  })
})
