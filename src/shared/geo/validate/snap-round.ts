import Flatbush from 'flatbush'
import { orient } from '../kernel'
import { PointTable } from './point-table'
import { SplitPoints } from './split-points'

/**
 * Snap rounding (Hobby; what GEOS's snap-rounding noder does) on the coordinate grid: each
 * grid point that is a vertex, or the nearest grid point to where two segments cross, is a
 * "hot pixel" (the unit square around it); every segment passing through a hot pixel is
 * bent through its centre. The bent segments then meet only at shared vertices, so the
 * arrangement is consistent however close dirty boundaries run (a crossing point rounded
 * to a double can otherwise land on the wrong side of a third edge a hair away).
 *
 * `c` holds unique segments [ax, ay, bx, by, …] with ax, ay the lesser end; `vertices`
 * their ends. Returns per segment the pixel centres to pass through.
 */
export function snapRound(c: ArrayLike<number>, vertices: PointTable): SplitPoints {
  const n = c.length / 4
  const splits = new SplitPoints(n)
  if (n < 2) return splits
  const idx = new Flatbush(n)
  for (let i = 0; i < n; i++) idx.add(c[4 * i], Math.min(c[4 * i + 1], c[4 * i + 3]), c[4 * i + 2], Math.max(c[4 * i + 1], c[4 * i + 3]))
  idx.finish()
  const hot = new PointTable(vertices.size * 2)
  for (let v = 0; v < vertices.size; v++) hot.id(vertices.xs[v], vertices.ys[v])
  for (let i = 0; i < n; i++) {
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    for (const j of idx.search(ax, Math.min(ay, by), bx, Math.max(ay, by))) {
      if (j <= i) continue
      const cx = c[4 * j], cy = c[4 * j + 1], dx = c[4 * j + 2], dy = c[4 * j + 3]
      const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy)
      if (o1 * o2 >= 0) continue
      const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by)
      if (o3 * o4 >= 0) continue
      const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
      const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den
      hot.id(Math.round(ax + t * (bx - ax)), Math.round(ay + t * (by - ay)))
    }
  }
  const pix = new Flatbush(hot.size)
  for (let v = 0; v < hot.size; v++) pix.add(hot.xs[v], hot.ys[v], hot.xs[v], hot.ys[v])
  pix.finish()
  for (let i = 0; i < n; i++) {
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    for (const v of pix.search(ax - 0.5, Math.min(ay, by) - 0.5, bx + 0.5, Math.max(ay, by) + 0.5)) {
      const px = hot.xs[v], py = hot.ys[v]
      if ((px === ax && py === ay) || (px === bx && py === by)) continue
      if (passesThrough(ax, ay, bx, by, px, py)) splits.add(i, px, py)
    }
  }
  return splits
}

/** Whether segment a-b meets the closed unit square centred on grid point p (exact: corners are halves). */
function passesThrough(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  const s1 = orient(ax, ay, bx, by, px - 0.5, py - 0.5), s2 = orient(ax, ay, bx, by, px + 0.5, py - 0.5)
  const s3 = orient(ax, ay, bx, by, px + 0.5, py + 0.5), s4 = orient(ax, ay, bx, by, px - 0.5, py + 0.5)
  return !((s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0) || (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0))
}
