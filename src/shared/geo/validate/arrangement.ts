import Flatbush from 'flatbush'
import { orient } from '../kernel'
import { PairTable, PointTable } from './point-table'
import { snapRound } from './snap-round'
import type { Segments } from './arrangement-input'

/**
 * Planar arrangement of the boundaries of many polygons ("owners"), the way GEOS's overlay
 * nodes them: identical edges are merged, edges are split where they cross, touch or run
 * collinear, and the faces are walked. Each edge remembers, per owner, on which side that
 * owner's interior lies, so every face can be labelled with the owners that contain it.
 * Predicates on input vertices are exact (integer grid); only points where two edges cross
 * properly are constructed, rounded to the nearest double.
 */
export interface Arrangement {
  vx: number[]
  vy: number[]
  /** Half-edge h goes from `org[h]` to `org[h ^ 1]`; `h ^ 1` is its twin. */
  org: Int32Array
  next: Int32Array
  /** Per edge (h >> 1): owner ids and +1/-1 = owner interior left/right of half-edge 2e. */
  owners: number[][]
  sides: number[][]
  face: Int32Array
  /** Per face: its half-edges in walking order, signed doubled area (> 0: bounded, counter-clockwise). */
  faces: { edges: number[]; area2: number; bbox: [number, number, number, number] }[]
}

const less = (ax: number, ay: number, bx: number, by: number) => ax < bx || (ax === bx && ay < by)

/** Unique undirected segments, each from its lesser end, with the ids of both ends and per-owner interior side. */
interface Unique {
  c: number[]
  p: number[]
  q: number[]
  own: number[][]
  side: number[][]
}

function mergeIdentical(segs: Segments, pts: PointTable): Unique {
  const index = new PairTable(segs.owner.length)
  const u: Unique = { c: [], p: [], q: [], own: [], side: [] }
  const sc = segs.c
  for (let i = 0; i < segs.owner.length; i++) {
    let ax = sc[4 * i], ay = sc[4 * i + 1], bx = sc[4 * i + 2], by = sc[4 * i + 3]
    let s = 1
    if (!less(ax, ay, bx, by)) {
      ;[ax, ay, bx, by] = [bx, by, ax, ay]
      s = -1
    }
    const p = pts.id(ax, ay), q = pts.id(bx, by)
    const k = index.get(p, q)
    if (k === undefined) {
      index.set(p, q, u.p.length)
      u.c.push(ax, ay, bx, by)
      u.p.push(p)
      u.q.push(q)
      u.own.push([segs.owner[i]])
      u.side.push([s])
    } else addSide(u.own[k], u.side[k], segs.owner[i], s)
  }
  return u
}

function addSide(own: number[], side: number[], o: number, s: number): void {
  const k = own.indexOf(o)
  if (k < 0) {
    own.push(o)
    side.push(s)
  } else side[k] += s
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
  const order: number[] = []
  for (let k = 0; k < sp.length; k += 2) order.push(k)
  const dx = bx - ax, dy = by - ay
  const t = (k: number) => (sp[k] - ax) * dx + (sp[k + 1] - ay) * dy
  order.sort((i, j) => t(i) - t(j) || sp[i] - sp[j] || sp[i + 1] - sp[j + 1])
  const out: number[] = []
  for (const k of order) {
    const x = sp[k], y = sp[k + 1]
    if (out.length && x === out[out.length - 2] && y === out[out.length - 1]) continue
    if ((x === bx && y === by) || (x === ax && y === ay)) continue
    out.push(x, y)
  }
  return out
}

/** Points where other segments cross, touch or overlap each segment (undefined: none). */
function node(u: Unique): (number[] | undefined)[] {
  const n = u.p.length
  const splits: (number[] | undefined)[] = new Array(n)
  if (n < 2) return splits
  const c = u.c
  const idx = new Flatbush(n)
  for (let i = 0; i < n; i++) {
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    idx.add(ax, Math.min(ay, by), bx, Math.max(ay, by))
  }
  idx.finish()
  const si: number[] = [], sj: number[] = []
  for (let i = 0; i < n; i++) {
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    for (const j of idx.search(ax, Math.min(ay, by), bx, Math.max(ay, by))) {
      if (j <= i) continue
      si.length = 0
      sj.length = 0
      meet(ax, ay, bx, by, c[4 * j], c[4 * j + 1], c[4 * j + 2], c[4 * j + 3], si, sj)
      if (si.length) (splits[i] ??= []).push(...si)
      if (sj.length) (splits[j] ??= []).push(...sj)
    }
  }
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
export function buildArrangement(segs: Segments, snap = false): Arrangement {
  const pts = new PointTable(segs.owner.length)
  const u = mergeIdentical(segs, pts)
  const splits = snap ? snapRound(u.c, pts) : node(u)
  const eid = new PairTable(segs.owner.length)
  const ea: number[] = [], eb: number[] = []
  const owners: number[][] = [], sides: number[][] = []
  // Edges share their segment's owner lists until a second segment lands on them.
  const shared: boolean[] = []
  const addEdge = (p: number, q: number, o: number[], s: number[], forward: boolean) => {
    if (p === q) return
    const a = forward ? p : q, b = forward ? q : p
    const e = eid.get(a, b)
    if (e === undefined) {
      eid.set(a, b, ea.length)
      ea.push(forward ? p : q)
      eb.push(forward ? q : p)
      owners.push(o)
      sides.push(forward ? s : s.map((v) => -v))
      shared.push(true)
      return
    }
    if (shared[e]) {
      owners[e] = owners[e].slice()
      sides[e] = sides[e].slice()
      shared[e] = false
    }
    for (let i = 0; i < o.length; i++) addSide(owners[e], sides[e], o[i], forward ? s[i] : -s[i])
  }
  const c = u.c
  for (let i = 0; i < u.p.length; i++) {
    const sp = splits[i]
    if (!sp) {
      addEdge(u.p[i], u.q[i], u.own[i], u.side[i], true)
      continue
    }
    const ax = c[4 * i], ay = c[4 * i + 1], bx = c[4 * i + 2], by = c[4 * i + 3]
    const ch = chain(ax, ay, bx, by, sp)
    let prev = u.p[i], px = ax, py = ay
    for (let k = 0; k <= ch.length; k += 2) {
      const x = k < ch.length ? ch[k] : bx, y = k < ch.length ? ch[k + 1] : by
      const cur = k < ch.length ? pts.id(x, y) : u.q[i]
      addEdge(prev, cur, u.own[i], u.side[i], less(px, py, x, y))
      prev = cur
      px = x
      py = y
    }
  }
  const vx = pts.xs, vy = pts.ys
  // Owners whose sides cancel do not bound anything here; edges left with no owner vanish.
  const keep: number[] = []
  for (let e = 0; e < ea.length; e++) {
    const so = sides[e]
    let clean = true
    for (let k = 0; k < so.length; k++) if (so[k] !== 1 && so[k] !== -1) clean = false
    if (!clean) {
      const o: number[] = [], s: number[] = []
      for (let k = 0; k < so.length; k++) {
        if (so[k] !== 0) {
          o.push(owners[e][k])
          s.push(Math.sign(so[k]))
        }
      }
      owners[e] = o
      sides[e] = s
    }
    if (owners[e].length) keep.push(e)
  }
  const E = keep.length
  const org = new Int32Array(2 * E)
  const keptOwners: number[][] = new Array(E), keptSides: number[][] = new Array(E)
  keep.forEach((e, i) => {
    org[2 * i] = ea[e]
    org[2 * i + 1] = eb[e]
    keptOwners[i] = owners[e]
    keptSides[i] = sides[e]
  })
  // Outgoing half-edges per vertex, counter-clockwise.
  const outStart = new Int32Array(vx.length + 1)
  for (let h = 0; h < 2 * E; h++) outStart[org[h] + 1]++
  for (let v = 0; v < vx.length; v++) outStart[v + 1] += outStart[v]
  const fill = outStart.slice(0, vx.length)
  const out = new Int32Array(2 * E)
  for (let h = 0; h < 2 * E; h++) out[fill[org[h]]++] = h
  const pos = new Int32Array(2 * E)
  for (let v = 0; v < vx.length; v++) {
    const a = outStart[v], b = outStart[v + 1]
    if (b - a > 2) {
      const list = Array.from(out.subarray(a, b))
      const ox = vx[v], oy = vy[v]
      list.sort((h1, h2) => {
        const t1 = org[h1 ^ 1], t2 = org[h2 ^ 1]
        return dirCmp(vx[t1] - ox, vy[t1] - oy, vx[t2] - ox, vy[t2] - oy)
      })
      out.set(list, a)
    }
    for (let k = a; k < b; k++) pos[out[k]] = k
  }
  // The face left of h continues with the outgoing edge just clockwise of h's twin.
  const next = new Int32Array(2 * E)
  for (let h = 0; h < 2 * E; h++) {
    const t = h ^ 1
    const v = org[t]
    const a = outStart[v], b = outStart[v + 1]
    const k = pos[t] - 1
    next[h] = out[k < a ? b - 1 : k]
  }
  const face = new Int32Array(2 * E).fill(-1)
  const faces: Arrangement['faces'] = []
  for (let h0 = 0; h0 < 2 * E; h0++) {
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
    } while (h !== h0 && edges.length <= 2 * E)
    faces.push({ edges, area2, bbox })
  }
  return { vx, vy, org, next, owners: keptOwners, sides: keptSides, face, faces }
}

export { collectSegments, type Segments } from './arrangement-input'
