import type { AreaGeometry, LonLat, Position } from '../../domain'
import { COORD_QUANTUM, quantize } from '../../domain'
import type { BBox } from '../bbox'
import { polygonsLocate, toGrid } from '../kernel'

/** Polygons -> rings -> closed rings of positions; the working form of every operation. */
export type Polys = LonLat[][][]

export function polygonsOf(g: AreaGeometry): Polys {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  return polys.map((p) => p.map((r) => r.map((c) => [c[0], c[1]] as LonLat)))
}

export function toGeometry(polys: Polys): AreaGeometry {
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}

export const samePt = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1]
export const ptKey = (p: Position): string => `${p[0]},${p[1]}`
export const qPt = (p: Position): LonLat => [quantize(p[0]), quantize(p[1])]

/**
 * Twice the signed planar area in grid units², positive for counter-clockwise rings. An area,
 * not a predicate: on large rings its terms pass 2^53 and round, far below the area itself.
 * The orientation of three points is the kernel's exact `orientLonLat`.
 */
export function ringSignedArea(ring: Position[]): number {
  let s = 0
  const ox = toGrid(ring[0][0]), oy = toGrid(ring[0][1])
  for (let i = 0; i + 1 < ring.length; i++) {
    const ax = toGrid(ring[i][0]) - ox, ay = toGrid(ring[i][1]) - oy
    const bx = toGrid(ring[i + 1][0]) - ox, by = toGrid(ring[i + 1][1]) - oy
    s += ax * by - ay * bx
  }
  return s
}

/**
 * RFC 7946 winding: every exterior ring counter-clockwise, every hole clockwise. Rings are
 * reversed, never changed; plans imported before imports wound their rings may hold either.
 */
export function windPolys<P extends Position>(polys: P[][][]): P[][][] {
  return polys.map((poly) =>
    poly.map((ring, ri) => {
      // An unclosed or zero-area (bow-tie) ring is left exactly as it came, for the validator to name.
      if (ring.length < 4 || !samePt(ring[0], ring[ring.length - 1])) return ring
      const a = ringSignedArea(ring)
      return (ri === 0 ? a < 0 : a > 0) ? [...ring].reverse() : ring
    }),
  )
}

/** Float intersection point of two properly crossing segments, or null. */
export function crossingPoint(a: Position, b: Position, c: Position, d: Position): LonLat | null {
  const rX = b[0] - a[0], rY = b[1] - a[1], sX = d[0] - c[0], sY = d[1] - c[1]
  const den = rX * sY - rY * sX
  if (den === 0) return null
  const t = ((c[0] - a[0]) * sY - (c[1] - a[1]) * sX) / den
  const u = ((c[0] - a[0]) * rY - (c[1] - a[1]) * rX) / den
  if (t < 0 || t > 1 || u < 0 || u > 1) return null
  return [a[0] + t * rX, a[1] + t * rY]
}

/** Parameter of p projected on a->b (0..1 when inside) and its distance in degrees. */
export function projectOnSegment(a: Position, b: Position, p: Position): { t: number; dist: number; at: LonLat } {
  const dx = b[0] - a[0], dy = b[1] - a[1]
  const len2 = dx * dx + dy * dy
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2
  t = Math.max(0, Math.min(1, t))
  const at: LonLat = [a[0] + t * dx, a[1] + t * dy]
  return { t, dist: Math.hypot(p[0] - at[0], p[1] - at[1]), at }
}

/** True when p lies strictly inside the polygons (exact; callers ask `pointOnBoundary` for the boundary). */
export function pointInPolys(p: Position, polys: Polys): boolean {
  return polygonsLocate(p, polys) > 0
}

export function pointOnBoundary(p: Position, polys: Polys, tol = COORD_QUANTUM): boolean {
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) if (projectOnSegment(ring[i], ring[i + 1], p).dist <= tol) return true
  return false
}

// The one bounding-box helper, re-exported where operations look for their geometry tools.
export { bboxOf, bboxesMeet, type BBox } from '../bbox'

export function bboxOfPoints(pts: Position[], pad = 0): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  for (const c of pts) {
    b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1])
  }
  return [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]
}

/** Metres per degree near a latitude (local equirectangular; fine for snapping distances). */
export function metresPerDegree(lat: number): [number, number] {
  return [111_320 * Math.cos((lat * Math.PI) / 180), 110_574]
}

export function distanceM(a: Position, b: Position): number {
  const [mx, my] = metresPerDegree((a[1] + b[1]) / 2)
  return Math.hypot((a[0] - b[0]) * mx, (a[1] - b[1]) * my)
}
