import { afterEach, describe, expect, it } from 'vitest'
import { COMPRESS_OVER } from '../../src/main/db/repos/audit-codec'
import type { ChangeOp, ChangeSet, Officer } from '../../src/shared/domain'
import { makeServices } from '../helpers/services'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services(opts: Parameters<typeof makeServices>[0] = {}) {
  const s = makeServices(opts)
  opened.push(s)
  return s
}

/** n new officers shaped like the sample roster's first one, each with its own id and name. */
function addOfficers(template: Officer, n: number, label: string): ChangeSet {
  const ops: ChangeOp[] = []
  for (let i = 0; i < n; i++) {
    const id = `bulk-${String(i).padStart(7, '0')}`
    const after: Officer = { ...template, id, displayName: `Officer ${i} "Ñandú"\n`, areaId: null, neighborhoodId: null, private: { ...template.private, employeeId: `E${i}`, notes: `line ${i}` } }
    ops.push({ entity: 'officer', id, before: null, after })
  }
  return { label, ops }
}

const storedType = (s: ReturnType<typeof services>, seq: number) =>
  s.repos.db.prepare<[number], { cs: string; inv: string }>('SELECT typeof(change_set) AS cs, typeof(inverse) AS inv FROM audit_log WHERE seq = ?').get(seq)!

describe('the audit log with a change set of a whole roster', () => {
  it('stores a 30 MB change set compressed and reads back the same change set and inverse', () => {
    const s = services()
    const cs = addOfficers(s.plans.load().officers[0], 90_000, 'Import roster: 90000 added')
    const inverse = { label: cs.label, ops: [...cs.ops].reverse().map((op) => ({ ...op, before: op.after, after: op.before }) as ChangeOp) }
    const json = JSON.stringify(cs)
    expect(json.length).toBeGreaterThan(25_000_000)
    const seq = s.repos.audit.insert({ at: '2026-12-04T12:00:00.000Z', osUser: 'tester', profile: 'admin', action: 'import', label: cs.label, changeSet: cs, inverse, state: 'done' })
    expect(storedType(s, seq)).toEqual({ cs: 'blob', inv: 'blob' })
    const size = s.repos.db.prepare<[number], { n: number }>('SELECT length(change_set) AS n FROM audit_log WHERE seq = ?').get(seq)!.n
    expect(size).toBeLessThan(json.length / 4)
    const back = s.repos.audit.get(seq)!
    // Compared as JSON text: the same keys in the same order, every character of every name (vitest's deep equality takes seconds here).
    expect(JSON.stringify(back.changeSet) === json).toBe(true)
    expect(JSON.stringify(back.inverse) === JSON.stringify(inverse)).toBe(true)
    expect(back.changeSet.ops[89_999]).toEqual(cs.ops[89_999])
    expect(s.repos.audit.lastDone('admin')!.seq).toBe(seq)
    expect(s.repos.audit.history(1)).toEqual([{ seq, at: '2026-12-04T12:00:00.000Z', osUser: 'tester', profile: 'admin', action: 'import', label: cs.label, state: 'done', refSeq: null }])
  })

  it('keeps a small change set as the JSON text it always was', () => {
    const s = services()
    const n = s.plans.load().neighborhoods[0]
    const cs: ChangeSet = { label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed' } }] }
    const r = s.changes.apply(cs, s.session.actor())
    expect(storedType(s, r.seq)).toEqual({ cs: 'text', inv: 'text' })
    const text = s.repos.db.prepare<[number], { t: string }>('SELECT change_set AS t FROM audit_log WHERE seq = ?').get(r.seq)!.t
    expect(JSON.parse(text)).toEqual(r.changeSet)
  })

  it('reads and undoes a step an earlier version wrote as JSON text', () => {
    const s = services()
    const n = s.plans.load().neighborhoods[0]
    const cs: ChangeSet = { label: 'Rename (old row)', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed' } }] }
    const inverse: ChangeSet = { label: cs.label, ops: [{ entity: 'neighborhood', id: n.id, before: { ...n, name: 'Renamed' }, after: n }] }
    // As the app wrote every row before large change sets were compressed: plain JSON in both columns.
    s.repos.neighborhoods.put({ ...n, name: 'Renamed' })
    const seq = Number(s.repos.db.prepare(`INSERT INTO audit_log (at, os_user, profile, action, label, change_set, inverse, state)
      VALUES ('2025-01-01T00:00:00.000Z', 'tester', 'admin', 'edit', ?, ?, ?, 'done')`).run(cs.label, JSON.stringify(cs), JSON.stringify(inverse)).lastInsertRowid)
    expect(s.repos.audit.get(seq)).toMatchObject({ changeSet: cs, inverse, label: cs.label, state: 'done' })
    s.changes.undo(s.session.actor())
    expect(s.plans.load().neighborhoods.find((x) => x.id === n.id)!.name).toBe(n.name)
  })

  it('undoes and redoes an import large enough to be stored compressed', () => {
    const s = services()
    const before = s.plans.load().officers.length
    const cs = addOfficers(s.plans.load().officers[0], 15_000, 'Import roster: 15000 added')
    expect(JSON.stringify(cs).length).toBeGreaterThan(COMPRESS_OVER)
    const r = s.changes.apply(cs, s.session.actor(), 'import')
    expect(storedType(s, r.seq)).toEqual({ cs: 'blob', inv: 'blob' })
    // The inverse is the change set reversed, so it is stored as a marker of a few bytes rather than a second copy.
    const inverseBytes = s.repos.db.prepare<[number], { n: number }>('SELECT length(inverse) AS n FROM audit_log WHERE seq = ?').get(r.seq)!.n
    expect(inverseBytes).toBeLessThan(200)
    expect(s.repos.officers.list().length).toBe(before + 15_000)
    const undo = s.changes.undo(s.session.actor())
    expect(s.repos.officers.list().length).toBe(before)
    expect(s.repos.audit.get(undo.seq)!.inverse.ops.length).toBe(15_000)
    s.changes.redo(s.session.actor())
    expect(s.repos.officers.get('bulk-0014999')).toEqual(cs.ops[14_999].after)
    expect(s.repos.officers.list().length).toBe(before + 15_000)
  })
})
