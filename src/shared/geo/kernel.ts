import { COORD_GRID, type Position } from '../domain'

/**
 * Exact predicates on the app's coordinate grid. Coordinates become integers (COORD_GRID
 * steps per degree, up to 1.8e11), so differences are exact doubles; products of long
 * segments can pass 2^53, so orientation uses a floating-point filter with a proven error
 * bound and falls back to BigInt only when the filter cannot decide (Shewchuk's scheme):
 * shared vertices and collinear edges are decided without epsilon guesses.
 */
export const GRID = COORD_GRID

export function toGrid(v: number): number {
  return Math.round(v * GRID)
}

/**
 * Degrees to grid units keeping half steps: a stored (quantized) coordinate becomes its exact
 * integer, and the midpoint of two stored points, which the editor uses as a probe, stays
 * exactly on their segment instead of being rounded off it. The predicates below are exact
 * on half steps too.
 */
export function toHalfGrid(v: number): number {
  return Math.round(v * 2 * GRID) / 2
}

/**
 * With exact differences, p and q each carry a relative error of at most 2^-53 and the
 * subtraction another 2^-53 of the result: |err| <= 2^-53 (|p| + |q|) + 2^-53 |det|, so
 * 2^-51 (|p| + |q|) bounds it with room to spare.
 */
const FILTER = 2 ** -51

/** Sign of the cross product (b - a) × (c - a): > 0 left turn, < 0 right turn, 0 collinear. */
export function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const s = orientFilter(ax, ay, bx, by, cx, cy)
  if (s !== 0) return s
  const p = (bx - ax) * (cy - ay)
  const q = (by - ay) * (cx - ax)
  if (FILTER * (Math.abs(p) + Math.abs(q)) === 0) return 0
  return exactSign(bx - ax, cy - ay, by - ay, cx - ax, p - q)
}

/**
 * `orient`'s floating-point filter alone: 1 or -1 when it decides, 0 when it cannot (then ask
 * `orient`). For the hottest loops, as `orientFilter(…) || orient(…)`: with no call inside it
 * is always inlined, where `orient`, which carries the exact fallback, may not be, and a call
 * that is not inlined boxes each of its six doubles (tens of megabytes per plan check).
 */
export function orientFilter(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const p = (bx - ax) * (cy - ay)
  const q = (by - ay) * (cx - ax)
  const det = p - q
  const bound = FILTER * (Math.abs(p) + Math.abs(q))
  if (det > bound) return 1
  if (-det > bound) return -1
  return 0
}

/** Sign of (b - a) × (d - c), exact like `orient`. */
export function cross(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const p = (bx - ax) * (dy - cy)
  const q = (by - ay) * (dx - cx)
  const det = p - q
  const bound = FILTER * (Math.abs(p) + Math.abs(q))
  if (det > bound) return 1
  if (-det > bound) return -1
  if (bound === 0) return 0
  return exactSign(bx - ax, dy - cy, by - ay, dx - cx, det)
}

/**
 * Sign of p*q - r*s in BigInt. Grid points and midpoints of grid edges (halves) are exact;
 * constructed crossing points are not on the grid, and there the rounded sign is the answer.
 */
function exactSign(p: number, q: number, r: number, s: number, det: number): number {
  let k = 1n
  if (!(Number.isInteger(p) && Number.isInteger(q) && Number.isInteger(r) && Number.isInteger(s))) {
    p *= 2; q *= 2; r *= 2; s *= 2
    if (!(Number.isInteger(p) && Number.isInteger(q) && Number.isInteger(r) && Number.isInteger(s))) return Math.sign(det)
    k = 4n
  }
  if (Math.abs(p) < LIMB2 && Math.abs(q) < LIMB2 && Math.abs(r) < LIMB2 && Math.abs(s) < LIMB2) return limbSign(p, q, r, s)
  const v = (BigInt(p) * BigInt(q) - BigInt(r) * BigInt(s)) * k
  return v > 0n ? 1 : v < 0n ? -1 : 0
}

const LIMB = 2 ** 20
const LIMB2 = 2 ** 40

/**
 * Sign of p*q - r*s for integers below 2^40 (every difference of grid coordinates, doubled
 * half steps included), in doubles without BigInt: a plan check reaches this fallback tens
 * of thousands of times and BigInts were megabytes of garbage. Each factor splits into two
 * 20-bit limbs, so every partial product and sum below stays under 2^53 and is exact.
 */
function limbSign(p: number, q: number, r: number, s: number): number {
  const ph = Math.floor(p / LIMB), pl = p - ph * LIMB
  const qh = Math.floor(q / LIMB), ql = q - qh * LIMB
  const rh = Math.floor(r / LIMB), rl = r - rh * LIMB
  const sh = Math.floor(s / LIMB), sl = s - sh * LIMB
  // p*q - r*s = hi * 2^40 + mid * 2^20 + lo
  const hi = ph * qh - rh * sh
  const mid = ph * ql + pl * qh - rh * sl - rl * sh
  const lo = pl * ql - rl * sl
  // Carry so that mid and lo lie in [0, 2^20): then the sign is hi's, or that of what is left.
  const c1 = Math.floor(lo / LIMB)
  const lo0 = lo - c1 * LIMB
  const m = mid + c1
  const c2 = Math.floor(m / LIMB)
  const mid0 = m - c2 * LIMB
  const top = hi + c2
  if (top !== 0) return top > 0 ? 1 : -1
  return mid0 > 0 || lo0 > 0 ? 1 : 0
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by)
}

/**
 * How two segments meet: 0 = not at all; 1 = only at one endpoint shared by both
 * (same grid point); 2 = anything else (proper crossing, T-junction, collinear overlap).
 *
 * The cases orientation's filter settles (apart, crossing, or sharing one endpoint and not
 * collinear: most pairs a ring or an arrangement asks about) are decided here, in a function
 * short enough to be inlined into the loops that call it; a call that is not inlined boxes its
 * eight doubles. The rest (collinear, T-junctions, zero-length, undecided) goes to
 * `segmentContactExact`, with the same answers.
 *
 * No bounding-box test first: the orientations decide every case settled here without it,
 * `segmentContactExact` makes it, and the callers' pairs come from box searches anyway. With
 * it, this function and the four filters it inlines passed the compiler's budget for
 * inlining a function that is already compiled (its bytecode and what it inlines, times 1.2,
 * within 920 bytes), and the hottest loops boxed eight doubles per pair.
 */
export function segmentContact(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): 0 | 1 | 2 {
  // Filter signs are exact where not 0; a zero-length segment gives 0 against anything.
  const o1 = orientFilter(ax, ay, bx, by, cx, cy), o2 = orientFilter(ax, ay, bx, by, dx, dy)
  if (o1 !== 0 && o1 === o2) return 0
  const o3 = orientFilter(cx, cy, dx, dy, ax, ay), o4 = orientFilter(cx, cy, dx, dy, bx, by)
  if (o3 !== 0 && o3 === o4) return 0
  if (o1 * o2 < 0 && o3 * o4 < 0) return 2
  // One endpoint shared (its orientation is exactly 0) and the other end of c-d off line a-b: they meet there only.
  if ((o1 !== 0 || o2 !== 0) && ((ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy))) return 1
  return segmentContactExact(ax, ay, bx, by, cx, cy, dx, dy)
}

/** `segmentContact` with exact orientation throughout. */
function segmentContactExact(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): 0 | 1 | 2 {
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return 0
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return 0
  // A zero-length segment is a point: every orientation against it is 0, so the collinear
  // case below would take any point in the other's bounding box for a contact.
  if (ax === bx && ay === by) return pointContact(cx, cy, dx, dy, ax, ay)
  if (cx === dx && cy === dy) return pointContact(ax, ay, bx, by, cx, cy)
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

/** How point p meets segment a-b, in segmentContact's terms (an endpoint of both is 1). */
function pointContact(ax: number, ay: number, bx: number, by: number, px: number, py: number): 0 | 1 | 2 {
  if (orient(ax, ay, bx, by, px, py) !== 0 || !onSegment(ax, ay, bx, by, px, py)) return 0
  return (px === ax && py === ay) || (px === bx && py === by) ? 1 : 2
}

/** Dot product sign of (b - o)·(c - o); only used with collinear points. */
function orientDot(ox: number, oy: number, bx: number, by: number, cx: number, cy: number): number {
  // Collinear directions: the dot product's sign is that of either coordinate pair.
  const sx = Math.sign(bx - ox) * Math.sign(cx - ox)
  return sx !== 0 ? sx : Math.sign(by - oy) * Math.sign(cy - oy)
}

/**
 * How the ray from p towards +x meets edge a-b: 1 it crosses the edge, 0 p lies on the edge,
 * -1 neither. Crossings are counted half-open in y (an edge holds its lower end, not its
 * upper one), so a ray through a vertex counts once, and horizontal edges never count.
 * A point on an edge shared by two neighbours is then, by the crossings alone, in the one
 * east of the edge (north of a horizontal one): `containsPoint` relies on that.
 */
export function edgeRay(ax: number, ay: number, bx: number, by: number, px: number, py: number): 1 | 0 | -1 {
  if ((ay > py) !== (by > py)) {
    const o = orient(ax, ay, bx, by, px, py)
    if (o === 0) return 0
    return (o > 0) === (by > ay) ? 1 : -1
  }
  if (ay === py && by === py && Math.min(ax, bx) <= px && px <= Math.max(ax, bx)) return 0
  return ax === px && ay === py ? 0 : -1
}

/**
 * Ring point location with exact arithmetic: 1 inside, -1 outside, 0 on the ring.
 * `xs`/`ys` hold a closed ring (last = first).
 */
export function ringLocate(xs: ArrayLike<number>, ys: ArrayLike<number>, start: number, end: number, px: number, py: number): -1 | 0 | 1 {
  let inside = false
  for (let i = start; i < end - 1; i++) {
    const e = edgeRay(xs[i], ys[i], xs[i + 1], ys[i + 1], px, py)
    if (e === 0) return 0
    if (e > 0) inside = !inside
  }
  return inside ? 1 : -1
}

/**
 * `ringLocate` on a closed flat ring [x0, y0, x1, y1, …] at `r[start .. end)` (the plan check's
 * traced pieces), without copying it into coordinate arrays.
 */
export function flatLocate(r: ArrayLike<number>, start: number, end: number, px: number, py: number): -1 | 0 | 1 {
  let inside = false
  for (let i = start; i < end - 2; i += 2) {
    const e = edgeRay(r[i], r[i + 1], r[i + 2], r[i + 3], px, py)
    if (e === 0) return 0
    if (e > 0) inside = !inside
  }
  return inside ? 1 : -1
}

// Lon/lat positions: the same predicates, on the grid (half steps kept, see toHalfGrid).

/** Sign of (b - a) × (c - a) for lon/lat positions: 1 left turn, -1 right turn, 0 collinear. */
export function orientLonLat(a: Position, b: Position, c: Position): number {
  return orient(toHalfGrid(a[0]), toHalfGrid(a[1]), toHalfGrid(b[0]), toHalfGrid(b[1]), toHalfGrid(c[0]), toHalfGrid(c[1]))
}

/** `segmentContact` for lon/lat segments ab and cd: 0 apart, 1 only a shared endpoint, 2 anything else. */
export function segmentContactLonLat(a: Position, b: Position, c: Position, d: Position): 0 | 1 | 2 {
  const g = toHalfGrid
  return segmentContact(g(a[0]), g(a[1]), g(b[0]), g(b[1]), g(c[0]), g(c[1]), g(d[0]), g(d[1]))
}

/** True when the closed segments ab and cd share any point. */
export function segmentsTouch(a: Position, b: Position, c: Position, d: Position): boolean {
  return segmentContactLonLat(a, b, c, d) !== 0
}

/**
 * Where p lies against a ring of positions: 1 inside, 0 on it, -1 outside. The ring may be
 * closed (last = first) or not: the edge back to the first position is always included.
 */
export function pointInRing(p: Position, ring: readonly Position[]): -1 | 0 | 1 {
  const n = ring.length
  if (n === 0) return -1
  const px = toHalfGrid(p[0]), py = toHalfGrid(p[1])
  let ax = toHalfGrid(ring[n - 1][0]), ay = toHalfGrid(ring[n - 1][1])
  let inside = false
  for (let i = 0; i < n; i++) {
    const bx = toHalfGrid(ring[i][0]), by = toHalfGrid(ring[i][1])
    const e = edgeRay(ax, ay, bx, by, px, py)
    if (e === 0) return 0
    if (e > 0) inside = !inside
    ax = bx
    ay = by
  }
  return inside ? 1 : -1
}

/** Where p lies against a polygon (shell, then holes): 1 inside, 0 on a ring, -1 outside or in a hole. */
function polygonLocate(p: Position, poly: readonly (readonly Position[])[]): -1 | 0 | 1 {
  if (!poly.length) return -1
  const shell = pointInRing(p, poly[0])
  if (shell <= 0) return shell
  for (let h = 1; h < poly.length; h++) {
    const l = pointInRing(p, poly[h])
    if (l >= 0) return l === 0 ? 0 : -1
  }
  return 1
}

/** Where p lies against a list of polygons (a MultiPolygon's parts): inside any part wins over on a ring. */
export function polygonsLocate(p: Position, polys: readonly (readonly (readonly Position[])[])[]): -1 | 0 | 1 {
  let best: -1 | 0 | 1 = -1
  for (const poly of polys) {
    const l = polygonLocate(p, poly)
    if (l > 0) return 1
    if (l === 0) best = 0
  }
  return best
}
