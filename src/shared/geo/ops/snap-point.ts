import type { LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { bboxOf, distanceM, metresPerDegree, polygonsOf, projectOnSegment, qPt, samePt } from './geom'
import { snapOnSegment } from './snap-on-segment'

export interface SnapPointInput {
  areaId: string
  point: LonLat
  toleranceM: number
  /** Vertices not to snap to (e.g. the one being dragged), nor to the edges that end at them. */
  exclude?: LonLat[]
}

/**
 * Snaps a pointer position to the nearest vertex, else the nearest point on an edge, of the
 * area's neighborhoods and the area boundary, within toleranceM metres; otherwise returns
 * the point itself (quantized).
 */
export function snapPoint(plan: PlanState, input: SnapPointInput): LonLat {
  const area = plan.areas.find((a) => a.id === input.areaId)
  if (!area) throw new EditError('unknown-area', `There is no Area Command with id ${input.areaId}`)
  const p = input.point
  const tol = input.toleranceM
  const [mx, my] = metresPerDegree(p[1])
  const pad = [tol / mx, tol / my]
  const excluded = (v: LonLat) => (input.exclude ?? []).some((e) => samePt(qPt(e), v))
  const geoms = [area.geometry, ...plan.neighborhoods.filter((n) => n.areaId === area.id).map((n) => n.geometry)].filter((g) => {
    const b = bboxOf(g)
    return p[0] >= b[0] - pad[0] && p[0] <= b[2] + pad[0] && p[1] >= b[1] - pad[1] && p[1] <= b[3] + pad[1]
  })
  let vertex: LonLat | null = null, vertexM = tol
  let edge: LonLat | null = null, edgeM = tol
  for (const g of geoms)
    for (const poly of polygonsOf(g))
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i], b = ring[i + 1]
          if (!excluded(a)) {
            const m = distanceM(a, p)
            if (m <= vertexM) {
              vertexM = m
              vertex = a
            }
          }
          if (vertex || excluded(a) || excluded(b)) continue
          const pr = projectOnSegment(a, b, p)
          const m = distanceM(pr.at, p)
          if (m <= edgeM) {
            edgeM = m
            edge = snapOnSegment(a, b, pr.at)
          }
        }
  return vertex ? [vertex[0], vertex[1]] : edge ?? qPt(p)
}
