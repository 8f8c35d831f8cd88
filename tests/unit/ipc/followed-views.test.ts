import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Dispatch } from '../../../src/main/ipc/dispatch'
import { FollowedViews } from '../../../src/main/services/followed-views'
import { transferChangeSet, type Neighborhood } from '../../../src/shared/domain'
import type { Outputs } from '../../../src/shared/ipc'
import type { makeServices } from '../../helpers/services'
import { bulge, longestEdge, neighborhood } from '../../helpers/repair-fixtures'
import { openGapPlan, valueOf } from './gap-plan'

let s: ReturnType<typeof makeServices>
let dispatch: Dispatch
let drawn: Neighborhood
let gapId: string

beforeEach(() => ({ s, dispatch, drawn, gapId } = openGapPlan()))
afterEach(() => s.cleanup())

const value = <C extends keyof Outputs>(channel: C, input?: unknown): Promise<Outputs[C]> => valueOf(dispatch, channel, input)

/** Moves an active Northeast officer to South, as the transfer dialog does. */
function transfer(): Promise<Outputs['changes:apply']> {
  const o = s.plans.load().officers.find((x) => x.areaId === 'NE' && x.status === 'active')!
  return value('changes:apply', transferChangeSet(o, 'S', { from: 'Northeast', to: 'South' }))
}

const active = (sum: Outputs['staffing:summary'], areaId: string) => sum.areas.find((a) => a.areaId === areaId)!.officers.active

describe('a write brings the staffing figures and fixes the window has open, and only those', () => {
  it('with the staffing view shown, a transfer answers with the new figures; a reshape inside an area does not; once hidden, none', async () => {
    // Nothing shown: the answer carries no figures, and works none out.
    expect((await transfer()).views).toBeUndefined()

    const before = await value('staffing:summary', { tolerance: 0.2 })
    const moved = await transfer()
    expect(moved.views?.staffing).toBeDefined()
    expect(active(moved.views!.staffing!, 'NE')).toBe(active(before, 'NE') - 1)
    expect(active(moved.views!.staffing!, 'S')).toBe(active(before, 'S') + 1)
    // The figures for the tolerance the window asked, equal to asking again.
    expect(moved.views!.staffing).toEqual(await value('staffing:summary', { tolerance: 0.2 }))

    // Undo is a write like any other.
    const undone = await value('history:undo')
    expect(active(undone.views!.staffing!, 'NE')).toBe(active(moved.views!.staffing!, 'NE') + 1)

    // Reshaping Jensen within Northeast counts no one again.
    const jensen = neighborhood(s.plans.load(), 'NE-jensen')
    const reshaped = await value('changes:apply', { label: 'Put Jensen back', ops: [{ entity: 'neighborhood', id: jensen.id, before: jensen, after: { ...jensen, geometry: drawn.geometry } }] })
    expect(reshaped.views?.staffing).toBeUndefined()

    expect(await value('views:hide', { view: 'staffing' })).toBeNull()
    expect((await transfer()).views).toBeUndefined()
  })

  it('workload by shift shown follows a reshape too, for the quarter and shift asked', async () => {
    await value('staffing:byShift', { tolerance: 0.1 })
    const jensen = neighborhood(s.plans.load(), 'NE-jensen')
    const r = await value('changes:apply', { label: 'Put Jensen back', ops: [{ entity: 'neighborhood', id: jensen.id, before: jensen, after: { ...jensen, geometry: drawn.geometry } }] })
    expect(r.views?.byShift).toEqual(await value('staffing:byShift', { tolerance: 0.1 }))
    expect(r.views?.staffing).toBeUndefined()
    await value('views:hide', { view: 'byShift' })
    expect((await transfer()).views).toBeUndefined()
  })

  it("a finding's fixes come with a write that changes the finding, not with one elsewhere; a write that fixes it forgets it", async () => {
    // The window holds the findings list, so later answers say which findings changed.
    await value('validation:run')
    const listed = await value('repair:options', { findingId: gapId })
    expect(listed.length).toBeGreaterThan(0)
    // A transfer leaves the gap as it was: nothing to list again.
    expect((await transfer()).views?.repairOptions).toBeUndefined()

    // Jensen drawn short of Vasco elsewhere too: a second gap, the one in view unchanged, nothing listed again.
    const jensen = neighborhood(s.plans.load(), 'NE-jensen')
    const another = bulge(jensen, longestEdge(s.plans.load(), 'NE-jensen', ['NE-jensen', 'NE-vasco']), 10, 'in')
    const second = await value('changes:apply', { label: 'Another gap', ops: [{ entity: 'neighborhood', id: jensen.id, before: jensen, after: another }] })
    expect(s.validation.findings().filter((f) => f.kind === 'gap').map((f) => f.id)).toContain(gapId)
    expect(s.validation.findings().filter((f) => f.kind === 'gap')).toHaveLength(2)
    expect(second.views?.repairOptions).toBeUndefined()

    // A write that changes the finding in view (here: the window's list sent afresh, any may have changed) lists its fixes again.
    const views = new FollowedViews(s.staffing, s.repairs)
    views.showRepairOptions(gapId)
    const gap = s.validation.findings().find((f) => f.id === gapId)!
    const changed = views.after(s.session.actor(), second.changeSet, { list: s.validation.findings(), changed: [gap] })
    expect(changed?.repairOptions).toEqual({ findingId: gapId, options: await value('repair:options', { findingId: gapId }) })
    expect(views.after(s.session.actor(), second.changeSet, { list: s.validation.findings(), changed: null })?.repairOptions?.findingId).toBe(gapId)

    // Putting Jensen back closes both gaps: no fixes, and the undo that reopens them lists none either (the picker closed).
    const now = neighborhood(s.plans.load(), 'NE-jensen')
    const fixed = await value('changes:apply', { label: 'Put Jensen back', ops: [{ entity: 'neighborhood', id: now.id, before: now, after: { ...now, geometry: drawn.geometry } }] })
    expect(fixed.views?.repairOptions).toBeUndefined()
    expect((await value('history:undo')).views?.repairOptions).toBeUndefined()
  })
})
