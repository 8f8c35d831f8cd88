import type { LonLat, Position } from '../../domain'
import { COORD_GRID, quantize } from '../../domain'

const GRID = COORD_GRID
/** How many grid steps (1 step ≈ 0.1 mm) the point may slide along the edge to land almost exactly on it. */
const WINDOW = 25

/**
 * A quantized point on segment a-b (both quantized) close to `target`.
 * Rounding an intersection to the grid moves it up to half a step off the edge, which over a
 * long shared edge changes areas by square metres and leaves a T-junction. Sliding a few
 * grid steps along the edge finds a grid point whose distance to the line is a tiny
 * fraction of a step, so neighbours can take the same vertex without changing shape.
 */
export function snapOnSegment(a: Position, b: Position, target: Position): LonLat {
  const bx = Math.round((b[0] - a[0]) * GRID)
  const by = Math.round((b[1] - a[1]) * GRID)
  const tx = (target[0] - a[0]) * GRID
  const ty = (target[1] - a[1]) * GRID
  if (bx === 0 && by === 0) return [a[0], a[1]]
  const swap = Math.abs(by) > Math.abs(bx)
  // Work along the major axis u with minor axis v so every u step has one nearest v.
  const bu = swap ? by : bx, bv = swap ? bx : by
  const tu = swap ? ty : tx
  const len = Math.hypot(bu, bv)
  const lo = Math.min(0, bu), hi = Math.max(0, bu)
  const u0 = Math.round(tu)
  let best: [number, number] | null = null
  let bestScore = Infinity
  for (let k = -WINDOW; k <= WINDOW; k++) {
    const u = u0 + k
    if (u < lo || u > hi) continue
    const v = Math.round((u * bv) / bu)
    const off = Math.abs(bu * v - bv * u) / len
    const score = off + Math.abs(k) * 1e-6
    if (score < bestScore) {
      bestScore = score
      best = [u, v]
    }
  }
  if (!best) {
    const u = Math.max(lo, Math.min(hi, u0))
    best = [u, Math.round((u * bv) / bu)]
  }
  const [gx, gy] = swap ? [best[1], best[0]] : best
  return [quantize(a[0] + gx / GRID), quantize(a[1] + gy / GRID)]
}
