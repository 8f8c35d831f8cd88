import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpTables } from '../../helpers/table-dump'
import { inProcess, spawnCli, tempDir, type CliRun } from '../spawn-cli'
import type { HostileCase, HostileContext } from './hostile-case'
import { HOSTILE_CASES } from './cases'

/**
 * Hostile and unlucky input to the command line, one table row per case (./cases-*.ts).
 * Every case runs on its own copy of the sample plan; unless it says otherwise, the plan's
 * integrity and every stored row must be exactly as before, and the one-line message must name
 * the problem.
 */
const tmp = tempDir('acp-hostile-')
const template = join(tmp.dir, 'template.sqlite')
afterAll(() => tmp.cleanup())

beforeAll(async () => {
  const r = await inProcess('init', '--db', template, '--sample')
  expect(r.code, r.err).toBe(0)
})

/**
 * quick_check plus a hash of every table's rows, read from an image of the file in memory: a
 * read-only connection would leave -wal/-shm files beside the plan, which some cases check for.
 */
function planFingerprint(file: string): { check: string; rows: string } {
  const image = readFileSync(file)
  image.fill(1, 18, 20) // the WAL flag; an in-memory database reads the image as a rollback-journal file
  const db = new Database(image)
  try {
    const check = String(db.pragma('quick_check', { simple: true }))
    const rows = createHash('sha256').update(JSON.stringify(dumpTables(db))).digest('hex')
    return { check, rows }
  } finally {
    db.close()
  }
}

const sha = (file: string): string => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent')

let n = 0
function freshContext(): HostileContext {
  const dir = join(tmp.dir, `case-${++n}`)
  mkdirSync(dir)
  const db = join(dir, 'plan.sqlite')
  copyFileSync(template, db)
  return { dir, db }
}

async function runCase(c: HostileCase, ctx: HostileContext): Promise<CliRun> {
  const argv = await c.build(ctx)
  const watched = (c.unchanged ?? []).map((f) => [f, sha(join(ctx.dir, f))] as const)
  const before = planFingerprint(ctx.db)
  const run = c.spawn ? spawnCli(...argv) : await inProcess(...argv)
  expect(run.code, `exit code; stderr: ${run.err.slice(0, 500)}`).toBe(c.exit)
  const text = c.exit === 2 ? run.err : run.out
  if (typeof c.message === 'string') expect(text).toContain(c.message)
  else expect(text).toMatch(c.message)
  if (c.exit === 2) {
    expect(run.err.trimEnd().split('\n'), 'one line on stderr').toHaveLength(1)
    expect(run.err.length, 'a bounded message').toBeLessThan(2000)
  }
  if (c.planUnchanged !== false) expect(planFingerprint(ctx.db)).toEqual(before)
  for (const [f, hash] of watched) expect(sha(join(ctx.dir, f)), `${f} keeps its bytes`).toBe(hash)
  await c.after?.(ctx, run)
  return run
}

describe('hostile input to the command line: a clear message, the right exit code, the plan unchanged', () => {
  for (const c of HOSTILE_CASES) {
    it(`[${c.item}] ${c.name}`, async () => {
      await runCase(c, freshContext())
    }, c.timeoutMs ?? 30_000)
  }
})
