import { afterEach, describe, expect, it } from 'vitest'
import type { Neighborhood, Polygon } from '../../../src/shared/domain'
import { moveVertex } from '../../../src/shared/geo/ops'
import { makeServices } from '../../helpers/services'
import { dumpTables } from '../../helpers/table-dump'

const opened: { cleanup(): void }[] = []
afterEach(() => opened.splice(0).forEach((s) => s.cleanup()))
function services() {
  const s = makeServices()
  opened.push(s)
  return s
}

/** A vertex of `a` that `b` shares (and that is not on the area boundary), found from the stored rows. */
function sharedInteriorVertex(a: Neighborhood, b: Neighborhood, area: Polygon): [number, number] {
  const key = (p: number[]) => `${p[0]},${p[1]}`
  const inB = new Set((b.geometry as Polygon).coordinates[0].map(key))
  const onArea = new Set(area.coordinates[0].map(key))
  const v = (a.geometry as Polygon).coordinates[0].find((p) => inB.has(key(p)) && !onArea.has(key(p)))
  if (!v) throw new Error(`${a.name} and ${b.name} share no interior vertex`)
  return [v[0], v[1]]
}

describe('the main process re-checks every edit', () => {
  it('stores a topological vertex drag and reports no new findings', () => {
    const s = services()
    const plan = s.plans.load()
    const [a, b] = ['NE-springtown', 'NE-northfront'].map((id) => plan.neighborhoods.find((n) => n.id === id)!)
    const area = plan.areas.find((x) => x.id === 'NE')!
    const v = sharedInteriorVertex(a, b, area.geometry as Polygon)
    const cs = moveVertex(plan, { areaId: 'NE', from: v, to: [v[0] + 0.0004, v[1] - 0.0002], editAreas: false })
    const r = s.changes.apply(cs, s.session.actor())
    expect(r.summary.errors).toBe(0)
    expect(r.touchedFindings.filter((f) => f.severity === 'error')).toEqual([])
    expect(s.repos.neighborhoods.get(a.id)!.geometry).not.toEqual(a.geometry)
    expect(s.repos.neighborhoods.get(b.id)!.geometry).not.toEqual(b.geometry)
  })

  it('refuses a reshape that makes a neighborhood overlap its neighbour, naming both, and stores nothing', () => {
    const s = services()
    const plan = s.plans.load()
    const a = plan.neighborhoods.find((n) => n.id === 'NE-springtown')!
    const b = plan.neighborhoods.find((n) => n.id === 'NE-northfront')!
    // Grow Springtown by stretching one of its own (unshared) vertices deep into Northfront's ground.
    const ring = (a.geometry as Polygon).coordinates[0].map((p) => [...p])
    const bCentre = (b.geometry as Polygon).coordinates[0].reduce((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]).map((x) => x / (b.geometry as Polygon).coordinates[0].length)
    const shared = new Set((b.geometry as Polygon).coordinates[0].map((p) => `${p[0]},${p[1]}`))
    const i = ring.findIndex((p, k) => k > 0 && shared.has(`${p[0]},${p[1]}`))
    ring.splice(i, 0, bCentre)
    const grown: Neighborhood = { ...a, geometry: { type: 'Polygon', coordinates: [ring] } }
    const before = dumpTables(s.config.db)
    expect(() => s.changes.apply({ label: 'Stretch Springtown', ops: [{ entity: 'neighborhood', id: a.id, before: a, after: grown }] }, s.session.actor())).toThrowError(
      /was not stored: .*(Springtown|Northfront)/,
    )
    expect(dumpTables(s.config.db)).toEqual(before)
    // The live validator followed the rollback: the plan still validates clean.
    expect(s.validation.report().summary.errors).toBe(0)
  })
})
