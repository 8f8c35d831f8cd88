import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REFER_OVER } from '../../src/main/db/repos/audit-codec'
import type { AreaCommand } from '../../src/shared/domain'
import { writeGridLayer } from '../helpers/big-layer'
import { makeServices } from '../helpers/services'
import { ADMIN } from '../unit/import-service/layer'

let dir: string
const file = (name: string) => join(dir, name)
/** Layer bytes by file: two sizes of the same grid, and the first one moved (same ids, new geometry). */
const bytes: Record<string, number> = {}
const SMALL = REFER_OVER * 2
const BIG = SMALL * 4
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'acp-import-audit-'))
  bytes.small = writeGridLayer(file('small.geojson'), { count: SMALL, perSide: 4 })
  bytes.big = writeGridLayer(file('big.geojson'), { count: BIG, perSide: 4 })
  bytes.moved = writeGridLayer(file('moved.geojson'), { count: SMALL, perSide: 4, origin: [-121.8, 37.6] })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const opened: ReturnType<typeof makeServices>[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services() {
  const s = makeServices({ seed: false, parseChild: null })
  opened.push(s)
  return s
}
const importAreas = (s: ReturnType<typeof services>, name: string, mode: 'add' | 'replace' = 'add') =>
  s.imports.apply(file(`${name}.geojson`), { layer: 'areas', idField: 'ID', nameField: 'NAME', mode }, ADMIN)
/** Bytes the audit row of step `seq` takes (its change set and inverse columns). */
const auditBytes = (s: ReturnType<typeof services>, seq: number) =>
  s.repos.db.prepare<[number], { n: number }>('SELECT length(change_set) + length(inverse) AS n FROM audit_log WHERE seq = ?').get(seq)!.n

describe('the audit row of a layer import', () => {
  it('names the stored rows instead of copying the layer, and undo and redo restore the plan exactly', async () => {
    const s = services()
    const empty = s.plans.load()
    const r = await importAreas(s, 'small')
    expect(r.added).toHaveLength(SMALL)
    const imported = s.plans.load()
    const small = auditBytes(s, r.seq)
    // Ids only: a small fraction of the layer, and four times the features cost no more than their ids.
    expect(small).toBeLessThan(bytes.small / 20)
    const other = services()
    const rb = await importAreas(other, 'big')
    expect(auditBytes(other, rb.seq)).toBeLessThan(bytes.big / 20)

    // What the window is sent for the step is the change set stored, with every row whole.
    const step = s.writes.stepOf(r.seq).changeSet
    expect(step.ops).toHaveLength(SMALL)
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    expect(step.ops.map((op) => op.after as AreaCommand).sort(byId)).toEqual(imported.areas)

    const undone = s.writes.undo(ADMIN)
    expect(s.plans.load()).toEqual(empty)
    expect(undone.changeSet.ops.every((op) => op.after === null)).toBe(true)
    s.writes.redo(ADMIN)
    expect(s.plans.load()).toEqual(imported)
    s.writes.undo(ADMIN)
    expect(s.plans.load()).toEqual(empty)
    s.writes.redo(ADMIN)
    expect(s.plans.load()).toEqual(imported)
    // The redo's own row names the rows again; the undo's keeps the rows it took out (what redo puts back).
    const [redo, undo] = s.repos.audit.history(2)
    expect(redo.action).toBe('redo')
    expect(auditBytes(s, redo.seq)).toBeLessThan(bytes.small / 20)
    expect(undo.action).toBe('undo')
  })

  it('undoes a replacing import back to the replaced rows, and refuses while someone has changed one of its rows since', async () => {
    const s = services()
    await importAreas(s, 'small')
    const first = s.plans.load()
    const r = await importAreas(s, 'moved', 'replace')
    expect(r.replaced).toHaveLength(SMALL)
    expect(auditBytes(s, r.seq)).toBeLessThan(bytes.moved)
    const moved = s.plans.load()
    expect(moved.areas[7].geometry).not.toEqual(first.areas[7].geometry)

    // Someone on another desk renames one of the imported Area Commands (a change followed from the server).
    const a = moved.areas[7]
    const renamed = { ...a, name: 'Renamed' }
    s.changes.follow({ label: 'Rename', ops: [{ entity: 'area', id: a.id, before: a, after: renamed }] }, { login: 'bob', action: 'remote' })
    expect(() => s.writes.undo(ADMIN)).toThrow(new RegExp(`Area Command ${a.id} was changed by someone else`))
    expect(s.plans.load().areas[7].name).toBe('Renamed')

    // Once they rename it back, the row is the imported one again and the import's undo goes through.
    s.changes.follow({ label: 'Rename back', ops: [{ entity: 'area', id: a.id, before: renamed, after: a }] }, { login: 'bob', action: 'remote' })
    s.writes.undo(ADMIN)
    expect(s.plans.load()).toEqual(first)
    s.writes.redo(ADMIN)
    expect(s.plans.load()).toEqual(moved)
  })
})
