import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../../src/main/ipc/dispatch'
import { applyFindingsDelta, type Finding, type Neighborhood } from '../../../src/shared/domain'
import type { Outputs } from '../../../src/shared/ipc'
import type { FindingsUpdate } from '../../../src/shared/ipc/write-result'
import type { makeServices } from '../../helpers/services'
import { neighborhood } from '../../helpers/repair-fixtures'
import { openGapPlan, valueOf } from './gap-plan'

let s: ReturnType<typeof makeServices>
let dispatch: Dispatch
let drawn: Neighborhood
let gapId: string

beforeEach(() => ({ s, dispatch, drawn, gapId } = openGapPlan()))
afterEach(() => s.cleanup())

const value = <C extends keyof Outputs>(channel: C, input?: unknown): Promise<Outputs[C]> => valueOf(dispatch, channel, input)

function listAfter(held: { findings: Finding[]; version?: number }, u: FindingsUpdate): Finding[] {
  if ('all' in u) return u.all
  expect(u.base).toBe(held.version)
  return applyFindingsDelta(held.findings, u.delta)
}

/** Counts whole-plan reads (PlanService.load) while `run` runs. */
async function planReads(run: () => Promise<void>): Promise<number> {
  const load = s.plans.load.bind(s.plans)
  let n = 0
  s.plans.load = () => (n++, load())
  try {
    await run()
  } finally {
    s.plans.load = load
  }
  return n
}

describe('a write through the IPC boundary answers with what the window shows next', () => {
  it('an edit carries its stored change set, the findings as a delta of the list held, the publish status and the history head; undo the same', async () => {
    const held = await value('validation:run')
    expect(held.findings.map((f) => f.id)).toContain(gapId)
    await value('publish:status')
    const jensen = neighborhood(s.plans.load(), 'NE-jensen')

    let edit!: Outputs['changes:apply']
    const reads = await planReads(async () => {
      edit = await value('changes:apply', { label: 'Put Jensen back', ops: [{ entity: 'neighborhood', id: jensen.id, before: jensen, after: { ...jensen, geometry: drawn.geometry } }] })
    })
    // No whole-plan read for an edit: findings from the live check, publish status from the plan's fingerprint.
    expect(reads).toBe(0)
    expect(edit.changeSet.label).toBe('Put Jensen back')
    expect(edit.changeSet.ops.map((o) => o.id)).toEqual(['NE-jensen'])

    const afterEdit = listAfter(held, edit.findings)
    const fresh = await value('validation:run')
    expect(afterEdit).toEqual(fresh.findings)
    expect(afterEdit.map((f) => f.id)).not.toContain(gapId)
    expect(edit.findings.summary).toEqual(fresh.summary)
    // The delta sends the unchanged findings as index runs, not again.
    expect('delta' in edit.findings && edit.findings.delta.filter((p) => !Array.isArray(p)).length).toBeLessThan(held.findings.length)

    expect(edit.publish).toEqual(await value('publish:status'))
    expect(edit.history).toMatchObject({ canUndo: true, canRedo: false, last: { seq: edit.seq, action: 'edit', label: 'Put Jensen back', state: 'done', refSeq: null } })
    expect(await value('history:head')).toEqual(edit.history)

    const undo = await value('history:undo')
    const afterUndo = listAfter(fresh, undo.findings)
    expect(afterUndo.map((f) => f.id)).toContain(gapId)
    expect(afterUndo).toEqual((await value('validation:run')).findings)
    expect(undo.changeSet.ops[0].after).toEqual(jensen)
    expect(undo.history).toMatchObject({ canUndo: true, canRedo: true, last: { action: 'undo', refSeq: edit.seq } })
    expect(undo.publish).toEqual(await value('publish:status'))
  })

  it('a findings update made against another list than the window holds says so by its base', async () => {
    const first = await value('validation:run')
    const second = await value('validation:run')
    const jensen = neighborhood(s.plans.load(), 'NE-jensen')
    const edit = await value('changes:apply', { label: 'Rename Jensen', ops: [{ entity: 'neighborhood', id: jensen.id, before: jensen, after: { ...jensen, name: 'Jensen Park' } }] })
    expect('base' in edit.findings && edit.findings.base).toBe(second.version)
    expect(edit.findings.version).not.toBe(first.version)
  })
})
