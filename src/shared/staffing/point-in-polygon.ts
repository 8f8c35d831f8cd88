import type { AreaGeometry, Position } from '../domain'

/** One polygon of an AreaGeometry: the outer ring then its holes, each as flat [x0, y0, x1, y1, ...]. */
export interface PackedPolygon {
  rings: Float64Array[]
  minX: number
  minY: number
  maxX: number
  maxY: number
}

function packRing(ring: Position[]): Float64Array {
  const n = ring.length
  // Drop the closing vertex; the edge loop wraps around on its own.
  const closed = n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]
  const m = closed ? n - 1 : n
  const out = new Float64Array(m * 2)
  for (let i = 0; i < m; i++) {
    out[2 * i] = ring[i][0]
    out[2 * i + 1] = ring[i][1]
  }
  return out
}

/** Splits a Polygon or MultiPolygon into packed parts, each with its own bounding box for the spatial index. */
export function packGeometry(g: AreaGeometry): PackedPolygon[] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const out: PackedPolygon[] = []
  for (const poly of polys) {
    if (poly.length === 0 || poly[0].length < 3) continue
    const rings = poly.map(packRing)
    const outer = rings[0]
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i]
      const y = outer[i + 1]
      if (x < minX) minX = x
      if (x > maxX) maxX = x
      if (y < minY) minY = y
      if (y > maxY) maxY = y
    }
    out.push({ rings, minX, minY, maxX, maxY })
  }
  return out
}

/**
 * Even-odd crossing test with half-open edges (y0 <= y < y1). A point on an edge
 * shared by two neighbours therefore falls in exactly one of them for horizontal
 * rays, so no call is counted twice or lost at a border.
 */
export function inRing(r: Float64Array, x: number, y: number): boolean {
  let inside = false
  const n = r.length
  let x0 = r[n - 2]
  let y0 = r[n - 1]
  for (let i = 0; i < n; i += 2) {
    const x1 = r[i]
    const y1 = r[i + 1]
    if (y1 > y !== y0 > y && x < ((x0 - x1) * (y - y1)) / (y0 - y1) + x1) inside = !inside
    x0 = x1
    y0 = y1
  }
  return inside
}

export function inPolygon(p: PackedPolygon, x: number, y: number): boolean {
  if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) return false
  if (!inRing(p.rings[0], x, y)) return false
  for (let h = 1; h < p.rings.length; h++) if (inRing(p.rings[h], x, y)) return false
  return true
}
