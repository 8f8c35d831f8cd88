import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/main/db/connection'
import { checkFileIntegrity } from '../../src/main/db/integrity'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS, type Migration } from '../../src/main/db/migrations'
import { AppError } from '../../src/main/services/app-error'
import { createServices } from '../../src/main/services'
import { backupBeforeMigration, BackupService, backupsToPrune, restoreDatabase, type BackupInfo } from '../../src/main/services/backup-service'
import { makePlanDb, readTag, tempDir } from './helpers'

let dir: string
let cleanup: () => void
const open: Db[] = []
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
  cleanup()
})

function plan(tag = 'v1', n = 100): { db: Db; file: string } {
  const file = join(dir, 'plan.sqlite')
  const db = makePlanDb(file, n, tag)
  open.push(db)
  return { db, file }
}

function retag(db: Db, tag: string): void {
  db.prepare("UPDATE settings SET value = json_set(value, '$.tag', ?) WHERE key LIKE 'k%'").run(tag)
}

async function appError(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    if (e instanceof AppError) return e
    throw new Error(`expected an AppError, got ${String(e)}`)
  }
  throw new Error('expected an AppError, nothing was thrown')
}

describe('backups of the plan', () => {
  it('a backup is one self-contained file named after the plan, time and reason, in backups/ next to the plan', async () => {
    const { db, file } = plan('before-import')
    const svc = new BackupService(db, file, undefined, () => new Date('2025-06-01T10:00:00.000Z'))
    const b = await svc.backup('import')
    expect(b.file).toBe(join(dir, 'backups', 'plan-2025-06-01T10-00-00-000Z-import.sqlite'))
    expect(b).toMatchObject({ at: '2025-06-01T10:00:00.000Z', reason: 'import' })
    expect(b.bytes).toBeGreaterThan(4096)
    expect(readdirSync(join(dir, 'backups'))).toEqual([basename(b.file)])
    expect(checkFileIntegrity(b.file).ok).toBe(true)
    expect(readTag(b.file)).toEqual({ rows: 100, tags: ['before-import'] })
  })

  it('later edits do not reach an earlier backup, and the list is newest first', async () => {
    const { db, file } = plan('first')
    let t = Date.parse('2025-06-01T10:00:00Z')
    const svc = new BackupService(db, file, join(dir, 'elsewhere'), () => new Date((t += 60_000)))
    const a = await svc.backup('manual')
    retag(db, 'second')
    const b = await svc.backup('publish')
    expect(svc.list().map((x) => x.reason)).toEqual(['publish', 'manual'])
    expect(svc.latest()?.file).toBe(b.file)
    expect(readTag(a.file).tags).toEqual(['first'])
    expect(readTag(b.file).tags).toEqual(['second'])
  })

  it('two backups in the same millisecond both survive', async () => {
    const { db, file } = plan()
    const svc = new BackupService(db, file, undefined, () => new Date('2025-06-01T10:00:00.000Z'))
    const [a, b] = [await svc.backup('manual'), await svc.backup('manual')]
    expect(a.file).not.toBe(b.file)
    expect(svc.list()).toHaveLength(2)
  })

  it('a daily backup is taken only when the newest backup is more than a day old', async () => {
    const { db, file } = plan()
    let now = new Date('2025-06-01T08:00:00Z')
    const svc = new BackupService(db, file, undefined, () => now)
    expect((await svc.dailyIfDue())?.reason).toBe('daily')
    now = new Date('2025-06-02T07:59:00Z')
    expect(await svc.dailyIfDue()).toBeNull()
    now = new Date('2025-06-02T08:01:00Z')
    expect((await svc.dailyIfDue())?.at).toBe('2025-06-02T08:01:00.000Z')
  })
})

describe('backups in the app', () => {
  it('the services take backups of the open plan into backups/ next to it', async () => {
    const file = join(dir, 'plan.sqlite')
    const db = openDatabase(file)
    open.push(db)
    const s = createServices({ db, dbPath: file, userDataPath: dir, sampleDir: join(__dirname, '../../resources/geo'), osUser: 't', appVersion: 't' })
    s.seed.seedIfEmpty(s.session.actor())
    const b = await s.backups.backup('manual')
    expect(b.file.startsWith(join(dir, 'backups', 'plan-'))).toBe(true)
    const copy = openDatabase(b.file, { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM neighborhoods').get()).toEqual({ n: s.plans.load().neighborhoods.length })
    copy.close()
  })

  it('an in-memory plan has no backups and says so when asked for one', async () => {
    const db = openDatabase(':memory:')
    open.push(db)
    const s = createServices({ db, dbPath: ':memory:', userDataPath: dir, sampleDir: join(__dirname, '../../resources/geo'), osUser: 't', appVersion: 't' })
    expect(s.backups.list()).toEqual([])
    expect((await appError(s.backups.backup('manual'))).code).toBe('backup-unavailable')
  })
})

describe('restoring a backup', () => {
  it('puts the backup in place and keeps the current plan aside instead of deleting it', async () => {
    const { db, file } = plan('good')
    const svc = new BackupService(db, file, undefined, () => new Date('2025-06-01T10:00:00.000Z'))
    const b = await svc.backup('manual')
    retag(db, 'bad-edit')
    db.close()
    const r = svc.restore(b.file)
    expect(r.restored).toBe(file)
    expect(r.previous).toBe(`${file}.before-restore-2025-06-01T10-00-00-000Z`)
    expect(readTag(file).tags).toEqual(['good'])
    expect(readTag(r.previous!).tags).toEqual(['bad-edit'])
    const again = openDatabase(file)
    expect(() => migrate(again)).not.toThrow()
    again.close()
  })

  it('the command-line restore refuses while the plan is open in the app', async () => {
    const { db, file } = plan('live')
    const b = await new BackupService(db, file).backup('manual')
    const err = await appError(() => restoreDatabase(file, b.file))
    expect(err.code).toBe('db-locked')
    expect(err.message).toContain(`${file} is in use by another program`)
    db.close()
    expect(restoreDatabase(file, b.file).restored).toBe(file)
  })

  it('a damaged backup is refused and the current plan is left exactly as it was', async () => {
    const { db, file } = plan('current')
    db.close()
    const fake = join(dir, 'backups', 'plan-2025-01-01T00-00-00-000Z-manual.sqlite')
    const backups = join(dir, 'backups')
    if (!existsSync(backups)) mkdirSync(backups)
    writeFileSync(fake, 'not a database at all '.repeat(500))
    const err = await appError(() => restoreDatabase(file, fake))
    expect(err.code).toBe('backup-damaged')
    expect(err.message).toContain(`The backup ${fake} cannot be read as a database`)
    expect(readdirSync(dir).filter((n) => n.startsWith('plan.sqlite'))).toEqual(['plan.sqlite'])
    expect(readTag(file).tags).toEqual(['current'])
  })

  it('a backup from a newer app is refused, naming both schema versions', async () => {
    const { db, file } = plan()
    const b = await new BackupService(db, file).backup('manual')
    db.close()
    const newer = openDatabase(b.file)
    newer.pragma('user_version = 999')
    newer.close()
    const err = await appError(() => restoreDatabase(file, b.file))
    expect(err.code).toBe('db-too-new')
    expect(err.message).toContain(`schema 999); this app understands schema ${MIGRATIONS[MIGRATIONS.length - 1].version} at most`)
  })

  it('a missing backup file is named in the error', async () => {
    const { db, file } = plan()
    db.close()
    const err = await appError(() => restoreDatabase(file, join(dir, 'gone.sqlite')))
    expect(err).toMatchObject({ code: 'backup-missing', message: `There is no backup at ${join(dir, 'gone.sqlite')}.` })
  })
})

describe('backup before a schema upgrade', () => {
  const current = MIGRATIONS[MIGRATIONS.length - 1].version
  const next: Migration = { version: current + 10, name: 'add-notes', up: (db) => db.exec('ALTER TABLE areas ADD COLUMN notes TEXT') }

  it('keeps the old file as a migration backup when the app brings a newer schema', async () => {
    const { db, file } = plan('old-schema')
    db.close()
    const migrations = [...MIGRATIONS, next]
    const b = await backupBeforeMigration(file, { migrations, now: () => new Date('2025-06-01T10:00:00.000Z') })
    expect(b?.reason).toBe('migration')
    const up = openDatabase(file)
    expect(migrate(up, migrations)).toEqual({ from: current, to: next.version })
    up.close()
    const old = openDatabase(b!.file, { readonly: true })
    expect(old.pragma('user_version', { simple: true })).toBe(current)
    expect((old.prepare('PRAGMA table_info(areas)').all() as { name: string }[]).map((c) => c.name)).not.toContain('notes')
    old.close()
    expect(readTag(b!.file).tags).toEqual(['old-schema'])
    // Second start: nothing pending, no new backup.
    expect(await backupBeforeMigration(file, { migrations })).toBeNull()
  })

  it('takes no backup of a brand-new or missing database', async () => {
    expect(await backupBeforeMigration(join(dir, 'missing.sqlite'))).toBeNull()
    const fresh = openDatabase(join(dir, 'fresh.sqlite'))
    fresh.close()
    expect(await backupBeforeMigration(join(dir, 'fresh.sqlite'))).toBeNull()
  })
})

describe('retention', () => {
  const now = new Date('2025-06-30T12:00:00Z')
  const at = (iso: string, reason: BackupInfo['reason'] = 'daily'): BackupInfo => ({ file: `/b/${iso}-${reason}`, at: new Date(iso).toISOString(), reason, bytes: 1 })
  const kept = (list: BackupInfo[]) => {
    const doomed = new Set(backupsToPrune(list, now))
    return list.filter((b) => !doomed.has(b)).map((b) => b.at.slice(0, 16))
  }

  it('keeps everything from the last 7 days', () => {
    const list = ['2025-06-30T11:00', '2025-06-30T10:00', '2025-06-29T09:00', '2025-06-24T09:00'].map((d) => at(`${d}Z`))
    expect(kept(list)).toHaveLength(4)
  })

  it('keeps the newest per day for a month, the newest per month for a year, and drops the rest', () => {
    const list = [
      '2025-06-20T18:00', '2025-06-20T09:00', // 10 days old: one per day
      '2025-06-01T18:00', // 29 days
      '2025-05-20T18:00', '2025-05-05T09:00', // May, past 30 days: one per month
      '2025-01-10T09:00', '2024-07-15T09:00', // still within 12 months
      '2024-06-01T09:00', // older than a year
    ].map((d) => at(`${d}Z`))
    expect(kept(list)).toEqual(['2025-06-20T18:00', '2025-06-01T18:00', '2025-05-20T18:00', '2025-01-10T09:00', '2024-07-15T09:00'])
  })

  it('never deletes the only backup, however old', () => {
    expect(kept([at('2020-01-01T00:00Z')])).toEqual(['2020-01-01T00:00'])
  })

  it('prunes on disk after each backup', async () => {
    const { db, file } = plan()
    let now = new Date('2024-01-01T00:00:00Z')
    const svc = new BackupService(db, file, undefined, () => now)
    await svc.backup('manual')
    await svc.backup('manual')
    now = new Date('2025-06-01T00:00:00Z')
    await svc.backup('daily')
    expect(svc.list().map((b) => b.at)).toEqual(['2025-06-01T00:00:00.000Z'])
  })
})
