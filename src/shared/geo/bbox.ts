import type { AreaGeometry } from '../domain'

export type BBox = [number, number, number, number]

const cache = new WeakMap<object, BBox>()

/** [minLon, minLat, maxLon, maxLat] of the outer rings; cached per geometry object, which is never mutated. */
export function bboxOf(g: AreaGeometry): BBox {
  const hit = cache.get(g)
  if (hit) return hit
  const b = bboxOnce(g)
  cache.set(g, b)
  return b
}

/** bboxOf without the cache, for a geometry seen once (a row being written): a WeakMap entry per row of a 200,000-row import costs more than the scan. */
export function bboxOnce(g: AreaGeometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity]
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const c of poly[0] ?? []) {
      if (c[0] < b[0]) b[0] = c[0]
      if (c[1] < b[1]) b[1] = c[1]
      if (c[0] > b[2]) b[2] = c[0]
      if (c[1] > b[3]) b[3] = c[1]
    }
  return b
}

export const bboxesMeet = (a: BBox, b: BBox): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
