import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChangeSet, Neighborhood, Officer, PlanState } from '../../../src/shared/domain'
import type { HistoryEntry, IpcResult } from '../../../src/shared/ipc'
import { openFuzzPlan, prototypeSnapshot, type FuzzPlan } from './plan-fixture'

let fx: FuzzPlan
let plan: PlanState
beforeEach(() => {
  fx = openFuzzPlan()
  plan = fx.services.plans.load()
})
afterEach(() => fx.close())

const hood = (): Neighborhood => fx.services.repos.neighborhoods.get(plan.neighborhoods[0].id)!
const officer = (): Officer => fx.services.repos.officers.get(plan.officers[0].id)!
const rename = (name: string, label = 'Rename'): ChangeSet => ({ label, ops: [{ entity: 'neighborhood', id: hood().id, before: hood(), after: { ...hood(), name } }] })

async function refused(cs: unknown): Promise<{ code: string; message: string }> {
  const r = await fx.dispatch('changes:apply', cs)
  if (r.ok) throw new Error(`the change "${(cs as ChangeSet).label}" was accepted`)
  return r.error
}

describe('text from the renderer is data, stored exactly as typed', () => {
  it('a neighborhood name with HTML and script reads back verbatim (escaping is the renderer\u2019s job)', async () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(\'x\')</script> & Sons'
    const label = 'Rename to <b>bold</b> & "quoted"'
    expect((await fx.dispatch('changes:apply', rename(name, label))).ok).toBe(true)
    const loaded = (await fx.dispatch('plan:load', undefined)) as IpcResult<PlanState>
    expect(loaded.ok && loaded.value.neighborhoods.find((n) => n.id === hood().id)?.name).toBe(name)
    const history = (await fx.dispatch('history:list', { limit: 1 })) as IpcResult<HistoryEntry[]>
    expect(history.ok && history.value[0].label).toBe(label)
  })

  it('SQL-looking text is stored as text and every table survives', async () => {
    const name = "Robert'); DROP TABLE neighborhoods;--"
    const tables = () => fx.services.repos.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()
    const before = tables()
    expect((await fx.dispatch('changes:apply', rename(name))).ok).toBe(true)
    expect(hood().name).toBe(name)
    expect(tables()).toEqual(before)
    expect(fx.services.repos.neighborhoods.list()).toHaveLength(plan.neighborhoods.length)
  })

  it('officer notes with NUL, right-to-left override, emoji and markup read back exactly', async () => {
    const notes = 'line1\nline2\u0000after-nul \u202Ereversed\u202C 👮🏽‍♀️ <a href="javascript:alert(1)">x</a>'
    const o = officer()
    const cs: ChangeSet = { label: 'Notes', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, private: { ...o.private, notes } } }] }
    expect((await fx.dispatch('changes:apply', cs)).ok).toBe(true)
    expect(officer().private.notes).toBe(notes)
  })

  it('a name with a broken Unicode character is refused rather than silently altered', async () => {
    const name = 'Vasco \uD800 Hills' // a lone surrogate: not encodable as UTF-8
    const r = await fx.dispatch('changes:apply', rename(name))
    if (r.ok) expect(hood().name, 'the stored name differs from what was sent').toBe(name)
    else expect(r.error.message).toMatch(/name/i)
  })
})

describe('oversized and empty text is refused with a message that names it', () => {
  it('a 201-character label', async () => {
    const err = await refused(rename('Fine name', 'L'.repeat(201)))
    expect(err.code).toBe('invalid-input')
    expect(err.message).toMatch(/^changes:apply: label: /)
    expect(err.message).toContain('200')
  })

  it('a label of only spaces', async () => {
    expect((await refused(rename('Fine name', '   '))).message).toContain('label: a change needs a label')
  })

  it('a 121-character neighborhood name', async () => {
    const err = await refused(rename('N'.repeat(121)))
    expect(err.message).toContain('ops.0.after.name: name is longer than 120 characters')
    expect(hood().name).toBe(plan.neighborhoods[0].name)
  })

  it('officer notes over 4,000 characters, with the field named', async () => {
    const o = officer()
    const err = await refused({ label: 'Notes', ops: [{ entity: 'officer', id: o.id, before: o, after: { ...o, private: { ...o.private, notes: 'n'.repeat(4001) } } }] })
    expect(err.message).toContain('ops.0.after.private.notes: text is longer than 4000 characters')
  })

  it('a change set of more than 20,000 changes, before any change is looked at', async () => {
    const op = rename('x').ops[0]
    const err = await refused({ label: 'Flood', ops: new Array(20_001).fill(op) })
    expect(err.message).toContain('a change set is limited to 20,000 changes')
  })
})

describe('malicious shapes get an error reply, never a crash or a polluted process', () => {
  it('a geometry whose "type" is nested 20,000 arrays deep', async () => {
    let deep: unknown = 'Polygon'
    for (let i = 0; i < 20_000; i++) deep = [deep]
    const cs = rename('x')
    const bad = { ...cs, ops: [{ ...cs.ops[0], after: { ...hood(), geometry: { type: deep, coordinates: [] } } }] }
    const reply = await fx.dispatch('changes:apply', bad).catch((e: unknown) => ({ threw: String(e) }))
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('prototype keys parsed from JSON are refused and pollute nothing', async () => {
    const before = prototypeSnapshot()
    const o = officer()
    const text = JSON.stringify({ label: 'P', ops: [{ entity: 'officer', id: o.id, before: o, after: o }] }).replace('"private":{', '"private":{"__proto__":{"isAdmin":true},')
    const err = await refused(JSON.parse(text))
    expect(err.message).toContain('__proto__')
    expect(prototypeSnapshot()).toEqual(before)
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  })
})

describe('the edit checks cannot be slipped past', () => {
  it('after an edit refused for a broken reference, a self-crossing neighborhood is still refused', async () => {
    const orphan: ChangeSet = { label: 'Orphan', ops: [{ entity: 'neighborhood', id: 'new-1', before: null, after: { ...hood(), id: 'new-1', areaId: 'no-such-area' } }] }
    expect((await refused(orphan)).code).toBe('broken-reference')
    const bowTie = { type: 'Polygon' as const, coordinates: [[[-121.78, 37.68], [-121.77, 37.69], [-121.77, 37.68], [-121.78, 37.69], [-121.78, 37.68]]] }
    const err = await refused({ label: 'Bow-tie', ops: [{ entity: 'neighborhood', id: hood().id, before: hood(), after: { ...hood(), geometry: bowTie } }] })
    expect(err.code).toBe('edit-refused')
    expect(hood().geometry).toEqual(plan.neighborhoods[0].geometry)
  })
})
