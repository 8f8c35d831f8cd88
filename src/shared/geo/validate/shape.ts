import type { AreaGeometry } from '../../domain'
import { toGrid } from '../kernel'
import { ringArea2 } from './validity'

/** One closed ring on the integer grid, oriented so the interior is on the left. */
export interface Ring {
  xs: Float64Array
  ys: Float64Array
  bbox: [number, number, number, number]
}

/** A boundary prepared for the checks: grid rings grouped by polygon part. */
export interface Shape {
  rings: Ring[]
  /** Ring indices per polygon part; the first of each is the outer ring. */
  parts: number[][]
  bbox: [number, number, number, number]
  edgeCount: number
}

const cache = new WeakMap<AreaGeometry, Shape>()

export function shapeOf(g: AreaGeometry): Shape {
  let s = cache.get(g)
  if (!s) {
    s = buildShape(g)
    cache.set(g, s)
  }
  return s
}

function buildShape(g: AreaGeometry): Shape {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const rings: Ring[] = []
  const parts: number[][] = []
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  let edgeCount = 0
  // Loops by index, no callback per polygon: a plan check builds every boundary's shape.
  for (let pi = 0; pi < polys.length; pi++) {
    const poly = polys[pi]
    const part: number[] = []
    for (let ri = 0; ri < poly.length; ri++) {
      const raw = poly[ri]
      // Straight into typed arrays (a spare slot to close the ring if it is open): no number[] per ring to copy.
      // Open or not as closed below, on the grid: a position missing a number (NaN there) is open too.
      const last = raw.length - 1
      const open = last >= 0 && (toGrid(raw[0][0]) !== toGrid(raw[last][0]) || toGrid(raw[0][1]) !== toGrid(raw[last][1]))
      let xs = new Float64Array(raw.length + (open ? 1 : 0)), ys = new Float64Array(xs.length)
      let n = 0
      for (let i = 0; i < raw.length; i++) {
        const x = toGrid(raw[i][0]), y = toGrid(raw[i][1])
        if (n && xs[n - 1] === x && ys[n - 1] === y) continue
        xs[n] = x
        ys[n++] = y
      }
      if (n && (xs[0] !== xs[n - 1] || ys[0] !== ys[n - 1])) {
        xs[n] = xs[0]
        ys[n++] = ys[0]
      }
      if (n < 4) continue
      if (n < xs.length) {
        xs = xs.subarray(0, n)
        ys = ys.subarray(0, n)
      }
      const a = ringArea2(xs, ys)
      if (a === 0) continue
      if ((a > 0) !== (ri === 0)) {
        xs.reverse()
        ys.reverse()
      }
      const rb: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
      for (let i = 0; i < xs.length; i++) {
        if (xs[i] < rb[0]) rb[0] = xs[i]
        if (ys[i] < rb[1]) rb[1] = ys[i]
        if (xs[i] > rb[2]) rb[2] = xs[i]
        if (ys[i] > rb[3]) rb[3] = ys[i]
      }
      bbox[0] = Math.min(bbox[0], rb[0]); bbox[1] = Math.min(bbox[1], rb[1])
      bbox[2] = Math.max(bbox[2], rb[2]); bbox[3] = Math.max(bbox[3], rb[3])
      part.push(rings.length)
      rings.push({ xs, ys, bbox: rb })
      edgeCount += xs.length - 1
    }
    if (part.length) parts.push(part)
  }
  return { rings, parts, bbox, edgeCount }
}
