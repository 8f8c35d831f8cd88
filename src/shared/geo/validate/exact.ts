/**
 * Exact predicates on the 1e-7 degree grid. Coordinates become integers (units of 1e-7°),
 * so orientation tests are exact while products stay below 2^53 and fall back to BigInt
 * beyond: shared vertices and collinear edges are decided without epsilon guesses.
 */
export const GRID = 1e7
const SAFE = 2 ** 53

export function toGrid(v: number): number {
  return Math.round(v * GRID)
}

/** Sign of the cross product (b - a) × (c - a): > 0 left turn, < 0 right turn, 0 collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const p = (bx - ax) * (cy - ay)
  const q = (by - ay) * (cx - ax)
  if (Math.abs(p) < SAFE && Math.abs(q) < SAFE) return Math.sign(p - q)
  const r =
    BigInt(bx - ax) * BigInt(cy - ay) - BigInt(by - ay) * BigInt(cx - ax)
  return r > 0n ? 1 : r < 0n ? -1 : 0
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by)
}

/**
 * How two segments meet: 0 = not at all; 1 = only at one endpoint shared by both
 * (same grid point); 2 = anything else (proper crossing, T-junction, collinear overlap).
 */
export function segmentContact(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): 0 | 1 | 2 {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return 0
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return 0
  const o1 = orient(ax, ay, bx, by, cx, cy)
  const o2 = orient(ax, ay, bx, by, dx, dy)
  const o3 = orient(cx, cy, dx, dy, ax, ay)
  const o4 = orient(cx, cy, dx, dy, bx, by)
  if (o1 === 0 && o2 === 0) {
    // Collinear: overlapping in more than a point is a contact of kind 2.
    const touch = (x: number, y: number) => onSegment(ax, ay, bx, by, x, y)
    const shared =
      (ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy)
    const cIn = touch(cx, cy), dIn = touch(dx, dy)
    const aIn = onSegment(cx, cy, dx, dy, ax, ay), bIn = onSegment(cx, cy, dx, dy, bx, by)
    const hits = Number(cIn) + Number(dIn) + Number(aIn) + Number(bIn)
    if (hits === 0) return 0
    // Two collinear segments that only share one endpoint touch at that point (hits = 2).
    if (shared && hits === 2) {
      const sameDirFromShared =
        ((ax === cx && ay === cy) && orientDot(ax, ay, bx, by, dx, dy) > 0) ||
        ((ax === dx && ay === dy) && orientDot(ax, ay, bx, by, cx, cy) > 0) ||
        ((bx === cx && by === cy) && orientDot(bx, by, ax, ay, dx, dy) > 0) ||
        ((bx === dx && by === dy) && orientDot(bx, by, ax, ay, cx, cy) > 0)
      return sameDirFromShared ? 2 : 1
    }
    return 2
  }
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 2
  if (o1 !== 0 && o1 === o2) return 0
  if (o3 !== 0 && o3 === o4) return 0
  // One endpoint lies on the other segment: shared vertex (1) or T-junction (2).
  const sharedEnd =
    (ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy)
  return sharedEnd ? 1 : 2
}

/** Dot product sign of (b - o)·(c - o); only used with collinear points. */
function orientDot(ox: number, oy: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ox) * (cx - ox) + (by - oy) * (cy - oy))
}

/** Half-plane + cross ordering of directions around a vertex, counter-clockwise from +x. */
export function dirLess(ux: number, uy: number, vx: number, vy: number): boolean {
  const hu = uy > 0 || (uy === 0 && ux > 0) ? 0 : 1
  const hv = vy > 0 || (vy === 0 && vx > 0) ? 0 : 1
  if (hu !== hv) return hu < hv
  return orient(0, 0, ux, uy, vx, vy) > 0
}

/** Angle-free key for sorting directions: [half, then by cross]. Returns <0, 0, >0. */
export function dirCompare(ux: number, uy: number, vx: number, vy: number): number {
  if (dirLess(ux, uy, vx, vy)) return -1
  if (dirLess(vx, vy, ux, uy)) return 1
  return 0
}

/**
 * Ring point location with exact arithmetic: 1 inside, -1 outside, 0 on the ring.
 * `xs`/`ys` hold a closed ring (last = first).
 */
export function ringLocate(xs: ArrayLike<number>, ys: ArrayLike<number>, start: number, end: number, px: number, py: number): number {
  let inside = false
  for (let i = start; i < end - 1; i++) {
    const ax = xs[i], ay = ys[i], bx = xs[i + 1], by = ys[i + 1]
    if ((ay > py) !== (by > py)) {
      const o = orient(ax, ay, bx, by, px, py)
      if (o === 0) return 0
      if ((o > 0) === (by > ay)) inside = !inside
    } else if (ay === py && by === py && Math.min(ax, bx) <= px && px <= Math.max(ax, bx)) return 0
    else if (ax === px && ay === py) return 0
  }
  return inside ? 1 : -1
}
