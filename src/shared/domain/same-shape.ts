import { COORD_GRID, type AreaGeometry, type Position } from './geometry'

type Rings = Position[][][]

const rings = (g: AreaGeometry): Rings => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
const same = (p: Position, q: Position) => p[0] === q[0] && p[1] === q[1]

/**
 * Whether p lies on segment ab: within one grid step of the line (the snapped crossing points
 * topological edits add sit a fraction of a step off it), strictly between its ends.
 */
function onSegment(a: Position, b: Position, p: Position): boolean {
  const bx = (b[0] - a[0]) * COORD_GRID, by = (b[1] - a[1]) * COORD_GRID
  const px = (p[0] - a[0]) * COORD_GRID, py = (p[1] - a[1]) * COORD_GRID
  const len2 = bx * bx + by * by
  if (len2 === 0) return false
  const t = (px * bx + py * by) / len2
  if (t <= 0 || t >= 1) return false
  const cross = px * by - py * bx
  return (cross * cross) / len2 <= 1
}

/** Whether `long` is `short` with extra vertices, each lying on the edge of `short` it was put into. */
function insertsOnly(short: Position[], long: Position[]): boolean {
  if (!short.length || !same(short[0], long[0])) return false
  let j = 0
  for (let i = 0; i + 1 < short.length; i++) {
    const a = short[i], b = short[i + 1]
    if (!same(long[j], a)) return false
    j++
    while (j < long.length && !same(long[j], b)) {
      if (!onSegment(a, b, long[j])) return false
      j++
    }
    if (j === long.length) return false
  }
  return j === long.length - 1
}

/**
 * Whether two boundaries cover exactly the same ground and differ only by vertices added to
 * (or taken from) the middle of straight edges: what a topological edit does to a neighbour's
 * boundary so both keep identical shared vertices. Such a change moves nothing on the ground.
 */
export function sameShape(before: AreaGeometry, after: AreaGeometry): boolean {
  const x = rings(before), y = rings(after)
  if (before.type !== after.type || x.length !== y.length) return false
  return x.every((poly, pi) => {
    if (poly.length !== y[pi].length) return false
    return poly.every((r, ri) => {
      const s = y[pi][ri]
      return r.length <= s.length ? insertsOnly(r, s) : insertsOnly(s, r)
    })
  })
}
