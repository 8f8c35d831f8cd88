import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../src/main/ipc/handlers'
import type { RepairOption } from '../../../src/shared/geo/repair'
import type { Outputs } from '../../../src/shared/ipc'
import { bulge, importAsDrawn, longestEdge, neighborhood } from '../../helpers/repair-fixtures'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

let s: ReturnType<typeof makeServices>
let dispatch: Dispatch
let gapId: string

// The sample city with Jensen drawn 30 m short of Vasco along their longest shared stretch: one gap.
beforeEach(() => {
  s = makeServices()
  importAsDrawn(s, (p) => [bulge(neighborhood(p, 'NE-jensen'), longestEdge(p, 'NE-jensen', ['NE-jensen', 'NE-vasco']), 30, 'in')])
  dispatch = createDispatch(createHandlers(s))
  gapId = s.validation.findings().find((f) => f.kind === 'gap')!.id
})
afterEach(() => s.cleanup())

async function value<C extends keyof Outputs>(channel: C, input?: unknown): Promise<Outputs[C]> {
  const r = await dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value as Outputs[C]
}

describe('the repair channels', () => {
  it('refuse a rule that does not exist, naming the rules there are, and store nothing', async () => {
    const before = dumpTables(s.config.db)
    const r = await dispatch('repair:apply', { findingId: gapId, rule: 'bulldoze' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    if (!r.ok) expect(r.error.message).toContain('longest-border, to-neighborhood, clip, move-area-boundary, make-valid')
    expect(dumpTables(s.config.db)).toEqual(before)
  })

  it('offer the longest-border fix first, and apply it as one step that undo takes back', async () => {
    const options = await value('repair:options', { findingId: gapId })
    expect(options[0]).toMatchObject({ rule: 'longest-border', targetId: 'NE-jensen' } satisfies Partial<RepairOption>)
    const { rule, targetId } = options[0]
    const preview = await value('repair:preview', { findingId: gapId, rule, targetId })
    expect(preview.neighborhoods).toEqual(['NE-jensen'])

    const applied = await value('repair:apply', { findingId: gapId, rule, targetId })
    expect(applied.history.canUndo).toBe(true)
    expect(applied.proposal.label).toBe(preview.label)
    expect((await value('validation:run')).findings.map((f) => f.kind)).not.toContain('gap')

    await value('history:undo')
    expect((await value('validation:run')).findings.map((f) => f.id)).toContain(gapId)
  })

  it('answer a finding that is no longer in the plan with the reason, not an exception', async () => {
    const r = await dispatch('repair:preview', { findingId: 'gap:00000000', rule: 'longest-border' })
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('no longer in the plan') } })
  })

  it('list the sliver repairs without storing them, and refuse to repair slivers when there are none', async () => {
    const before = dumpTables(s.config.db)
    expect(await value('repair:previewSlivers')).toMatchObject({ proposals: [], skipped: [] })
    const r = await dispatch('repair:slivers', undefined)
    expect(r).toMatchObject({ ok: false, error: { code: 'nothing-to-repair' } })
    expect(dumpTables(s.config.db)).toEqual(before)
  })
})
