import { describe, expect, it } from 'vitest'
import type { AreaGeometry, ChangeSet, PlanState } from '../../../src/shared/domain'
import { whyNotAllowed } from '../../../src/shared/domain'
import { sameShape } from '../../../src/shared/domain/same-shape'
import { applyChangeSet } from '../../../src/shared/domain'
import { splitNeighborhood } from '../../../src/shared/geo/ops'
import { insertPointsOnEdges } from '../../../src/shared/geo/ops/noding'
import { P, fixturePlan } from './fixture'

const sq = (...pts: [number, number][]): AreaGeometry => ({ type: 'Polygon', coordinates: [[...pts.map(([x, y]) => P(x, y)), P(...pts[0])]] })
const commanderOf = (areaId: string) => ({ role: 'commander' as const, areaId })
const ctx = (plan: PlanState) => ({ areas: plan.areas, neighborhoods: plan.neighborhoods })

describe('boundaries with the same shape', () => {
  const square = sq([0, 0], [100, 0], [100, 100], [0, 100])
  it('are the same ground when a vertex is added to, or taken from, the middle of an edge', () => {
    const more = sq([0, 0], [40, 0], [100, 0], [100, 100], [0, 100])
    expect(sameShape(square, more)).toBe(true)
    expect(sameShape(more, square)).toBe(true)
  })
  it('differ once a vertex leaves its edge, moves, or the rings change', () => {
    expect(sameShape(square, sq([0, 0], [40, 1], [100, 0], [100, 100], [0, 100]))).toBe(false)
    expect(sameShape(square, sq([0, 0], [100, 0], [100, 101], [0, 100]))).toBe(false)
    expect(sameShape(square, sq([0, 0], [100, 0], [100, 100]))).toBe(false)
    expect(sameShape(square, { type: 'MultiPolygon', coordinates: [(square as { coordinates: number[][][] }).coordinates] } as AreaGeometry)).toBe(false)
  })
})

describe('topological edits at the edge of an Area Command', () => {
  it("let the area's commander split a neighborhood whose cut ends on the area boundary and city limit", () => {
    const plan = fixturePlan()
    const cs = splitNeighborhood(plan, { id: 's', line: [P(-10, 100), P(210, 100)], newId: 's2', names: ['North', 'South'] })
    // The cut's ends become vertices of the Area Command and the city limit: same ground, one more corner each.
    const outside = cs.ops.filter((o) => o.entity === 'area' || o.entity === 'city')
    expect(outside.map((o) => `${o.entity}:${o.id}`).sort()).toEqual(['area:ne', 'city:city'])
    for (const o of outside) expect(sameShape(o.before!.geometry as AreaGeometry, o.after!.geometry as AreaGeometry)).toBe(true)
    expect(whyNotAllowed(commanderOf('ne'), cs, ctx(plan))).toBeNull()
    // Undoing it is allowed too: the corners go again, the ground stays.
    const inverse: ChangeSet = { label: 'undo', ops: cs.ops.map((o) => ({ ...o, before: o.after, after: o.before }) as typeof o) }
    expect(whyNotAllowed(commanderOf('ne'), inverse, ctx(applyChangeSet(plan, cs)))).toBeNull()
    // The other area's commander may not make it.
    expect(whyNotAllowed(commanderOf('so'), cs, ctx(plan))).toMatch(/Springtown belongs to Northeast/)
  })

  it('still refuse a commander whose change moves the area boundary by as little as a corner', () => {
    const plan = fixturePlan()
    const ne = plan.areas.find((a) => a.id === 'ne')!
    const g = ne.geometry as { type: 'Polygon'; coordinates: [number, number][][] }
    const moved = { ...ne, geometry: { type: 'Polygon' as const, coordinates: [g.coordinates[0].map((p, i) => (i === 3 ? P(300, 1) : p))] } }
    expect(whyNotAllowed(commanderOf('ne'), { label: 'x', ops: [{ entity: 'area', id: 'ne', before: ne, after: moved }] }, ctx(plan))).toMatch(/only Administration can change Area Commands/)
    const renamed = { ...ne, name: 'North East' }
    expect(whyNotAllowed(commanderOf('ne'), { label: 'x', ops: [{ entity: 'area', id: 'ne', before: ne, after: renamed }] }, ctx(plan))).toMatch(/only Administration/)
  })
})

describe('noding a boundary with its neighbours', () => {
  it('treats a neighbour corner one grid step from a corner as that corner, instead of folding a spike', () => {
    const g = sq([0, 0], [100, 0], [100, 100], [0, 100])
    const corner = P(100, 0)
    const offByOneStep: [number, number] = [corner[0], corner[1] + 1e-9]
    expect(insertPointsOnEdges(g, [offByOneStep])).toBeNull()
    // A real point in the middle of the edge is still taken.
    expect(JSON.stringify(insertPointsOnEdges(g, [P(50, 0)]))).toContain(JSON.stringify(P(50, 0)))
  })
})
