import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, expectLiveEqualsFresh, newTally, PlanTemplate, playSequence, runParams, sequenceArb, type Opened } from './live-check-harness'

let template: PlanTemplate
beforeAll(async () => {
  template = await PlanTemplate.build((s) => {
    s.seed.seedIfEmpty(ADMIN)
  })
})
afterAll(() => template.dispose())

function withPlan(run: (s: Opened) => void): void {
  const s = template.open()
  try {
    run(s)
  } finally {
    s.close()
  }
}

describe('the live check on the sample city follows every edit, undo and redo', () => {
  it('after each step of 200 random sequences of edits, adoptions, transfers, undos and redos, equals a fresh check of the stored plan', () => {
    const tally = newTally()
    fc.assert(
      fc.property(sequenceArb, (steps) => withPlan((s) => playSequence(s, steps, tally))),
      runParams(200),
    )
    console.log('sample city steps:', JSON.stringify(tally))
    // The sequences must really reach every path: each kind of edit stored, refusals, undos and redos.
    for (const k of ['reshape', 'move', 'split', 'merge', 'redraw', 'draw', 'delete', 'adopt', 'transfer'] as const) expect(tally[k], `${k} steps stored`).toBeGreaterThan(5)
    expect(tally.undo).toBeGreaterThan(50)
    expect(tally.redo).toBeGreaterThan(10)
    expect(tally.refused).toBeGreaterThan(0)
  }, 300_000) // generous: ~10 s of CPU, and other test runs share the two cores

  it('undoing an adoption brings back "has no adopting officer" in the live check', () => {
    withPlan((s) => {
      const plan = s.plans.load()
      const n = plan.neighborhoods.find((h) => plan.officers.some((o) => o.neighborhoodId === h.id))!
      const theirs = plan.officers.filter((x) => x.neighborhoodId === n.id)
      const vacant = () => s.validation.findings().some((f) => f.neighborhoodIds.includes(n.id) && /no adopting officer/i.test(f.message))
      expect(vacant()).toBe(false)
      s.changes.apply({ label: 'All leave', ops: theirs.map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, neighborhoodId: null } })) }, ADMIN)
      expect(vacant()).toBe(true)
      s.changes.undo(ADMIN)
      expect(vacant()).toBe(false)
      expectLiveEqualsFresh(s, 'after the undo')
      s.changes.redo(ADMIN)
      expect(vacant()).toBe(true)
    })
  })
})
