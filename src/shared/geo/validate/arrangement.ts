import { orient } from '../kernel'
import { PairTable, PointTable } from './point-table'
import { snapRound } from './snap-round'
import type { SegmentInput } from './arrangement-input'
import { forEachBoxPair } from './box-pairs'

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
  face: Int32Array
  /** Per face: its half-edges in walking order, signed doubled area (> 0: bounded, counter-clockwise). */
  faces: { edges: number[]; area2: number; bbox: [number, number, number, number] }[]
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
  const index = new PairTable(N)
  const c = new Float64Array(4 * N), P = new Int32Array(N), Q = new Int32Array(N), head = new Int32Array(N)
  const lists = new OwnerLists(N + (N >> 2))
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
  return { n, c: c.subarray(0, 4 * n), p: P, q: Q, head, lists }
}

/** Whether p lies strictly between a and b on the collinear segment a-b. */
function strictlyInside(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  if ((px === ax && py === ay) || (px === bx && py === by)) return false
  if (ax !== bx) return ax < bx ? ax < px && px < bx : bx < px && px < ax
  return ay < by ? ay < py && py < by : by < py && py < ay
}

/**
 * Where segment c-d meets a-b, the points to split each at (pushed as x, y pairs); `true`
 * for a proper crossing, whose point is constructed (not on the grid).
 */
function meet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number, si: number[], sj: number[]): boolean {
  const o1 = orient(ax, ay, bx, by, cx, cy), o2 = orient(ax, ay, bx, by, dx, dy)
  if (o1 !== 0 && o1 === o2) return false
  const o3 = orient(cx, cy, dx, dy, ax, ay), o4 = orient(cx, cy, dx, dy, bx, by)
  if (o3 !== 0 && o3 === o4) return false
  if (o1 * o2 < 0 && o3 * o4 < 0) {
    // Unsnapped: labels come from exact point tests against the original rings, which a
    // point moved off its edges by snapping could fail. Computed from the segments in a
    // fixed order, so a partial re-run puts the point on exactly the same double.
    const [px, py] = less(ax, ay, cx, cy) || (ax === cx && ay === cy && less(bx, by, dx, dy)) ? crossing(ax, ay, bx, by, cx, cy, dx, dy) : crossing(cx, cy, dx, dy, ax, ay, bx, by)
    if (!((px === ax && py === ay) || (px === bx && py === by))) si.push(px, py)
    if (!((px === cx && py === cy) || (px === dx && py === dy))) sj.push(px, py)
    return true
  }
  if (o1 === 0 && strictlyInside(ax, ay, bx, by, cx, cy)) si.push(cx, cy)
  if (o2 === 0 && strictlyInside(ax, ay, bx, by, dx, dy)) si.push(dx, dy)
  if (o3 === 0 && strictlyInside(cx, cy, dx, dy, ax, ay)) sj.push(ax, ay)
  if (o4 === 0 && strictlyInside(cx, cy, dx, dy, bx, by)) sj.push(bx, by)
  return false
}

function crossing(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den
  return [ax + t * (bx - ax), ay + t * (by - ay)]
}

/** Split points of a segment in order along it, without its ends or repeats. */
function chain(ax: number, ay: number, bx: number, by: number, sp: number[]): number[] {
  const m = sp.length >> 1
  const dx = bx - ax, dy = by - ay
  const order: number[] = new Array(m), t: number[] = new Array(m)
  for (let i = 0; i < m; i++) {
    order[i] = 2 * i
    t[i] = (sp[2 * i] - ax) * dx + (sp[2 * i + 1] - ay) * dy
  }
  // Along the segment, ties by x then y; insertion sort (a segment is split a few times).
  for (let i = 1; i < m; i++) {
    const k = order[i], tk = t[i]
    let j = i - 1
    while (j >= 0) {
      const q = order[j]
      const c = t[j] - tk || sp[q] - sp[k] || sp[q + 1] - sp[k + 1]
      if (c <= 0) break
      order[j + 1] = q
      t[j + 1] = t[j]
      j--
    }
    order[j + 1] = k
    t[j + 1] = tk
  }
  const out: number[] = []
  for (let i = 0; i < m; i++) {
    const k = order[i]
    const x = sp[k], y = sp[k + 1]
    if (out.length && x === out[out.length - 2] && y === out[out.length - 1]) continue
    if ((x === bx && y === by) || (x === ax && y === ay)) continue
    out.push(x, y)
  }
  return out
}

/** Points where other segments cross, touch or overlap each segment (undefined: none). */
function node(u: Unique): (number[] | undefined)[] {
  const n = u.n
  const splits: (number[] | undefined)[] = new Array(n)
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
  const si: number[] = [], sj: number[] = []
  forEachBoxPair(boxes, n, (i, j) => {
    si.length = 0
    sj.length = 0
    meet(c[4 * i], c[4 * i + 1], c[4 * i + 2], c[4 * i + 3], c[4 * j], c[4 * j + 1], c[4 * j + 2], c[4 * j + 3], si, sj)
    if (si.length) {
      const l = (splits[i] ??= [])
      for (let k = 0; k < si.length; k++) l.push(si[k])
    }
    if (sj.length) {
      const l = (splits[j] ??= [])
      for (let k = 0; k < sj.length; k++) l.push(sj[k])
    }
  })
  return splits
}

/** Half-plane, then cross-product order of directions counter-clockwise from +x. */
function dirCmp(ux: number, uy: number, vx: number, vy: number): number {
  const hu = uy > 0 || (uy === 0 && ux > 0) ? 0 : 1
  const hv = vy > 0 || (vy === 0 && vx > 0) ? 0 : 1
  if (hu !== hv) return hu - hv
  return -orient(0, 0, ux, uy, vx, vy)
}

/** With `snap`, crossings are snap-rounded to the grid (consistent on dirty layers); without, kept as exact as doubles allow. */
export function buildArrangement(segs: SegmentInput, snap = false): Arrangement {
  const pts = new PointTable(segs.owner.length)
  const u = mergeIdentical(segs, pts)
  const splits = snap ? snapRound(u.c, pts) : node(u)
  let cap = u.n
  for (let i = 0; i < u.n; i++) if (splits[i]) cap += splits[i]!.length >> 1
  const eid = new PairTable(cap)
  const ea = new Int32Array(cap), eb = new Int32Array(cap)
  // Per edge: its owner list, and the sign its counts carry while it still shares the
  // list of the segment it came from (until a second segment lands on it).
  const head = new Int32Array(cap), sign = new Int8Array(cap), shared = new Uint8Array(cap)
  const lists = u.lists
  let E = 0
  const addEdge = (p: number, q: number, k: number, forward: boolean) => {
    if (p === q) return
    const a = forward ? p : q, b = forward ? q : p
    const e = eid.get(a, b)
    if (e < 0) {
      eid.set(a, b, E)
      ea[E] = a
      eb[E] = b
      head[E] = u.head[k]
      sign[E] = forward ? 1 : -1
      shared[E] = 1
      E++
      return
    }
    if (shared[e]) {
      head[e] = lists.copy(head[e], sign[e])
      sign[e] = 1
      shared[e] = 0
    }
    const dir = forward ? 1 : -1
    for (let x = u.head[k]; x >= 0; x = lists.next[x]) lists.addSide(head[e], lists.owner[x], lists.side[x] * dir)
  }
  const c = u.c
  for (let i = 0; i < u.n; i++) {
    const sp = splits[i]
    if (!sp) {
      addEdge(u.p[i], u.q[i], i, true)
      continue
    }
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    const ch = chain(ax, ay, bx, by, sp)
    let prev = u.p[i], px = ax, py = ay
    for (let k = 0; k <= ch.length; k += 2) {
      const x = k < ch.length ? ch[k] : bx, y = k < ch.length ? ch[k + 1] : by
      const cur = k < ch.length ? pts.id(x, y) : u.q[i]
      addEdge(prev, cur, i, less(px, py, x, y))
      prev = cur
      px = x
      py = y
    }
  }
  const V = pts.size
  const vx = pts.xs.subarray(0, V), vy = pts.ys.subarray(0, V)
  // Owners whose counts cancel do not bound anything here; edges left with no owner vanish.
  const ownStart0 = new Int32Array(E + 1)
  let total = 0
  for (let e = 0; e < E; e++) {
    ownStart0[e] = total
    for (let x = head[e]; x >= 0; x = lists.next[x]) if (lists.side[x] !== 0) total++
  }
  ownStart0[E] = total
  const ownId0 = new Int32Array(total), ownSide0 = new Int32Array(total)
  let kept = 0
  for (let e = 0; e < E; e++) {
    if (ownStart0[e + 1] === ownStart0[e]) continue
    kept++
    let k = ownStart0[e]
    for (let x = head[e]; x >= 0; x = lists.next[x]) {
      if (lists.side[x] === 0) continue
      ownId0[k] = lists.owner[x]
      ownSide0[k++] = lists.side[x] * sign[e]
    }
  }
  const org = new Int32Array(2 * kept)
  const ownStart = kept === E ? ownStart0 : new Int32Array(kept + 1)
  if (kept !== E) {
    let i = 0
    for (let e = 0; e < E; e++) {
      if (ownStart0[e + 1] === ownStart0[e]) continue
      ownStart[i + 1] = ownStart[i] + ownStart0[e + 1] - ownStart0[e]
      org[2 * i] = ea[e]
      org[2 * i + 1] = eb[e]
      i++
    }
  } else {
    for (let e = 0; e < E; e++) {
      org[2 * e] = ea[e]
      org[2 * e + 1] = eb[e]
    }
  }
  // Entries of dropped edges are none (they had no owner left), so the lists line up.
  const ownId = ownId0, ownSide = ownSide0
  const K = kept
  // Outgoing half-edges per vertex, counter-clockwise.
  const outStart = new Int32Array(V + 1)
  for (let h = 0; h < 2 * K; h++) outStart[org[h] + 1]++
  for (let v = 0; v < V; v++) outStart[v + 1] += outStart[v]
  const fill = outStart.slice(0, V)
  const out = new Int32Array(2 * K)
  for (let h = 0; h < 2 * K; h++) out[fill[org[h]]++] = h
  const pos = new Int32Array(2 * K)
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
  // The face left of h continues with the outgoing edge just clockwise of h's twin.
  const next = new Int32Array(2 * K)
  for (let h = 0; h < 2 * K; h++) {
    const t = h ^ 1
    const v = org[t]
    const a = outStart[v], b = outStart[v + 1]
    const k = pos[t] - 1
    next[h] = out[k < a ? b - 1 : k]
  }
  const face = new Int32Array(2 * K).fill(-1)
  const faces: Arrangement['faces'] = []
  for (let h0 = 0; h0 < 2 * K; h0++) {
    if (face[h0] >= 0) continue
    const f = faces.length
    const edges: number[] = []
    let area2 = 0
    const x0 = vx[org[h0]], y0 = vy[org[h0]]
    const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
    let h = h0
    do {
      face[h] = f
      edges.push(h)
      const p = org[h], q = org[h ^ 1]
      const px = vx[p], py = vy[p]
      area2 += (px - x0) * (vy[q] - y0) - (vx[q] - x0) * (py - y0)
      if (px < bbox[0]) bbox[0] = px
      if (py < bbox[1]) bbox[1] = py
      if (px > bbox[2]) bbox[2] = px
      if (py > bbox[3]) bbox[3] = py
      h = next[h]
    } while (h !== h0 && edges.length <= 2 * K)
    faces.push({ edges, area2, bbox })
  }
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
    vx, vy, org, next, ownStart, ownId, ownSide, face, faces,
    get owners() {
      return asLists().owners
    },
    get sides() {
      return asLists().sides
    },
  }
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
