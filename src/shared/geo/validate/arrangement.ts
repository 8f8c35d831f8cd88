import { orient as kernelOrient, orientFilter as kernelOrientFilter } from '../kernel'
import { PairTable, PointTable } from './point-table'
import { snapRound } from './snap-round'
import { SplitPoints } from './split-points'
import type { SegmentInput } from './arrangement-input'
import { boxPairs } from './box-pairs'

/** Bound once: run from sources (tsx), each use of an imported name calls a getter, which the hot loops here did not always inline. */
const orient = kernelOrient
const orientFilter = kernelOrientFilter

/**
 * Planar arrangement of the boundaries of many polygons ("owners"), the way GEOS's overlay
 * nodes them: identical edges are merged, edges are split where they cross, touch or run
 * collinear, and the faces are walked. Each edge remembers, per owner, on which side that
 * owner's interior lies, so every face can be labelled with the owners that contain it.
 * Predicates on input vertices are exact (integer grid); only points where two edges cross
 * properly are constructed, rounded to the nearest double.
 */
export interface Arrangement {
  vx: Float64Array
  vy: Float64Array
  /** Half-edge h goes from `org[h]` to `org[h ^ 1]`; `h ^ 1` is its twin. */
  org: Int32Array
  next: Int32Array
  /**
   * Per edge e (= h >> 1), its owners are `ownId[ownStart[e] .. ownStart[e + 1])`, and
   * `ownSide` says per owner how many more times its rings run along half-edge 2e than
   * against it: > 0 its interior is left of 2e, < 0 right. Labels only use the sign; the
   * count is the change in winding number across the edge (make-valid).
   */
  ownStart: Int32Array
  ownId: Int32Array
  ownSide: Int32Array
  /** The same per edge as lists (made when first asked for). */
  readonly owners: number[][]
  readonly sides: number[][]
  /** Per half-edge, the face left of it. */
  face: Int32Array
  /**
   * The faces, in typed arrays rather than an object and two arrays each (full Chicago: 11k
   * faces, every one kept for the whole check, which the collector copied and promoted):
   * face f's half-edges in walking order are `faceEdges[faceStart[f] .. faceStart[f + 1])`,
   * its signed doubled area is `faceArea2[f]` (> 0: bounded, counter-clockwise) and its box
   * `faceBox[4f .. 4f + 4)` (min x, min y, max x, max y).
   */
  faceCount: number
  faceStart: Int32Array
  faceEdges: Int32Array
  faceArea2: Float64Array
  faceBox: Float64Array
}

const less = (ax: number, ay: number, bx: number, by: number) => ax < bx || (ax === bx && ay < by)

/**
 * Unique undirected segments (`n` of them), each from its lesser end, with the ids of both
 * ends; per segment a list of (owner, side count) entries: `head`, then `next` until -1.
 */
interface Unique {
  n: number
  c: Float64Array
  p: Int32Array
  q: Int32Array
  head: Int32Array
  lists: OwnerLists
}

/** Linked lists of (owner, side count) in typed arrays: no array per segment or edge. */
class OwnerLists {
  owner: Int32Array
  side: Int32Array
  next: Int32Array
  size = 0

  constructor(cap: number) {
    cap = Math.max(cap, 16)
    this.owner = new Int32Array(cap)
    this.side = new Int32Array(cap)
    this.next = new Int32Array(cap)
  }

  /** A new one-entry list. */
  add(o: number, s: number): number {
    if (this.size === this.owner.length) this.grow()
    const k = this.size++
    this.owner[k] = o
    this.side[k] = s
    this.next[k] = -1
    return k
  }

  /** Adds s to owner o's count in the list at `head`, or appends o (lists keep arrival order). */
  addSide(head: number, o: number, s: number): void {
    let k = head, last = head
    while (k >= 0) {
      if (this.owner[k] === o) {
        this.side[k] += s
        return
      }
      last = k
      k = this.next[k]
    }
    const e = this.add(o, s)
    this.next[last] = e
  }

  /** A copy of the list at `head`, counts times `sign`. */
  copy(head: number, sign: number): number {
    const first = this.add(this.owner[head], this.side[head] * sign)
    let last = first
    for (let k = this.next[head]; k >= 0; k = this.next[k]) {
      const e = this.add(this.owner[k], this.side[k] * sign)
      this.next[last] = e
      last = e
    }
    return first
  }

  private grow(): void {
    const cap = this.owner.length * 2
    const o = new Int32Array(cap), s = new Int32Array(cap), n = new Int32Array(cap)
    o.set(this.owner)
    s.set(this.side)
    n.set(this.next)
    this.owner = o
    this.side = s
    this.next = n
  }
}

function mergeIdentical(segs: SegmentInput, pts: PointTable): Unique {
  const N = segs.owner.length
  const c = new Float64Array(4 * N), P = new Int32Array(N), Q = new Int32Array(N), head = new Int32Array(N)
  const lists = new OwnerLists(N + (N >> 2))
  const n = mergeInto(segs, pts, c, P, Q, head, lists)
  return { n, c: c.subarray(0, 4 * n), p: P, q: Q, head, lists }
}

/**
 * The loop of `mergeIdentical`, in a function of its own that ends with it: compiled while
 * its loop ran (on-stack replacement), the code after the loop had no type feedback yet and
 * sent the compiled code back to the interpreter there at the end of every check.
 */
function mergeInto(segs: SegmentInput, pts: PointTable, c: Float64Array, P: Int32Array, Q: Int32Array, head: Int32Array, lists: OwnerLists): number {
  const N = segs.owner.length
  const index = new PairTable(N)
  const sc = segs.c, so = segs.owner
  let n = 0
  // Segments arrive ring by ring: a segment usually starts where the one before ended,
  // whose point id is known (looked up again it would be found, not added: same ids).
  let endX = NaN, endY = NaN, endId = -1
  for (let i = 0; i < N; i++) {
    let ax = sc[4 * i], ay = sc[4 * i + 1], bx = sc[4 * i + 2], by = sc[4 * i + 3]
    let s = 1, p: number, q: number
    if (ax === endX && ay === endY) {
      const b = pts.id(bx, by)
      if (less(ax, ay, bx, by)) {
        p = endId
        q = b
      } else {
        const tx = ax, ty = ay
        ax = bx; ay = by; bx = tx; by = ty
        s = -1
        p = b
        q = endId
      }
      endId = b
    } else {
      if (!less(ax, ay, bx, by)) {
        const tx = ax, ty = ay
        ax = bx; ay = by; bx = tx; by = ty
        s = -1
      }
      p = pts.id(ax, ay)
      q = pts.id(bx, by)
      endId = s > 0 ? q : p
    }
    endX = s > 0 ? bx : ax
    endY = s > 0 ? by : ay
    const k = index.get(p, q)
    if (k < 0) {
      index.set(p, q, n)
      c[4 * n] = ax; c[4 * n + 1] = ay; c[4 * n + 2] = bx; c[4 * n + 3] = by
      P[n] = p
      Q[n] = q
      head[n] = lists.add(so[i], s)
      n++
    } else lists.addSide(head[k], so[i], s)
  }
  return n
}

/** Whether p lies strictly between a and b on the collinear segment a-b. */
function strictlyInside(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  if ((px === ax && py === ay) || (px === bx && py === by)) return false
  if (ax !== bx) return ax < bx ? ax < px && px < bx : bx < px && px < ax
  return ay < by ? ay < py && py < by : by < py && py < ay
}

/**
 * Where segments i and j (offsets `a` and `b` into `c`) meet, the points to split each at,
 * added to `splits` for each.
 *
 * Most candidate pairs are settled by orientation's floating-point filter (apart, crossing
 * properly, or meeting only at an end of both); only the rest (T-junctions, collinear,
 * undecided) go to `meetExact`. Segments come
 * as offsets: a call taking their coordinates boxed eight doubles per pair when it was not
 * inlined, and the exact orientations, too large to inline four times, boxed six per call.
 */
function meet(c: Float64Array, a: number, b: number, splits: SplitPoints): void {
  const ax = c[a], ay = c[a + 1], bx = c[a + 2], by = c[a + 3]
  const cx = c[b], cy = c[b + 1], dx = c[b + 2], dy = c[b + 3]
  // The filter's signs are exact where not 0.
  const o1 = orientFilter(ax, ay, bx, by, cx, cy), o2 = orientFilter(ax, ay, bx, by, dx, dy)
  if (o1 !== 0 && o1 === o2) return
  const o3 = orientFilter(cx, cy, dx, dy, ax, ay), o4 = orientFilter(cx, cy, dx, dy, bx, by)
  if (o3 !== 0 && o3 === o4) return
  if (o1 * o2 < 0 && o3 * o4 < 0) return properCrossing(c, a, b, splits)
  // One endpoint shared (its orientations are exactly 0) and the other end of c-d off line
  // a-b: they meet only there, an end of both (consecutive segments of a ring, mostly).
  if ((o1 !== 0 || o2 !== 0) && ((ax === cx && ay === cy) || (ax === dx && ay === dy) || (bx === cx && by === cy) || (bx === dx && by === dy))) return
  meetExact(c, a, b, splits)
}

/** `meet` with exact orientations throughout, for pairs the filter left undecided. */
function meetExact(c: Float64Array, a: number, b: number, splits: SplitPoints): void {
  const ax = c[a], ay = c[a + 1], bx = c[a + 2], by = c[a + 3]
  const cx = c[b], cy = c[b + 1], dx = c[b + 2], dy = c[b + 3]
  const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy)
  if (o1 !== 0 && o1 === o2) return
  const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by)
  if (o3 !== 0 && o3 === o4) return
  if (o1 * o2 < 0 && o3 * o4 < 0) return properCrossing(c, a, b, splits)
  const i = a >> 2, j = b >> 2
  if (o1 === 0 && strictlyInside(ax, ay, bx, by, cx, cy)) splits.add(i, cx, cy)
  if (o2 === 0 && strictlyInside(ax, ay, bx, by, dx, dy)) splits.add(i, dx, dy)
  if (o3 === 0 && strictlyInside(cx, cy, dx, dy, ax, ay)) splits.add(j, ax, ay)
  if (o4 === 0 && strictlyInside(cx, cy, dx, dy, bx, by)) splits.add(j, bx, by)
}

/**
 * Where segments i and j (offsets `a` and `b` into `c`) cross properly: the point is
 * constructed, not on the grid, and left unsnapped: labels come from exact point tests against
 * the original rings, which a point moved off its edges by snapping could fail. Computed from
 * the segments in a fixed order, so a partial re-run puts the point on exactly the same double.
 */
function properCrossing(c: Float64Array, a: number, b: number, splits: SplitPoints): void {
  const ax = c[a], ay = c[a + 1], bx = c[a + 2], by = c[a + 3]
  const cx = c[b], cy = c[b + 1], dx = c[b + 2], dy = c[b + 3]
  // e-f is the lesser segment, g-h the other; the point is on e-f at parameter t.
  const first = less(ax, ay, cx, cy) || (ax === cx && ay === cy && less(bx, by, dx, dy))
  const ex = first ? ax : cx, ey = first ? ay : cy, fx = first ? bx : dx, fy = first ? by : dy
  const gx = first ? cx : ax, gy = first ? cy : ay, hx = first ? dx : bx, hy = first ? dy : by
  const den = (fx - ex) * (hy - gy) - (fy - ey) * (hx - gx)
  const t = ((gx - ex) * (hy - gy) - (gy - ey) * (hx - gx)) / den
  const px = ex + t * (fx - ex), py = ey + t * (fy - ey)
  if (!((px === ax && py === ay) || (px === bx && py === by))) splits.add(a >> 2, px, py)
  if (!((px === cx && py === cy) || (px === dx && py === dy))) splits.add(b >> 2, px, py)
}

/**
 * Scratch arrays for `chain`, as long as the most split points any segment has: one set per
 * arrangement, not three arrays per split segment.
 */
class Chain {
  readonly x: Float64Array
  readonly y: Float64Array
  readonly t: Float64Array
  readonly order: Int32Array
  /** The points of the last chain, in order: x, y pairs. */
  readonly out: Float64Array

  constructor(max: number) {
    this.x = new Float64Array(max)
    this.y = new Float64Array(max)
    this.t = new Float64Array(max)
    this.order = new Int32Array(max)
    this.out = new Float64Array(2 * max)
  }

  /**
   * Segment i's split points (its ends at offset 4i of `c`) in order along it, without its
   * ends or repeats, into `out`; returns how many numbers it wrote. Ordered along the
   * segment, ties by x then y: a total order on distinct points, so the order they were
   * found in does not matter, and repeats end up side by side.
   */
  of(c: Float64Array, i: number, sp: SplitPoints): number {
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    const dx = bx - ax, dy = by - ay
    const xs = this.x, ys = this.y, t = this.t, order = this.order, out = this.out
    let m = 0
    for (let k = sp.head[i]; k >= 0; k = sp.next[k], m++) {
      xs[m] = sp.x[k]
      ys[m] = sp.y[k]
      order[m] = m
      t[m] = (xs[m] - ax) * dx + (ys[m] - ay) * dy
    }
    // Insertion sort (a segment is split a few times).
    for (let i = 1; i < m; i++) {
      const k = order[i], tk = t[i]
      let j = i - 1
      while (j >= 0) {
        const q = order[j]
        const d = t[j] - tk || xs[q] - xs[k] || ys[q] - ys[k]
        if (d <= 0) break
        order[j + 1] = q
        t[j + 1] = t[j]
        j--
      }
      order[j + 1] = k
      t[j + 1] = tk
    }
    let n = 0
    for (let i = 0; i < m; i++) {
      const k = order[i]
      const x = xs[k], y = ys[k]
      if (n && x === out[n - 2] && y === out[n - 1]) continue
      if ((x === bx && y === by) || (x === ax && y === ay)) continue
      out[n] = x
      out[n + 1] = y
      n += 2
    }
    return n
  }
}

/** Points where other segments cross, touch or overlap each segment. */
function node(u: Unique): SplitPoints {
  const n = u.n
  const splits = new SplitPoints(n)
  if (n < 2) return splits
  const c = u.c
  const boxes = new Float64Array(4 * n)
  for (let i = 0; i < n; i++) {
    const ay = c[4 * i + 1], by = c[4 * i + 3]
    boxes[4 * i] = c[4 * i]
    boxes[4 * i + 1] = ay < by ? ay : by
    boxes[4 * i + 2] = c[4 * i + 2]
    boxes[4 * i + 3] = ay < by ? by : ay
  }
  const pairs = boxPairs(boxes, n)
  for (let k = 0; k < pairs.length; k += 2) meet(c, 4 * pairs[k], 4 * pairs[k + 1], splits)
  return splits
}

/** Half-plane, then cross-product order of directions counter-clockwise from +x. */
function dirCmp(ux: number, uy: number, vx: number, vy: number): number {
  // Lower half-plane (below +x, or along -x): 1. Every comparison made on every call: one made
  // only for a horizontal edge went without type feedback until a plan had one at a vertex of
  // three or more edges, and then sent the compiled code back to the interpreter.
  const hu = (uy < 0 ? 1 : 0) | ((uy === 0 ? 1 : 0) & (ux <= 0 ? 1 : 0))
  const hv = (vy < 0 ? 1 : 0) | ((vy === 0 ? 1 : 0) & (vx <= 0 ? 1 : 0))
  if (hu !== hv) return hu - hv
  return -orient(0, 0, ux, uy, vx, vy)
}

/**
 * With `snap`, crossings are snap-rounded to the grid (consistent on dirty layers); without,
 * kept as exact as doubles allow.
 *
 * Each step is a function of its own: one function holding them all was compiled again and
 * again during the first checks (a loop's on-stack replacement, or a deoptimisation, compiled
 * the whole of it each time), and that compiling was a large part of a check's CPU time.
 */
export function buildArrangement(segs: SegmentInput, snap = false): Arrangement {
  const pts = new PointTable(segs.owner.length)
  const u = mergeIdentical(segs, pts)
  const splits = snap ? snapRound(u.c, pts) : node(u)
  const edges = splitEdges(u, splits, pts)
  const V = pts.size
  const vx = pts.xs.subarray(0, V), vy = pts.ys.subarray(0, V)
  const { org, ownStart, ownId, ownSide } = ownedEdges(edges, u.lists)
  const K = org.length >> 1
  const next = faceLinks(vx, vy, org)
  const { face, faceCount, faceStart, faceEdges } = walkFaces(org, next)
  const { faceArea2, faceBox } = faceShapes(vx, vy, org, faceCount, faceStart, faceEdges)
  let lists2: { owners: number[][]; sides: number[][] } | null = null
  const asLists = () => {
    if (lists2) return lists2
    const owners: number[][] = new Array(K), sides: number[][] = new Array(K)
    for (let e = 0; e < K; e++) {
      owners[e] = Array.from(ownId.subarray(ownStart[e], ownStart[e + 1]))
      sides[e] = Array.from(ownSide.subarray(ownStart[e], ownStart[e + 1]))
    }
    return (lists2 = { owners, sides })
  }
  return {
    vx, vy, org, next, ownStart, ownId, ownSide, face, faceCount, faceStart, faceEdges, faceArea2, faceBox,
    get owners() {
      return asLists().owners
    },
    get sides() {
      return asLists().sides
    },
  }
}

/**
 * The edges between consecutive points of the split segments, each once (from `a[e]` to
 * `b[e]`), with its owner list: while only one segment lies on it, the list of that segment,
 * whose counts carry `sign[e]`; a copy of its own from the second segment on.
 */
class EdgeSet {
  readonly id: PairTable
  readonly a: Int32Array
  readonly b: Int32Array
  readonly head: Int32Array
  readonly sign: Int8Array
  readonly shared: Uint8Array
  size = 0

  constructor(cap: number, private readonly u: Unique) {
    this.id = new PairTable(cap)
    this.a = new Int32Array(cap)
    this.b = new Int32Array(cap)
    this.head = new Int32Array(cap)
    this.sign = new Int8Array(cap)
    this.shared = new Uint8Array(cap)
  }

  /** The part p-q of segment k, running along it (`forward`) or against it. */
  add(p: number, q: number, k: number, forward: boolean): void {
    if (p === q) return
    const a = forward ? p : q, b = forward ? q : p
    const e = this.id.get(a, b)
    const lists = this.u.lists
    if (e < 0) {
      const E = this.size++
      this.id.set(a, b, E)
      this.a[E] = a
      this.b[E] = b
      this.head[E] = this.u.head[k]
      this.sign[E] = forward ? 1 : -1
      this.shared[E] = 1
      return
    }
    if (this.shared[e]) {
      this.head[e] = lists.copy(this.head[e], this.sign[e])
      this.sign[e] = 1
      this.shared[e] = 0
    }
    const dir = forward ? 1 : -1
    for (let x = this.u.head[k]; x >= 0; x = lists.next[x]) lists.addSide(this.head[e], lists.owner[x], lists.side[x] * dir)
  }
}

/** Every unique segment cut at its split points into edges. */
function splitEdges(u: Unique, splits: SplitPoints, pts: PointTable): EdgeSet {
  const edges = new EdgeSet(u.n + splits.size, u)
  const chain = new Chain(mostSplits(splits, u.n))
  // In runs of segments, each a call: a loop over all of them here was compiled while it ran,
  // before an edge had been met twice (a plan with no overlapping boundaries never does), and
  // the compiled loop then went back to the interpreter at the first such edge, check after
  // check. A function called many times per check is compiled again once it has met it.
  for (let i = 0; i < u.n; i += SPLIT_RUN) splitRun(edges, chain, u, splits, pts, i, Math.min(u.n, i + SPLIT_RUN))
  return edges
}

const SPLIT_RUN = 256

/** The most split points any segment has. */
function mostSplits(splits: SplitPoints, n: number): number {
  let most = 0
  for (let i = 0; i < n; i++) if (splits.count[i] > most) most = splits.count[i]
  return most
}

/** Segments `from .. to` cut at their split points into edges. */
function splitRun(edges: EdgeSet, chain: Chain, u: Unique, splits: SplitPoints, pts: PointTable, from: number, to: number): void {
  const c = u.c, ch = chain.out
  for (let i = from; i < to; i++) {
    if (splits.head[i] < 0) {
      edges.add(u.p[i], u.q[i], i, true)
      continue
    }
    const n = chain.of(c, i, splits)
    const bx = c[4 * i + 2], by = c[4 * i + 3]
    let prev = u.p[i], px = c[4 * i], py = c[4 * i + 1]
    for (let k = 0; k <= n; k += 2) {
      const x = k < n ? ch[k] : bx, y = k < n ? ch[k + 1] : by
      const cur = k < n ? pts.id(x, y) : u.q[i]
      edges.add(prev, cur, i, less(px, py, x, y))
      prev = cur
      px = x
      py = y
    }
  }
}

/**
 * The edges some owner still bounds (owners whose counts cancel do not bound anything here;
 * edges left with no owner vanish), as half-edge origins and owner lists in typed arrays.
 */
function ownedEdges(edges: EdgeSet, lists: OwnerLists): { org: Int32Array; ownStart: Int32Array; ownId: Int32Array; ownSide: Int32Array } {
  // Each loop a function of its own, this one none (see the note above `walkInto`); the same steps whether or
  // not an edge drops out (a branch for "none does", taken by every check of a clean plan, sent
  // the code compiled for it back to the interpreter on the first plan where one did).
  const E = edges.size
  const ownStart0 = new Int32Array(E + 1)
  const total = countOwners(edges, lists, ownStart0)
  const ownId = new Int32Array(total), ownSide = new Int32Array(total)
  const kept = fillOwners(edges, lists, ownStart0, ownId, ownSide)
  const org = new Int32Array(2 * kept), ownStart = new Int32Array(kept + 1)
  keepOwned(edges, ownStart0, org, ownStart)
  // Entries of dropped edges are none (they had no owner left), so the lists line up.
  return { org, ownStart, ownId, ownSide }
}

/** Per edge, where its owners with a non-zero count start (`ownStart0`, E + 1 entries); their total. */
function countOwners(edges: EdgeSet, lists: OwnerLists, ownStart0: Int32Array): number {
  const E = edges.size, head = edges.head
  let total = 0
  for (let e = 0; e < E; e++) {
    ownStart0[e] = total
    for (let x = head[e]; x >= 0; x = lists.next[x]) if (lists.side[x] !== 0) total++
  }
  ownStart0[E] = total
  return total
}

/** The owners and their counts (signed along each edge) into `ownId`/`ownSide`; how many edges have any. */
function fillOwners(edges: EdgeSet, lists: OwnerLists, ownStart0: Int32Array, ownId: Int32Array, ownSide: Int32Array): number {
  const E = edges.size, head = edges.head, sign = edges.sign
  let kept = 0
  for (let e = 0; e < E; e++) {
    if (ownStart0[e + 1] === ownStart0[e]) continue
    kept++
    let k = ownStart0[e]
    for (let x = head[e]; x >= 0; x = lists.next[x]) {
      if (lists.side[x] === 0) continue
      ownId[k] = lists.owner[x]
      ownSide[k++] = lists.side[x] * sign[e]
    }
  }
  return kept
}

/** The edges with owners: their ends as half-edge origins (`org`), and where their owners start (`ownStart`). */
function keepOwned(edges: EdgeSet, ownStart0: Int32Array, org: Int32Array, ownStart: Int32Array): void {
  const E = edges.size, ea = edges.a, eb = edges.b
  let i = 0
  for (let e = 0; e < E; e++) {
    if (ownStart0[e + 1] === ownStart0[e]) continue
    ownStart[i + 1] = ownStart[i] + ownStart0[e + 1] - ownStart0[e]
    org[2 * i] = ea[e]
    org[2 * i + 1] = eb[e]
    i++
  }
}

/** Per half-edge h, the next half-edge of the face left of h. */
function faceLinks(vx: Float64Array, vy: Float64Array, org: Int32Array): Int32Array {
  // Each loop a function that ends with it (see the note above `walkInto`).
  const V = vx.length, H = org.length
  const outStart = new Int32Array(V + 1), out = new Int32Array(H), pos = new Int32Array(H), next = new Int32Array(H)
  outgoing(org, outStart, out)
  sortAround(vx, vy, org, outStart, out, pos)
  linkNext(org, outStart, out, pos, next)
  return next
}

/** Outgoing half-edges per vertex: those of v are `out[outStart[v] .. outStart[v + 1])`. */
function outgoing(org: Int32Array, outStart: Int32Array, out: Int32Array): void {
  const V = outStart.length - 1, H = org.length
  for (let h = 0; h < H; h++) outStart[org[h] + 1]++
  for (let v = 0; v < V; v++) outStart[v + 1] += outStart[v]
  const fill = outStart.slice(0, V)
  for (let h = 0; h < H; h++) out[fill[org[h]]++] = h
}

/** Each vertex's outgoing half-edges sorted counter-clockwise, and each half-edge's place in `out` (`pos`). */
function sortAround(vx: Float64Array, vy: Float64Array, org: Int32Array, outStart: Int32Array, out: Int32Array, pos: Int32Array): void {
  const V = outStart.length - 1
  for (let v = 0; v < V; v++) {
    const a = outStart[v], b = outStart[v + 1]
    if (b - a > 2) {
      // Insertion sort in place (a vertex has a handful of edges); stable like Array sort.
      const ox = vx[v], oy = vy[v]
      for (let k = a + 1; k < b; k++) {
        const h = out[k]
        const t = org[h ^ 1]
        const ux = vx[t] - ox, uy = vy[t] - oy
        let m = k - 1
        while (m >= a) {
          const w = org[out[m] ^ 1]
          if (dirCmp(vx[w] - ox, vy[w] - oy, ux, uy) <= 0) break
          out[m + 1] = out[m]
          m--
        }
        out[m + 1] = h
      }
    }
    for (let k = a; k < b; k++) pos[out[k]] = k
  }
}

/** The face left of h continues with the outgoing edge just clockwise of h's twin. */
function linkNext(org: Int32Array, outStart: Int32Array, out: Int32Array, pos: Int32Array, next: Int32Array): void {
  const H = org.length
  for (let h = 0; h < H; h++) {
    const t = h ^ 1
    const v = org[t]
    const a = outStart[v], b = outStart[v + 1]
    const k = pos[t] - 1
    next[h] = out[k < a ? b - 1 : k]
  }
}

/**
 * The faces, each walked once from its first half-edge, and the face of every half-edge.
 * Every half-edge lies on one face, so the walks fill `faceEdges` exactly; where each face
 * starts is found after, once their number is known (room for a start per half-edge was
 * fifteen times what full Chicago needs).
 */
function walkFaces(org: Int32Array, next: Int32Array): { face: Int32Array; faceCount: number; faceStart: Int32Array; faceEdges: Int32Array } {
  const H = org.length
  const face = new Int32Array(H).fill(-1)
  const faceEdges = new Int32Array(H)
  const F = walkInto(next, face, faceEdges)
  return { face, faceCount: F, faceStart: facesStart(face, faceEdges, F), faceEdges }
}

/*
 * The loops of the arrangement's steps sit in functions that end with them (each returns what
 * its loop computed, or nothing): a step runs once per check, its loop is compiled while it runs
 * (on-stack replacement), and code after the loop, with no type feedback yet, sent the
 * compiled code back to the interpreter there, check after check, until the step was compiled
 * whole.
 */

/** Walks every face once from its first half-edge: the face of each half-edge, the half-edges in walking order; the face count. */
function walkInto(next: Int32Array, face: Int32Array, faceEdges: Int32Array): number {
  const H = next.length
  let F = 0, k = 0
  for (let h0 = 0; h0 < H; h0++) {
    if (face[h0] >= 0) continue
    let h = h0
    do {
      face[h] = F
      faceEdges[k++] = h
      h = next[h]
    } while (h !== h0 && k < H)
    F++
  }
  return F
}

/** Where each face's half-edges start in `faceEdges`: faces were numbered in the order they were walked, so face f starts where f first appears. */
function facesStart(face: Int32Array, faceEdges: Int32Array, F: number): Int32Array {
  const H = faceEdges.length
  const faceStart = new Int32Array(F + 1)
  faceStart[F] = H
  for (let i = H - 1; i >= 0; i--) faceStart[face[faceEdges[i]]] = i
  return faceStart
}

/** Per face, its signed doubled area (from its first vertex, in walking order) and its box. */
function faceShapes(vx: Float64Array, vy: Float64Array, org: Int32Array, F: number, faceStart: Int32Array, faceEdges: Int32Array): { faceArea2: Float64Array; faceBox: Float64Array } {
  const out = { faceArea2: new Float64Array(F), faceBox: new Float64Array(4 * F) }
  const { faceArea2, faceBox } = out
  for (let f = 0; f < F; f++) {
    const a = faceStart[f], b = faceStart[f + 1]
    const x0 = vx[org[faceEdges[a]]], y0 = vy[org[faceEdges[a]]]
    let area2 = 0
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
    for (let k = a; k < b; k++) {
      const h = faceEdges[k]
      const p = org[h], q = org[h ^ 1]
      const px = vx[p], py = vy[p]
      area2 += (px - x0) * (vy[q] - y0) - (vx[q] - x0) * (py - y0)
      if (px < minX) minX = px
      if (py < minY) minY = py
      if (px > maxX) maxX = px
      if (py > maxY) maxY = py
    }
    faceArea2[f] = area2
    faceBox[4 * f] = minX
    faceBox[4 * f + 1] = minY
    faceBox[4 * f + 2] = maxX
    faceBox[4 * f + 3] = maxY
  }
  return out
}

/** The vertex face f's walk starts from (its first half-edge's origin). */
export function faceOrigin(arr: Arrangement, f: number): number {
  return arr.org[arr.faceEdges[arr.faceStart[f]]]
}

/**
 * The first half-edge with the same face on both sides, looking at `faces` in order (all of
 * them, in number order, without), or -1. Drawn without crossings that happens only on edges no
 * cycle passes through; on a noded plan it means crossing points rounded next to each other
 * twisted the walk: the arrangement is inconsistent there.
 */
export function twoSidedEdge(arr: Arrangement, faces?: Int32Array): number {
  const n = faces ? faces.length : arr.faceCount
  for (let i = 0; i < n; i++) {
    const f = faces ? faces[i] : i
    for (let k = arr.faceStart[f]; k < arr.faceStart[f + 1]; k++) if (arr.face[arr.faceEdges[k] ^ 1] === f) return arr.faceEdges[k]
  }
  return -1
}

/** Every face of the arrangement, by number. */
export function allFaces(arr: Arrangement): Int32Array {
  const out = new Int32Array(arr.faceCount)
  for (let f = 0; f < out.length; f++) out[f] = f
  return out
}

export { collectSegments, type SegmentInput, type SegmentList, type Segments } from './arrangement-input'

/** Connected part of the edge graph each vertex belongs to. */
export function components(arr: Arrangement): Int32Array {
  const parent = new Int32Array(arr.vx.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]]
      v = parent[v]
    }
    return v
  }
  for (let h = 0; h < arr.org.length; h += 2) {
    const a = find(arr.org[h]), b = find(arr.org[h + 1])
    if (a !== b) parent[a] = b
  }
  for (let i = 0; i < parent.length; i++) parent[i] = find(i)
  return parent
}
