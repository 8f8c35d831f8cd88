import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { checkFileIntegrity } from '../../src/main/db/integrity'
import { migrate } from '../../src/main/db/migrate'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { openPlanDatabase } from '../../src/main/db/open-checked'
import { AppError } from '../../src/main/services/app-error'
import { BackupService } from '../../src/main/services/backup-service'
import { makePlanDb, readTag, tempDir } from './helpers'

let dir: string
let cleanup: () => void
let children: ChildProcess[] = []
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null && c.pid) process.kill(c.pid, 'SIGKILL')
  children = []
  cleanup()
})

const fixedNow = () => new Date('2025-03-04T05:06:07.089Z')

function caught(fn: () => unknown): AppError {
  try {
    fn()
  } catch (e) {
    if (e instanceof AppError) return e
    throw new Error(`expected an AppError, got ${String(e)}`)
  }
  throw new Error('expected an AppError, but nothing was thrown')
}

/** Overwrites every page after the first with 0xFF: the header still says "SQLite", the tables are gone. */
function smashPages(file: string): void {
  const size = statSync(file).size
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(size - 4096, 0xff), 0, size - 4096, 4096)
  closeSync(fd)
}

describe('opening the plan', () => {
  it('opens a healthy plan, which can then be written', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file).close()
    const { db, recovered } = openPlanDatabase(file)
    expect(recovered).toBeUndefined()
    db.prepare("INSERT INTO settings (key, value) VALUES ('after-open', '1')").run()
    db.close()
    expect(readTag(file).rows).toBe(200)
  })

  it('a file that is not a database is moved aside and the latest backup is offered, never restored silently', async () => {
    const file = join(dir, 'plan.sqlite')
    const good = makePlanDb(file, 50, 'backed-up')
    const backup = await new BackupService(good, file).backup('manual')
    good.close()
    writeFileSync(file, 'this is a spreadsheet, not a plan '.repeat(300))

    const err = caught(() => openPlanDatabase(file, { now: fixedNow }))
    expect(err.code).toBe('db-damaged')
    const moved = `${file}.damaged-2025-03-04T05-06-07-089Z`
    expect(err.message).toContain(`${file} is damaged (`)
    expect(err.message).toContain(`It was moved to ${moved}`)
    expect(err.message).toContain(`The latest backup is ${backup.file} from ${backup.at}`)
    expect(err.message).toContain(`npm run cli -- restore --db "${file}" --from "${backup.file}"`)
    expect(existsSync(moved)).toBe(true)
    expect(existsSync(file)).toBe(false)
    // The backup is offered, not applied: nothing was written in the plan's place.
    expect(readTag(backup.file)).toEqual({ rows: 50, tags: ['backed-up'] })
  })

  it('a plan with garbage pages is moved aside, leaving nothing of it at its old path', () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file, 300).close()
    smashPages(file)
    expect(checkFileIntegrity(file).ok).toBe(false)

    const err = caught(() => openPlanDatabase(file, { now: fixedNow }))
    expect(err.code).toBe('db-damaged')
    expect(err.message).toContain('There is no backup of it')
    expect(readdirSync(dir).filter((n) => !n.includes('.damaged-'))).toEqual([])
    expect(readdirSync(dir)).toContain('plan.sqlite.damaged-2025-03-04T05-06-07-089Z')
  })

  it("can start with an empty plan after moving a damaged one aside, saying where it went", () => {
    const file = join(dir, 'plan.sqlite')
    writeFileSync(file, Buffer.alloc(8192, 7))
    const { db, recovered } = openPlanDatabase(file, { onDamaged: 'start-empty', now: fixedNow })
    expect(recovered?.movedTo).toBe(`${file}.damaged-2025-03-04T05-06-07-089Z`)
    expect(recovered?.latestBackup).toBeNull()
    expect(recovered?.message).toContain('is damaged')
    migrate(db)
    expect(db.prepare('SELECT count(*) AS n FROM areas').get()).toEqual({ n: 0 })
    db.close()
  })

  it('a plan held by another program gives "in use by another program", not a crash', async () => {
    const file = join(dir, 'plan.sqlite')
    makePlanDb(file, 10).close()
    const holder = spawn(process.execPath, ['-e', `
      const Database = require('better-sqlite3')
      const db = new Database(${JSON.stringify(file)})
      db.exec("BEGIN IMMEDIATE; INSERT INTO settings (key, value) VALUES ('held', '1')")
      console.log('holding')
      setInterval(() => {}, 1000)
    `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(holder)
    await new Promise<void>((res, rej) => {
      holder.stdout!.on('data', (d: Buffer) => d.toString().includes('holding') && res())
      holder.on('exit', (code) => rej(new Error(`lock holder exited with ${code}`)))
    })

    const err = caught(() => openPlanDatabase(file, { busyTimeoutMs: 200 }))
    expect(err.code).toBe('db-locked')
    expect(err.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another program \\(.*\\)\\. Close it and try again\\.$`))
    // Nothing was moved: a locked plan is not a damaged one.
    expect(existsSync(file)).toBe(true)

    process.kill(holder.pid!, 'SIGKILL')
    await new Promise((res) => holder.on('exit', res))
    const { db } = openPlanDatabase(file)
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'held'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('a plan written by a newer app is refused by migrate, naming both schema versions', () => {
    const file = join(dir, 'plan.sqlite')
    const db0 = openDatabase(file)
    migrate(db0)
    db0.pragma('user_version = 999')
    db0.close()
    const { db } = openPlanDatabase(file)
    const latest = MIGRATIONS[MIGRATIONS.length - 1].version
    expect(() => migrate(db)).toThrow(`schema 999); this app understands schema ${latest} at most`)
    db.close()
  })
})
