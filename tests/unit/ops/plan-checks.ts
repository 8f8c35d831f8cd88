import { area, featureCollection, feature, intersect, union } from '@turf/turf'
import { expect } from 'vitest'
import type { AreaGeometry, ChangeSet, PlanState } from '../../../src/shared/domain'
import { invertChangeSet } from '../../../src/shared/domain'
import { applyChangeSet } from '../../../src/shared/domain'
import { geometryIssues } from '../../../src/shared/geo/ops'
import { holdersOf } from '../../../src/shared/geo/ops/holders'
import { insertPointsOnEdges, verticesOf } from '../../../src/shared/geo/ops/noding'

export const areaOf = (g: AreaGeometry | null | undefined): number => (g ? area(g) : 0)

export function unionArea(geoms: AreaGeometry[]): number {
  if (geoms.length === 1) return area(geoms[0])
  const u = union(featureCollection(geoms.map((g) => feature(g))))
  return u ? area(u) : 0
}

export function overlapM2(a: AreaGeometry, b: AreaGeometry): number {
  const x = intersect(featureCollection([feature(a), feature(b)]))
  return x ? area(x) : 0
}

export const hoodsOf = (plan: PlanState, areaId: string): AreaGeometry[] =>
  plan.neighborhoods.filter((n) => n.areaId === areaId).map((n) => n.geometry)

/** Every invariant an operation must keep, checked on the whole plan after it. */
export function expectSoundPlan(plan: PlanState): void {
  const holders = holdersOf(plan)
  for (const h of holders) expect(geometryIssues(h.geometry), `${h.entity} ${h.id}`).toEqual([])
  for (const h of holders)
    for (const o of holders) {
      if (o === h) continue
      const t = insertPointsOnEdges(h.geometry, verticesOf(o.geometry))
      expect(t, `T-junction: a vertex of ${o.entity} ${o.id} lies inside an edge of ${h.entity} ${h.id}`).toBeNull()
    }
  const hoods = plan.neighborhoods
  for (let i = 0; i < hoods.length; i++)
    for (let j = i + 1; j < hoods.length; j++)
      expect(overlapM2(hoods[i].geometry, hoods[j].geometry), `${hoods[i].id} overlaps ${hoods[j].id}`).toBeLessThan(0.01)
}

const canon = (plan: PlanState) => {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))
  return { city: plan.city, areas: byId(plan.areas), neighborhoods: byId(plan.neighborhoods), officers: byId(plan.officers) }
}

/** Applies the change set, checks the result, and checks that its inverse restores the plan. */
export function applyChecked(plan: PlanState, cs: ChangeSet): PlanState {
  const after = applyChangeSet(plan, cs)
  expectSoundPlan(after)
  const back = applyChangeSet(after, invertChangeSet(cs))
  expect(canon(back)).toEqual(canon(plan))
  return after
}
