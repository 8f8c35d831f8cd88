import type { AreaGeometry } from '../../../shared/domain'

export function bboxOf(g: AreaGeometry): [number, number, number, number] {
  let minx = Infinity, miny = Infinity, maxx = -Infinity, maxy = -Infinity
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const poly of polys)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x < minx) minx = x
        if (y < miny) miny = y
        if (x > maxx) maxx = x
        if (y > maxy) maxy = y
      }
  // An empty geometry still needs numbers in NOT NULL columns.
  return Number.isFinite(minx) ? [minx, miny, maxx, maxy] : [0, 0, 0, 0]
}
