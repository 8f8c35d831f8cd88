import { COORD_QUANTUM, type AreaGeometry, type LonLat, type Position } from '../../domain'
import { bboxOf, bboxesMeet, polygonsOf, projectOnSegment, ptKey, samePt, toGeometry } from './geom'

/**
 * A vertex closer than one grid step (≈ 0.1 mm) to another boundary's edge belongs on that
 * edge: snapped crossing points sit a fraction of a step off the line. A wider tolerance would
 * pull genuinely separate vertices onto an edge and fold it into a zigzag.
 */
export const NODE_TOLERANCE = COORD_QUANTUM

export function verticesOf(g: AreaGeometry): LonLat[] {
  const out: LonLat[] = []
  for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) out.push(ring[i])
  return out
}

/**
 * Inserts every point of `pts` that lies strictly inside an edge of `g` into that edge,
 * so that a boundary shared with a neighbour has the same vertices on both sides
 * (no T-junction). Returns null when nothing had to be inserted.
 */
export function insertPointsOnEdges(g: AreaGeometry, pts: Position[], tol = NODE_TOLERANCE): AreaGeometry | null {
  const [x0, y0, x1, y1] = bboxOf(g)
  const sorted = pts.filter((p) => p[0] >= x0 - tol && p[0] <= x1 + tol && p[1] >= y0 - tol && p[1] <= y1 + tol)
  if (!sorted.length) return null
  sorted.sort((a, b) => a[0] - b[0])
  const lowerBound = (x: number): number => {
    let lo = 0, hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid][0] < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  let changed = false
  const polys = polygonsOf(g).map((poly) =>
    poly.map((ring) => {
      const out: LonLat[] = [ring[0]]
      // A point the ring already passes through elsewhere is not taken again: the ring would touch itself there.
      let own: Set<string> | null = null
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i], b = ring[i + 1]
        const minY = Math.min(a[1], b[1]) - tol, maxY = Math.max(a[1], b[1]) + tol
        const hits: [number, LonLat][] = []
        for (let k = lowerBound(Math.min(a[0], b[0]) - tol); k < sorted.length && sorted[k][0] <= Math.max(a[0], b[0]) + tol; k++) {
          const p = sorted[k]
          // Within a grid step of a corner it is that corner: inserting it beside it would fold a spike.
          if (p[1] < minY || p[1] > maxY || near(p, a, tol) || near(p, b, tol)) continue
          const pr = projectOnSegment(a, b, p)
          if (!(pr.dist <= tol && pr.t > 0 && pr.t < 1) || hits.some((h) => samePt(h[1], p))) continue
          own ??= new Set(ring.map(ptKey))
          if (!own.has(ptKey(p))) hits.push([pr.t, [p[0], p[1]]])
        }
        if (hits.length) {
          changed = true
          hits.sort((u, v) => u[0] - v[0])
          for (const h of hits) out.push(h[1])
        }
        out.push(b)
      }
      return out
    }),
  )
  return changed ? toGeometry(polys) : null
}

/** Within one tolerance of each other on both axes; the half step absorbs the float error of differences near ±90/180. */
const near = (p: Position, q: Position, tol: number): boolean => Math.abs(p[0] - q[0]) <= 1.5 * tol && Math.abs(p[1] - q[1]) <= 1.5 * tol

/** Whether two geometries' bounding boxes meet (cheap pre-filter before noding). */
export const mayTouch = (a: AreaGeometry, b: AreaGeometry): boolean => bboxesMeet(bboxOf(a), bboxOf(b))
