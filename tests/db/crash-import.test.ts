import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/db/connection'
import { openPlanDatabase } from '../../src/main/db/open-checked'
import { createServices } from '../../src/main/services'
import { SIDE_FILES } from '../../src/main/db/integrity'
import { tempDir } from './helpers'

const REPO = resolve(__dirname, '../..')
const CHILD = join(__dirname, 'fixtures', 'crash-import-child.ts')
const IMPORTED = 3000
const VERTICES = 100
const KILLS = 20

interface Counts { neighborhoods: number; officers: number; adoptions: number; privates: number; imports: number }

function counts(db: Database.Database): Counts {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  return {
    neighborhoods: n('SELECT count(*) AS n FROM neighborhoods'),
    officers: n('SELECT count(*) AS n FROM officers'),
    adoptions: n('SELECT count(*) AS n FROM adoptions'),
    privates: n('SELECT count(*) AS n FROM officer_private'),
    imports: n("SELECT count(*) AS n FROM audit_log WHERE action = 'import'"),
  }
}

let dir: string
let cleanup: () => void
let template: string
let before: Counts

/** Starts the importing child; resolves when it announces the transaction is about to start. */
function startImport(file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(IMPORTED), String(VERTICES)], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const exited = new Promise<void>((res) => child.on('exit', () => res()))
  const applying = new Promise<number>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('applying') && res(performance.now()))
    child.on('exit', (code, signal) => rej(new Error(`import child exited early (${code ?? signal}): ${stderr.slice(-2000)}`)))
  })
  const kill = () => child.exitCode === null && child.signalCode === null && process.kill(child.pid!, 'SIGKILL')
  return { child, applying, exited, kill }
}

function freshCopy(name: string): string {
  const file = join(dir, name)
  copyFileSync(template, file)
  return file
}

function removeDb(file: string): void {
  for (const side of ['', ...SIDE_FILES]) rmSync(file + side, { force: true })
}

beforeAll(() => {
  ;({ dir, cleanup } = tempDir('acp-crash-'))
  template = join(dir, 'template.sqlite')
  const db = openDatabase(template)
  const s = createServices({ db, dbPath: template, userDataPath: dir, sampleDir: join(REPO, 'resources/geo'), osUser: 'test', appVersion: 'test' })
  s.seed.seedIfEmpty(s.session.actor())
  before = counts(db)
  db.close()
})
afterAll(() => cleanup())

describe('a crash in the middle of a large import', () => {
  it(`leaves a plan that opens, passes integrity_check and holds all of the import or none of it (${KILLS} SIGKILLs)`, async () => {
    const after: Counts = {
      neighborhoods: before.neighborhoods + IMPORTED, officers: before.officers + IMPORTED, adoptions: before.adoptions + IMPORTED,
      privates: before.privates + IMPORTED, imports: before.imports + 1,
    }

    // Measure how long the import's transaction takes, watching from outside for its commit.
    const probeFile = freshCopy('probe.sqlite')
    const probe = startImport(probeFile)
    const t0 = await probe.applying
    const reader = new Database(probeFile, { readonly: true })
    const count = reader.prepare('SELECT count(*) AS n FROM neighborhoods')
    while ((count.get() as { n: number }).n === before.neighborhoods) {
      if (performance.now() - t0 > 30_000) throw new Error('the import did not commit within 30 s')
      await new Promise((r) => setTimeout(r, 5))
    }
    const txMs = performance.now() - t0
    reader.close()
    probe.kill()
    await probe.exited
    removeDb(probeFile)

    // Kill times spread evenly (one random moment per slot) over twice the transaction time,
    // so kills land before, during and after the commit.
    const outcomes: { delayMs: number; outcome: 'none' | 'all' }[] = []
    const killAt = async (delayMs: number, i: number) => {
      const file = freshCopy(`run-${i}.sqlite`)
      const run = startImport(file)
      await run.applying
      await new Promise((r) => setTimeout(r, delayMs))
      run.kill()
      await run.exited

      const { db } = openPlanDatabase(file, { check: 'full' })
      const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
      expect(integrity, `integrity after a kill ${delayMs.toFixed(0)} ms into the import`).toEqual([{ integrity_check: 'ok' }])
      const c = counts(db)
      db.close()
      removeDb(file)
      const outcome = JSON.stringify(c) === JSON.stringify(before) ? 'none' : JSON.stringify(c) === JSON.stringify(after) ? 'all' : null
      expect(outcome, `rows after a kill ${delayMs.toFixed(0)} ms into the import: ${JSON.stringify(c)}`).not.toBeNull()
      outcomes.push({ delayMs, outcome: outcome! })
    }
    for (let i = 0; i < KILLS; i++) await killAt(((i + Math.random()) / KILLS) * 2 * txMs, i)
    // On a machine whose load changed since the measurement, widen the window until both sides of
    // the commit were hit (a few extra kills at most).
    for (let extra = 0; extra < 4 && !outcomes.some((o) => o.outcome === 'all'); extra++) await killAt((2 + extra) * 2 * txMs, KILLS + extra)
    for (let extra = 0; extra < 4 && !outcomes.some((o) => o.outcome === 'none'); extra++) await killAt(Math.random() * txMs * 0.25 ** (extra + 1), KILLS + 4 + extra)

    const none = outcomes.filter((o) => o.outcome === 'none').length
    const maxDelay = Math.max(...outcomes.map((o) => o.delayMs))
    console.log(`import transaction ${txMs.toFixed(0)} ms; ${outcomes.length} kills between 0 and ${maxDelay.toFixed(0)} ms: ${none} left none of the import, ${outcomes.length - none} all of it`)
    // Both sides of the commit were hit, so the check above really covered a torn import.
    expect(none).toBeGreaterThan(0)
    expect(outcomes.length - none).toBeGreaterThan(0)
  }, 150_000)
})
