import type { AreaGeometry, LonLat, Position } from '../../domain'
import { COORD_GRID, COORD_QUANTUM, quantize } from '../../domain'
import type { BBox } from '../bbox'

/** Polygons -> rings -> closed rings of positions; the working form of every operation. */
export type Polys = LonLat[][][]

const GRID = COORD_GRID

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
 * Orientation of c against a->b in grid units. On quantized input the rounded differences
 * are exact integers, so collinearity and touching are decided exactly, not with an epsilon.
 */
export function orient(a: Position, b: Position, c: Position): number {
  const bx = Math.round((b[0] - a[0]) * GRID)
  const by = Math.round((b[1] - a[1]) * GRID)
  const cx = Math.round((c[0] - a[0]) * GRID)
  const cy = Math.round((c[1] - a[1]) * GRID)
  return bx * cy - by * cx
}

/** Twice the signed planar area in grid units², positive for counter-clockwise rings. */
export function ringSignedArea(ring: Position[]): number {
  let s = 0
  const o = ring[0]
  for (let i = 0; i + 1 < ring.length; i++) s += orient(o, ring[i], ring[i + 1])
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

function onSegment(a: Position, b: Position, c: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1])
  )
}

/** True when closed segments ab and cd share any point (exact on quantized coordinates). */
export function segmentsTouch(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = Math.sign(orient(c, d, a))
  const d2 = Math.sign(orient(c, d, b))
  const d3 = Math.sign(orient(a, b, c))
  const d4 = Math.sign(orient(a, b, d))
  if (d1 * d2 < 0 && d3 * d4 < 0) return true
  if (d1 === 0 && onSegment(c, d, a)) return true
  if (d2 === 0 && onSegment(c, d, b)) return true
  if (d3 === 0 && onSegment(a, b, c)) return true
  if (d4 === 0 && onSegment(a, b, d)) return true
  return false
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

/** Ray casting; points on the boundary may land on either side, callers test the boundary first. */
export function pointInRing(p: Position, ring: Position[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i], b = ring[j]
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside
  }
  return inside
}

export function pointInPolys(p: Position, polys: Polys): boolean {
  return polys.some((poly) => pointInRing(p, poly[0]) && !poly.slice(1).some((h) => pointInRing(p, h)))
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
