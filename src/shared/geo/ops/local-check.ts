import type { AreaGeometry, LonLat, Position } from '../../domain'
import { EditError } from '../../domain'
import { segmentContactLonLat } from '../kernel'
import { bboxOf, bboxOfPoints, bboxesMeet, polygonsOf, ringSignedArea, samePt } from './geom'
import { holderKey, type Holder } from './holders'

/** Whether new edge ab clashes with existing edge cd (shared edges and shared corners are fine). */
function clashes(a: Position, b: Position, c: Position, d: Position): boolean {
  const shared = (samePt(a, c) || samePt(a, d) ? 1 : 0) + (samePt(b, c) || samePt(b, d) ? 1 : 0)
  if (shared === 2) return false
  // Contact 1 is a shared corner only; 2 is a crossing, a T or a collinear overlap.
  return segmentContactLonLat(a, b, c, d) === 2
}

/**
 * Checks only what a local edit can break: the new edges against nearby edges of every
 * boundary (the edited ones as they will be), and ring orientation of the edited rings.
 * This keeps a vertex drag on a city of 277 beats to a few milliseconds.
 */
export function checkLocalEdit(
  holders: Holder[],
  updated: Map<string, AreaGeometry>,
  newEdges: [LonLat, LonLat][],
  what: string,
): void {
  if (!newEdges.length) return
  const box = bboxOfPoints(newEdges.flat())
  for (const h of holders) {
    const key = holderKey(h)
    const g = updated.get(key) ?? h.geometry
    if (!bboxesMeet(bboxOf(g), box)) continue
    if (updated.has(key)) {
      const before = polygonsOf(h.geometry)
      polygonsOf(g).forEach((poly, pi) =>
        poly.forEach((ring, ri) => {
          const was = Math.sign(ringSignedArea(before[pi][ri]))
          if (Math.sign(ringSignedArea(ring)) !== was)
            throw new EditError('self-intersection', `${what} would turn ${h.name}'s boundary inside out`)
        }),
      )
    }
    for (const poly of polygonsOf(g))
      for (const ring of poly)
        for (let i = 0; i + 1 < ring.length; i++) {
          const c = ring[i], d = ring[i + 1]
          if (Math.max(c[0], d[0]) < box[0] || Math.min(c[0], d[0]) > box[2] || Math.max(c[1], d[1]) < box[1] || Math.min(c[1], d[1]) > box[3]) continue
          for (const [a, b] of newEdges) {
            if (clashes(a, b, c, d))
              throw new EditError('self-intersection', `${what} would make the boundary of ${h.name} cross ${updated.has(key) ? 'itself or a neighbor' : 'a neighboring boundary'}`)
          }
        }
  }
}

/** Whether a geometry has a vertex exactly at p (bbox first: most holders are far away). */
export function hasVertex(g: AreaGeometry, p: Position): boolean {
  const b = bboxOf(g)
  if (p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3]) return false
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const poly of polys) for (const ring of poly) for (const c of ring) if (c[0] === p[0] && c[1] === p[1]) return true
  return false
}
