import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeSet, Neighborhood, Officer, PlanState } from '../../../src/shared/domain'
import { openFuzzPlan, type FuzzPlan } from '../fuzz/plan-fixture'

/** Names and ids typed in the app are printed later by the command line: no control characters or bidi overrides. */
let fx: FuzzPlan
let plan: PlanState
beforeEach(() => {
  fx = openFuzzPlan()
  plan = fx.services.plans.load()
})
afterEach(() => fx.close())

const hood = (): Neighborhood => fx.services.repos.neighborhoods.get(plan.neighborhoods[0].id)!
const officer = (): Officer => fx.services.repos.officers.get(plan.officers[0].id)!
const rename = (name: string): ChangeSet => ({ label: 'Rename', ops: [{ entity: 'neighborhood', id: hood().id, before: hood(), after: { ...hood(), name } }] })

async function refusal(cs: ChangeSet): Promise<string> {
  const r = await fx.dispatch('changes:apply', cs)
  if (r.ok) throw new Error('the change was accepted')
  return r.error.message
}

describe('a name or id typed in the app may not hold terminal control characters', () => {
  it.each([
    ['an ESC sequence setting the terminal title', 'Downtown\u001b]0;pwned\u0007', 'U+001B'],
    ['a bare carriage return', 'North\rFAKE finding', 'U+000D'],
    ['a right-to-left override', 'Beat \u202E21', 'U+202E'],
    ['a C1 control (CSI)', 'Beat\u009b31m', 'U+009B'],
  ])('a neighborhood name with %s is refused, naming the character', async (_what, name, code) => {
    const before = hood().name
    const message = await refusal(rename(name))
    expect(message).toMatch(/ops\.0\.after\.name: name holds a (control character|bidirectional control)/)
    expect(message).toContain(code)
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/)
    expect(hood().name).toBe(before)
  })

  it('a new neighborhood whose id holds an ESC is refused, and the message shows the id escaped', async () => {
    const id = 'n\u001b[2Jx'
    const message = await refusal({ label: 'Add', ops: [{ entity: 'neighborhood', id, before: null, after: { ...hood(), id } }] })
    expect(message).toContain('id holds a control character (U+001B)')
    expect(message).not.toContain('\u001b')
  })

  it("an officer's rank with a bare CR is refused (lookup prints it), while notes may still hold line breaks", async () => {
    const o = officer()
    const message = await refusal({ label: 'Edit', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, rank: 'Officer\rSergeant' } }] })
    expect(message).toContain('ops.0.after.rank: text holds a control character (U+000D)')
    const notes = 'first line\nsecond line'
    const ok = await fx.dispatch('changes:apply', { label: 'Notes', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, private: { ...o.private, notes } } }] })
    expect(ok.ok).toBe(true)
  })

  it('names in other scripts, with accents and emoji, are still accepted', async () => {
    const name = 'Centro Histórico · 北区 · حي ١ · 🚓'
    expect((await fx.dispatch('changes:apply', rename(name))).ok).toBe(true)
    expect(hood().name).toBe(name)
  })
})
