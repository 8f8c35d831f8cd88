import type { AreaGeometry, ChangeOp, Finding, PlanState } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'
import { DEG_PER_M_LAT, DEG_PER_M_LON, LAT0, LON0, area, hood } from '../validate/fixtures'
import { makeServices } from '../../helpers/services'

/** A counter-clockwise polygon from corners given in metres east and north of the fixtures' origin. */
export function poly(...rings: [number, number][][]): AreaGeometry {
  const ring = (pts: [number, number][]) => {
    const r = pts.map(([x, y]) => [quantize(LON0 + x * DEG_PER_M_LON), quantize(LAT0 + y * DEG_PER_M_LAT)])
    return [...r, r[0]]
  }
  return { type: 'Polygon', coordinates: rings.map(ring) }
}

/**
 * Two Area Commands sharing the line y = 0, each fault a finding an analyst would repair:
 * - North (0..300 × 0..100): West and East leave a triangular gap between them (corners
 *   (100,0), (140,100), (100,100)), bordering East along 108 m and West along 100 m; West
 *   pokes a 20 × 10 m bump out of the top of its area.
 * - South (0..300 × -100..0): South-1 and South-2, where South-2 reaches a 50 × 20 m finger
 *   into South-1: the overlap borders the rest of South-1 along 120 m and South-2 along 20 m.
 */
export function repairPlan(): PlanState {
  return {
    city: null,
    areas: [area('N', poly([[0, 0], [100, 0], [300, 0], [300, 100], [140, 100], [100, 100], [60, 100], [40, 100], [0, 100]]), null), area('S', poly([[0, -100], [150, -100], [300, -100], [300, 0], [100, 0], [0, 0]]), null)],
    neighborhoods: [
      hood('West', 'N', poly([[0, 0], [100, 0], [100, 100], [60, 100], [60, 110], [40, 110], [40, 100], [0, 100]])),
      hood('East', 'N', poly([[100, 0], [300, 0], [300, 100], [140, 100]])),
      hood('South-1', 'S', poly([[0, -100], [150, -100], [150, -60], [150, -40], [150, 0], [100, 0], [0, 0]])),
      hood('South-2', 'S', poly([[150, -100], [300, -100], [300, 0], [150, 0], [150, -40], [100, -40], [100, -60], [150, -60]])),
    ],
    officers: [],
  }
}

/** Real services on a fresh plan file holding `plan`, stored as one seed step (so the repair is the first undoable one). */
export function servicesWith(plan: PlanState) {
  const s = makeServices({ seed: false })
  const ops: ChangeOp[] = [
    ...plan.areas.map((a): ChangeOp => ({ entity: 'area', id: a.id, before: null, after: a })),
    ...plan.neighborhoods.map((n): ChangeOp => ({ entity: 'neighborhood', id: n.id, before: null, after: n })),
    ...plan.officers.map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: null, after: o })),
  ]
  s.changes.apply({ label: 'Fixture', ops }, s.session.actor(), 'seed')
  s.validation.reset()
  return s
}

export const ADMIN = { osUser: 'tester', profile: { role: 'admin' as const } }

export function only(findings: Finding[], kind: Finding['kind'], ...ids: string[]): Finding {
  const hits = findings.filter((f) => f.kind === kind && ids.every((id) => f.neighborhoodIds.includes(id) || f.areaIds.includes(id)))
  if (hits.length !== 1) throw new Error(`expected one ${kind} finding of ${ids.join(', ')}, found ${hits.length}`)
  return hits[0]
}

/**
 * Slivers only, no error: North (0..200 × 0..100) where North-1 stops 0.4 m short of North-2
 * (a 40 m² gap), North-2 reaching 0.3 m over the top of North along 50 m (15 m² outside);
 * South (0..200 × -100..0) where South-1 reaches 0.3 m into South-2 (a 30 m² overlap).
 */
export function sliverPlan(): PlanState {
  return {
    city: null,
    areas: [area('N', poly([[0, 0], [200, 0], [200, 100], [150, 100], [0, 100]]), null), area('S', poly([[0, -100], [200, -100], [200, 0], [0, 0]]), null)],
    neighborhoods: [
      hood('North-1', 'N', poly([[0, 0], [99.6, 0], [99.6, 100], [0, 100]])),
      hood('North-2', 'N', poly([[100, 0], [200, 0], [200, 100.3], [150, 100.3], [150, 100], [100, 100]])),
      hood('South-1', 'S', poly([[0, -100], [100.3, -100], [100.3, 0], [0, 0]])),
      hood('South-2', 'S', poly([[100, -100], [200, -100], [200, 0], [100, 0]])),
    ],
    officers: [],
  }
}
