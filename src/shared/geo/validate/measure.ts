/**
 * Ground measurements for small pieces: a local equirectangular projection using the
 * WGS84 radii of curvature at the piece's latitude (sub-0.1% error over a few km).
 * Input rings are on the coordinate grid (integers, COORD_GRID steps per degree).
 */
import { GRID } from '../kernel'
const A = 6378137
const E2 = 0.00669437999014
const RAD = Math.PI / 180 / GRID

export interface LocalFrame {
  x0: number
  y0: number
  kx: number
  ky: number
}

export function frameAt(gridX: number, gridY: number): LocalFrame {
  return frameInto({ x0: NaN, y0: NaN, kx: NaN, ky: NaN }, gridX, gridY)
}

/** `frameAt` written into `f` (a frame kept for reuse: the plan check measures thousands of pieces); f. */
export function frameInto(f: LocalFrame, gridX: number, gridY: number): LocalFrame {
  const phi = gridY * RAD
  const s = Math.sin(phi)
  const w = 1 - E2 * s * s
  const n = A / Math.sqrt(w)
  const m = (A * (1 - E2)) / (w * Math.sqrt(w))
  f.x0 = gridX
  f.y0 = gridY
  f.kx = n * Math.cos(phi) * RAD
  f.ky = m * RAD
  return f
}

/** Signed area in m² of a closed flat grid ring [x0, y0, x1, y1, …] (positive counter-clockwise). */
function ringAreaM2(ring: ArrayLike<number>, f: LocalFrame): number {
  let s = 0
  for (let i = 0; i < ring.length - 2; i += 2) {
    const ax = (ring[i] - f.x0) * f.kx, ay = (ring[i + 1] - f.y0) * f.ky
    const bx = (ring[i + 2] - f.x0) * f.kx, by = (ring[i + 3] - f.y0) * f.ky
    s += ax * by - bx * ay
  }
  return s / 2
}

export function polygonAreaM2(poly: readonly ArrayLike<number>[], f: LocalFrame): number {
  // A plain loop: a closure per call (every piece of a plan check) was garbage.
  let a = 0
  for (let i = 0; i < poly.length; i++) {
    const v = Math.abs(ringAreaM2(poly[i], f))
    a += i === 0 ? v : -v
  }
  return a
}

/**
 * Math.hypot(x, y) to the bit (V8's algorithm for two arguments: scaled by the larger, Kahan
 * summed, whose correction term is zero after the first of two), without the array V8's
 * builtin allocates on every call: a plan check measures every piece's perimeter with it.
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x), ay = Math.abs(y)
  // An infinite side wins over NaN, as in Math.hypot.
  if (ax === Infinity || ay === Infinity) return Infinity
  if (x !== x || y !== y) return NaN
  const max = ax > ay ? ax : ay
  if (max === 0) return 0
  const n = ax / max, m = ay / max
  return Math.sqrt(n * n + m * m) * max
}
