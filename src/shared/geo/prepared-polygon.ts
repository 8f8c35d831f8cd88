import type { AreaGeometry, Position } from '../domain'
import { edgeRay, toGrid, toHalfGrid } from './kernel'

/**
 * A ring ready for repeated point-in-polygon tests: flat coordinates on the kernel's grid plus
 * edges bucketed into horizontal bands, so a test reads about sqrt(n) edges instead of all n.
 */
interface PreparedRing {
  xs: Float64Array
  ys: Float64Array
  minY: number
  bandH: number
  bandStart: Int32Array
  bandEdges: Int32Array
}

export interface PreparedGeometry {
  bbox: [number, number, number, number]
  rings: PreparedRing[]
}

function prepareRing(ring: Position[]): PreparedRing {
  // Closed rings repeat the first position; the last edge is (n-2, n-1).
  const n = ring.length
  const xs = new Float64Array(n)
  const ys = new Float64Array(n)
  let minY = Infinity
  let maxY = -Infinity
  for (let i = 0; i < n; i++) {
    xs[i] = toGrid(ring[i][0])
    ys[i] = toGrid(ring[i][1])
    if (ys[i] < minY) minY = ys[i]
    if (ys[i] > maxY) maxY = ys[i]
  }
  const edges = Math.max(0, n - 1)
  const bands = Math.max(1, Math.ceil(Math.sqrt(edges)))
  const bandH = (maxY - minY) / bands || 1
  const bandOf = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / bandH)))
  const counts = new Int32Array(bands + 1)
  for (let e = 0; e < edges; e++) {
    const lo = bandOf(Math.min(ys[e], ys[e + 1]))
    const hi = bandOf(Math.max(ys[e], ys[e + 1]))
    for (let b = lo; b <= hi; b++) counts[b + 1]++
  }
  for (let b = 0; b < bands; b++) counts[b + 1] += counts[b]
  const bandStart = counts.slice()
  const fill = counts.slice()
  const bandEdges = new Int32Array(bandStart[bands])
  for (let e = 0; e < edges; e++) {
    const lo = bandOf(Math.min(ys[e], ys[e + 1]))
    const hi = bandOf(Math.max(ys[e], ys[e + 1]))
    for (let b = lo; b <= hi; b++) bandEdges[fill[b]++] = e
  }
  return { xs, ys, minY, bandH, bandStart, bandEdges }
}

export function prepareGeometry(g: AreaGeometry): PreparedGeometry {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const rings: PreparedRing[] = []
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const poly of polys) {
    for (const ring of poly) {
      rings.push(prepareRing(ring))
    }
    for (const p of poly[0] ?? []) {
      if (p[0] < minX) minX = p[0]
      if (p[0] > maxX) maxX = p[0]
      if (p[1] < minY) minY = p[1]
      if (p[1] > maxY) maxY = p[1]
    }
  }
  return { bbox: [minX, minY, maxX, maxY], rings }
}

/**
 * Crossing-number test over every ring (holes and parts included), ray towards +x, with the
 * kernel's exact `edgeRay`: a point on an edge shared by two neighbours belongs to exactly one
 * of them, the one on its east side (north side for an east-west edge), as the crossings are
 * counted half-open in y and an edge through the point itself is not a crossing.
 */
export function containsPoint(pg: PreparedGeometry, x: number, y: number): boolean {
  const [minX, minY, maxX, maxY] = pg.bbox
  if (x < minX || x > maxX || y < minY || y > maxY) return false
  const gx = toHalfGrid(x), gy = toHalfGrid(y)
  let inside = false
  for (const r of pg.rings) {
    const band = Math.floor((gy - r.minY) / r.bandH)
    const bands = r.bandStart.length - 1
    if (band < 0 || band >= bands + 1) continue
    const b = Math.min(band, bands - 1)
    const { xs, ys, bandEdges } = r
    for (let k = r.bandStart[b], end = r.bandStart[b + 1]; k < end; k++) {
      const e = bandEdges[k]
      const ay = ys[e], by = ys[e + 1]
      // Most edges of a band do not straddle the point's row: skip them before the predicate.
      if ((ay > gy) === (by > gy)) continue
      if (edgeRay(xs[e], ay, xs[e + 1], by, gx, gy) === 1) inside = !inside
    }
  }
  return inside
}
