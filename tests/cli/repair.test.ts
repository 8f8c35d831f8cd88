import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Finding, PlanState } from '../../src/shared/domain'
import { openDatabase } from '../../src/main/db/connection'
import { createServices } from '../../src/main/services'
import { repairPlan, servicesWith, sliverPlan, ADMIN } from '../unit/repair/fixture'
import { SAMPLE_DIR } from '../helpers/services'
import { inProcess, spawnCli } from './spawn-cli'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))

/** A plan file holding `plan`, closed again so the command line has it to itself. */
function planFile(plan: PlanState): { db: string; dir: string } {
  const s = servicesWith(plan)
  opened.push(s)
  s.config.db.close()
  return { db: join(s.dir, 'plan.sqlite'), dir: s.dir }
}

/** Every file in the plan's folder, byte for byte. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]))

async function findings(db: string): Promise<Finding[]> {
  return (JSON.parse((await inProcess('validate', '--db', db, '--json')).out) as { findings: Finding[] }).findings
}

describe('repair --slivers', () => {
  it('--dry-run --json lists each change and writes nothing: the plan folder stays byte for byte', async () => {
    const { db, dir } = planFile(sliverPlan())
    const before = snapshot(dir)
    const fs = await findings(db)
    const r = await inProcess('repair', '--db', db, '--slivers', '--dry-run', '--json')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const out = JSON.parse(r.out)
    expect(Object.keys(out)).toEqual(['dryRun', 'changes', 'skipped', 'summary'])
    expect(out.dryRun).toBe(true)
    expect(out.changes.map((c: { findingId: string; kind: string; rule: string; neighborhoods: string[] }) => [c.kind, c.rule, c.neighborhoods])).toEqual([
      ['gap', 'longest-border', ['North-1']],
      ['outside-area', 'clip', ['North-2']],
      ['overlap', 'longest-border', ['South-2']],
    ])
    for (const c of out.changes) {
      expect(Object.keys(c)).toEqual(['findingId', 'kind', 'rule', 'neighborhoods', 'areas', 'm2Moved'])
      expect(c.m2Moved).toBeCloseTo(fs.find((f) => f.id === c.findingId)!.areaM2, 0)
    }
    expect(out.skipped).toEqual([])
    expect(out.summary).toEqual({ errors: 0, warnings: fs.filter((f) => !f.sliver).length, blocking: false })
    expect(snapshot(dir)).toEqual(before)
  })

  it('repairs every sliver as one undoable step, prints each change by name and the summary, exit 0', async () => {
    const { db } = planFile(sliverPlan())
    const before = await findings(db)
    const r = spawnCli('repair', '--db', db, '--slivers')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^Repaired 3 slivers as one undoable step \(#\d+\)\.$/)
    expect(lines[1]).toMatch(/^ {2}gap:\w+ {2}longest-border {2}North-1 {2}40\.\d m² {2}Give the 40 m² gap to North-1 \(longest shared border, 100 m\)\.$/)
    expect(lines[2]).toMatch(/^ {2}outside-area:\w+ {2}clip {2}North-2 {2}15\.\d m² {2}Clip 15 m² off North-2, back to its Area Command Area N\.$/)
    expect(lines[3]).toMatch(/^ {2}overlap:\w+ {2}longest-border {2}South-2 {2}30\.\d m² {2}Keep the 30 m² overlap with South-1 .*, taking it off South-2\.$/)
    expect(lines[4]).toMatch(/^Plan now: 0 errors, \d+ warnings .*; nothing blocks publishing\.$/)
    expect((await findings(db)).filter((f) => f.sliver)).toEqual([])

    // One audit row, one undo: the app's Undo brings all three back.
    const s = createServices({ db: openDatabase(db), dbPath: db, userDataPath: '', sampleDir: SAMPLE_DIR, osUser: 'tester', appVersion: '0' })
    try {
      expect(s.repos.audit.lastDone('admin')?.label).toBe('Repair 3 slivers')
      s.changes.undo(ADMIN)
      expect(s.validation.findings().map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort())
    } finally {
      s.config.db.close()
    }
  })

  it('exit 1 when blocking findings remain, and says nothing was repaired when there is no sliver', async () => {
    const { db, dir } = planFile(repairPlan())
    const before = snapshot(dir)
    const r = await inProcess('repair', '--db', db, '--slivers', '--json')
    expect(r.code).toBe(1)
    const out = JSON.parse(r.out)
    expect(out).toMatchObject({ dryRun: false, changes: [], skipped: [], summary: { blocking: true } })
    expect(out.summary.errors).toBe((await findings(db)).filter((f) => f.severity === 'error').length)
    const text = await inProcess('repair', '--db', db, '--slivers')
    expect(text.out.split('\n')[0]).toBe('Nothing was repaired.')
    expect(text.code).toBe(1)
    expect(snapshot(dir)).toEqual(before)
  })

  it('without --slivers, or without a plan, exit 2 with one line on stderr and the plan unchanged', async () => {
    const { db, dir } = planFile(sliverPlan())
    const before = snapshot(dir)
    const r = await inProcess('repair', '--db', db, '--dry-run')
    expect(r).toEqual({ code: 2, out: '', err: 'repair: --slivers is required (it is the only repair the command line makes). Run: npm run cli -- repair --help' })
    const missing = await inProcess('repair', '--db', join(dir, 'nope.sqlite'), '--slivers')
    expect(missing.code).toBe(2)
    expect(missing.err.split('\n')).toHaveLength(1)
    expect(missing.err).toMatch(/^There is no plan database at .*nope\.sqlite/)
    expect(snapshot(dir)).toEqual(before)
  })
})
