import { bboxOf, bboxesMeet, type BBox } from '../../../../shared/geo/bbox'
import { polygonsLocate } from '../../../../shared/geo/kernel'
import type OlMap from 'ol/Map'
import type { AreaGeometry, LonLat, Neighborhood, PlanState } from '../../../../shared/domain'

/** What a press at a pixel would grab in the reshape tool. */
export type Hit =
  | { kind: 'vertex'; at: LonLat; neighborhoodId: string; areaId: string }
  | { kind: 'edge'; segment: [LonLat, LonLat]; at: LonLat; neighborhoodId: string; areaId: string }
  | { kind: 'locked'; neighborhoodId: string; areaId: string }

/** Whether p lies in the geometry or on its boundary (exact, the validator's kernel). */
export function containsPoint(g: AreaGeometry, p: LonLat): boolean {
  const b = bboxOf(g)
  if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) return false
  return polygonsLocate(p, g.type === 'Polygon' ? [g.coordinates] : g.coordinates) >= 0
}

/**
 * The vertex (within vertexPx) or else the edge (within edgePx) under the pointer, taken from
 * the stored rows so a grabbed vertex is bit-identical to the one its neighbours share. Only
 * neighborhoods the profile may edit can be grabbed; under another area's one the answer is 'locked'.
 */
export function hitTest(map: OlMap, plan: PlanState, pixel: number[], canEdit: (areaId: string) => boolean, vertexPx = 9, edgePx = 6): Hit | null {
  const tol = Math.max(vertexPx, edgePx)
  const c1 = map.getCoordinateFromPixel([pixel[0] - tol, pixel[1] + tol])
  const c2 = map.getCoordinateFromPixel([pixel[0] + tol, pixel[1] - tol])
  const here = map.getCoordinateFromPixel(pixel) as LonLat
  if (!c1 || !c2 || !here) return null
  const box: BBox = [Math.min(c1[0], c2[0]), Math.min(c1[1], c2[1]), Math.max(c1[0], c2[0]), Math.max(c1[1], c2[1])]
  const near = plan.neighborhoods.filter((n) => bboxesMeet(bboxOf(n.geometry), box))
  const editable = near.filter((n) => canEdit(n.areaId))
  const found = nearest(map, editable, pixel, box, vertexPx, edgePx)
  if (found) return found
  // Another area's neighborhood under or right next to the pointer: say it is not ours to change.
  const others = near.filter((n) => !canEdit(n.areaId))
  const locked = nearest(map, others, pixel, box, vertexPx, edgePx) ?? others.find((n) => containsPoint(n.geometry, here))
  if (!locked) return null
  const id = 'neighborhoodId' in locked ? locked.neighborhoodId : locked.id
  return { kind: 'locked', neighborhoodId: id, areaId: locked.areaId }
}

function nearest(map: OlMap, rows: Neighborhood[], pixel: number[], box: BBox, vertexPx: number, edgePx: number): Exclude<Hit, { kind: 'locked' }> | null {
  let best: Exclude<Hit, { kind: 'locked' }> | null = null
  let bestPx = vertexPx
  const px = (c: number[]) => map.getPixelFromCoordinate(c)
  const inBox = (c: number[]) => c[0] >= box[0] && c[0] <= box[2] && c[1] >= box[1] && c[1] <= box[3]
  for (const n of rows) eachRing(n, (ring) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const c = ring[i]
      if (!inBox(c)) continue
      const p = px(c)
      const d = Math.hypot(p[0] - pixel[0], p[1] - pixel[1])
      if (d <= bestPx) {
        bestPx = d
        best = { kind: 'vertex', at: [c[0], c[1]], neighborhoodId: n.id, areaId: n.areaId }
      }
    }
  })
  if (best) return best
  bestPx = edgePx
  for (const n of rows) eachRing(n, (ring) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i], b = ring[i + 1]
      const sb: BBox = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]
      if (!bboxesMeet(sb, box)) continue
      const pa = px(a), pb = px(b)
      const dx = pb[0] - pa[0], dy = pb[1] - pa[1]
      const len2 = dx * dx + dy * dy
      if (!len2) continue
      const t = Math.max(0, Math.min(1, ((pixel[0] - pa[0]) * dx + (pixel[1] - pa[1]) * dy) / len2))
      const d = Math.hypot(pa[0] + t * dx - pixel[0], pa[1] + t * dy - pixel[1])
      if (d <= bestPx) {
        bestPx = d
        best = { kind: 'edge', segment: [[a[0], a[1]], [b[0], b[1]]], at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], neighborhoodId: n.id, areaId: n.areaId }
      }
    }
  })
  return best
}

function eachRing(n: Neighborhood, f: (ring: number[][]) => void): void {
  for (const poly of n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates) for (const ring of poly) f(ring)
}

/** The neighborhood under a map coordinate, or null. */
export function neighborhoodAtCoordinate(plan: PlanState, p: LonLat): Neighborhood | null {
  return plan.neighborhoods.find((n) => containsPoint(n.geometry, p)) ?? null
}
