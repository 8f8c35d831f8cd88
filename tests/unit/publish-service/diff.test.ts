import * as turf from '@turf/turf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LonLat, PlanState, Position } from '../../../src/shared/domain'
import { moveVertex } from '../../../src/shared/geo/ops'
import { makeServices } from '../../helpers/services'
import { ADMIN, type TestServices } from './helpers'

let s: TestServices
beforeEach(() => (s = makeServices()))
afterEach(() => s.cleanup())

const key = (p: Position) => `${p[0]},${p[1]}`
function vertices(g: { type: string; coordinates: unknown }): Position[] {
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Position[][][]
  return polys.flatMap((p) => p.flatMap((r) => r.slice(0, -1)))
}

/** A vertex shared by exactly two neighborhoods of one area and by no Area Command boundary. */
function interiorSharedVertex(plan: PlanState): { areaId: string; at: LonLat; ids: [string, string] } {
  const onAreas = new Set(plan.areas.flatMap((a) => vertices(a.geometry).map(key)))
  const holders = new Map<string, string[]>()
  for (const n of plan.neighborhoods) for (const v of new Set(vertices(n.geometry).map(key))) holders.set(v, [...(holders.get(v) ?? []), n.id])
  for (const [v, ids] of holders) {
    if (ids.length !== 2 || onAreas.has(v)) continue
    const [a, b] = ids.map((id) => plan.neighborhoods.find((n) => n.id === id)!)
    if (a.areaId !== b.areaId) continue
    const [x, y] = v.split(',').map(Number)
    return { areaId: a.areaId, at: [x, y], ids: [a.id, b.id] }
  }
  throw new Error('sample city has no interior shared vertex')
}

describe('diff between the draft and a published version', () => {
  it('shows exactly the moved boundary (with the ground that moved) and the moved officer', async () => {
    await s.publish.publish({ effectiveDate: '2025-07-01' }, ADMIN)
    const plan = s.plans.load()
    const v = interiorSharedVertex(plan)
    const before = new Map(plan.neighborhoods.map((n) => [n.id, turf.area(n.geometry)]))
    // About 25 m east and 15 m north.
    let cs
    for (const d of [[0.0003, 0.00015], [-0.0003, -0.00015], [0.0003, -0.00015], [-0.0003, 0.00015]]) {
      try {
        cs = moveVertex(plan, { areaId: v.areaId, from: v.at, to: [v.at[0] + d[0], v.at[1] + d[1]], editAreas: false })
        s.changes.apply(cs, ADMIN)
        break
      } catch {
        cs = undefined
      }
    }
    expect(cs, 'some small move of the shared vertex is allowed').toBeDefined()
    const officer = s.plans.load().officers.find((o) => o.neighborhoodId && o.areaId === v.areaId && !v.ids.includes(o.neighborhoodId))!
    const target = s.plans.load().neighborhoods.find((n) => n.areaId === v.areaId && n.id !== officer.neighborhoodId)!
    s.changes.apply({ label: 'Move officer', ops: [{ entity: 'officer', id: officer.id, before: officer, after: { ...officer, neighborhoodId: target.id } }] }, ADMIN)

    const d = s.publish.diff(1, 'draft')
    expect(d.neighborhoods.added).toEqual([])
    expect(d.neighborhoods.removed).toEqual([])
    expect(d.neighborhoods.renamed).toEqual([])
    expect(d.neighborhoods.reshaped.map((r) => r.id).sort()).toEqual([...v.ids].sort())
    expect(d.officers).toEqual([
      { id: officer.id, name: officer.displayName, fromNeighborhoodId: officer.neighborhoodId, toNeighborhoodId: target.id, fromAreaId: v.areaId, toAreaId: v.areaId },
    ])
    // Ground one neighborhood gained is what the other lost, and it matches each area's change.
    const after = new Map(s.plans.load().neighborhoods.map((n) => [n.id, turf.area(n.geometry)]))
    const [a, b] = v.ids.map((id) => d.neighborhoods.reshaped.find((r) => r.id === id)!)
    expect(a.gainedM2 + a.lostM2).toBeGreaterThan(50)
    expect(a.gainedM2).toBeCloseTo(b.lostM2, 0)
    expect(a.lostM2).toBeCloseTo(b.gainedM2, 0)
    for (const r of [a, b]) expect(r.gainedM2 - r.lostM2).toBeCloseTo(after.get(r.id)! - before.get(r.id)!, 0)
    expect(a.geometryGained ?? a.geometryLost).toBeDefined()

    const csv = s.publish.diffCsv(1, 'draft').split('\r\n')
    expect(csv[0]).toBe('change,kind,id,name,from,to,area_m2,gained_m2,lost_m2')
    expect(csv.filter((l) => l.startsWith('reshaped,neighborhood,'))).toHaveLength(2)
    expect(csv.filter((l) => l.startsWith('moved,officer,' + officer.id))).toHaveLength(1)
  })

  it('compares two published versions, and a version with itself is empty', async () => {
    await s.publish.publish({ effectiveDate: '2025-07-01' }, ADMIN)
    const plan = s.plans.load()
    const n = plan.neighborhoods[0]
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: 'Renamed Place' } }] }, ADMIN)
    await s.publish.publish({ effectiveDate: '2025-08-01' }, ADMIN)
    expect(s.publish.diff(1, 2).neighborhoods.renamed).toEqual([{ id: n.id, from: n.name, to: 'Renamed Place' }])
    expect(s.publish.diff(2, 'draft')).toEqual({ neighborhoods: { added: [], removed: [], reshaped: [], renamed: [] }, officers: [] })
    expect(() => s.publish.diff(7, 'draft')).toThrow(/no published version 7/)
  })
})
