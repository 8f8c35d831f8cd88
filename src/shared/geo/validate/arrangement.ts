import Flatbush from 'flatbush'
import { orient } from './exact'
import { PointTable, pairKey } from './point-table'
import type { Shape } from './shape'

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

export interface Seg {
  ax: number
  ay: number
  bx: number
  by: number
}

/** Segments of owners' rings whose boxes reach `box` (all of them without a box). */
export function collectSegments(shapes: (Shape | null)[], box?: [number, number, number, number]): { segs: Seg[]; owner: number[] } {
  const segs: Seg[] = []
  const owner: number[] = []
  shapes.forEach((s, o) => {
    if (!s) return
    for (const r of s.rings) {
      if (box && (r.bbox[0] > box[2] || r.bbox[2] < box[0] || r.bbox[1] > box[3] || r.bbox[3] < box[1])) continue
      const xs = r.xs, ys = r.ys
      for (let k = 0; k < xs.length - 1; k++) {
        const ax = xs[k], ay = ys[k], bx = xs[k + 1], by = ys[k + 1]
        if (box && ((ax < bx ? bx : ax) < box[0] || (ax < bx ? ax : bx) > box[2] || (ay < by ? by : ay) < box[1] || (ay < by ? ay : by) > box[3])) continue
        segs.push({ ax, ay, bx, by })
        owner.push(o)
      }
    }
  })
  return { segs, owner }
}

const less = (ax: number, ay: number, bx: number, by: number) => ax < bx || (ax === bx && ay < by)

/** Unique undirected segments in canonical direction, with per-owner interior side. */
function mergeIdentical(segs: Seg[], owner: number[], pts: PointTable) {
  const index = new Map<number, number>()
  const us: Seg[] = []
  const own: number[][] = [], side: number[][] = []
  for (let i = 0; i < segs.length; i++) {
    const sg = segs[i]
    let p = pts.id(sg.ax, sg.ay), q = pts.id(sg.bx, sg.by)
    let s = 1
    if (!less(sg.ax, sg.ay, sg.bx, sg.by)) {
      ;[p, q] = [q, p]
      s = -1
    }
    const key = pairKey(p, q)
    let u = index.get(key)
    if (u === undefined) {
      u = us.length
      index.set(key, u)
      us.push(s > 0 ? sg : { ax: sg.bx, ay: sg.by, bx: sg.ax, by: sg.ay })
      own.push([owner[i]])
      side.push([s])
      continue
    }
    addSide(own[u], side[u], owner[i], s)
  }
  return { us, own, side }
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
 * Where segments c-d meets a-b, the points to split each at (pushed as x, y pairs).
 * A proper crossing is snapped to the nearest grid point; `true` when that happened.
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

/** Points along a segment, in order of their projection on it (snapped points may sit beside it). */
function chain(s: Seg, sp: number[]): number[] {
  const pts: [number, number, number][] = []
  const dx = s.bx - s.ax, dy = s.by - s.ay
  for (let k = 0; k < sp.length; k += 2) pts.push([sp[k], sp[k + 1], (sp[k] - s.ax) * dx + (sp[k + 1] - s.ay) * dy])
  pts.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1])
  const out = [s.ax, s.ay]
  for (const [x, y] of pts) {
    if (x === out[out.length - 2] && y === out[out.length - 1]) continue
    if (x === s.bx && y === s.by) continue
    out.push(x, y)
  }
  out.push(s.bx, s.by)
  return out
}

/** Re-noding of pieces bent by snapping; off while crossings are not snapped. */
const SNAP_ROUNDS = false

/**
 * Splits every segment where others cross, touch or overlap it, staying on the integer
 * grid: crossings are snapped to the nearest grid point (as GEOS's snap-rounding noder
 * does), and the bent pieces next to a snapped point are noded again until nothing new
 * appears, so the final edges meet only at shared vertices. Returns each segment's chain.
 */
function node(us: Seg[]): number[][] {
  const splits: number[][] = us.map(() => [])
  if (us.length < 2) return us.map((s) => [s.ax, s.ay, s.bx, s.by])
  const idx = new Flatbush(us.length)
  for (const s of us) idx.add(Math.min(s.ax, s.bx) - 1, Math.min(s.ay, s.by) - 1, Math.max(s.ax, s.bx) + 1, Math.max(s.ay, s.by) + 1)
  idx.finish()
  const snapped = new Set<string>()
  for (let i = 0; i < us.length; i++) {
    const { ax, ay, bx, by } = us[i]
    for (const j of idx.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      if (j <= i) continue
      const { ax: cx, ay: cy, bx: dx, by: dy } = us[j]
      const n = splits[i].length
      if (meet(ax, ay, bx, by, cx, cy, dx, dy, splits[i], splits[j])) snapped.add(splits[i].length > n ? splits[i][n] + ',' + splits[i][n + 1] : splits[j][splits[j].length - 2] + ',' + splits[j][splits[j].length - 1])
    }
  }
  let chains = us.map((s, i) => chain(s, splits[i]))
  for (let round = 0; round < 8 && snapped.size && SNAP_ROUNDS; round++) {
    const dirty: [number, number][] = []
    chains.forEach((c, i) => {
      for (let k = 0; k < c.length - 2; k += 2) {
        if (snapped.has(c[k] + ',' + c[k + 1]) || snapped.has(c[k + 2] + ',' + c[k + 3])) dirty.push([i, k])
      }
    })
    snapped.clear()
    const added = new Set<number>()
    for (const [i, k] of dirty) {
      const c = chains[i]
      const ax = c[k], ay = c[k + 1], bx = c[k + 2], by = c[k + 3]
      for (const j of idx.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
        const d = chains[j]
        for (let m = 0; m < d.length - 2; m += 2) {
          if (j === i && m === k) continue
          const cx = d[m], cy = d[m + 1], dx = d[m + 2], dy = d[m + 3]
          if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx) || Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue
          const si: number[] = [], sj: number[] = []
          const crossed = meet(ax, ay, bx, by, cx, cy, dx, dy, si, sj)
          if (si.length) { splits[i].push(...si); added.add(i) }
          if (sj.length) { splits[j].push(...sj); added.add(j) }
          if (crossed) snapped.add((si.length ? si[0] + ',' + si[1] : sj[0] + ',' + sj[1]))
        }
      }
    }
    if (!added.size) break
    chains = chains.map((c, i) => (added.has(i) ? chain(us[i], splits[i]) : c))
  }
  return chains
}

/** Half-plane, then cross-product order of directions counter-clockwise from +x. */
function dirCmp(ux: number, uy: number, vx: number, vy: number): number {
  const hu = uy > 0 || (uy === 0 && ux > 0) ? 0 : 1
  const hv = vy > 0 || (vy === 0 && vx > 0) ? 0 : 1
  if (hu !== hv) return hu - hv
  return -orient(0, 0, ux, uy, vx, vy)
}

export function buildArrangement(segs: Seg[], owner: number[]): Arrangement {
  const pts = new PointTable(segs.length)
  const { us, own, side } = mergeIdentical(segs, owner, pts)
  const chains = node(us)
  const vertex = (x: number, y: number): number => pts.id(x, y)
  const eid = new Map<number, number>()
  const ea: number[] = [], eb: number[] = []
  const owners: number[][] = [], sides: number[][] = []
  const addEdge = (p: number, q: number, o: number[], s: number[]) => {
    if (p === q) return
    let sign = 1
    if (p > q) {
      ;[p, q] = [q, p]
      sign = -1
    }
    const k = pairKey(p, q)
    let e = eid.get(k)
    if (e === undefined) {
      e = ea.length
      eid.set(k, e)
      ea.push(p)
      eb.push(q)
      owners.push(o.slice())
      sides.push(sign > 0 ? s.slice() : s.map((v) => -v))
      return
    }
    for (let i = 0; i < o.length; i++) addSide(owners[e], sides[e], o[i], s[i] * sign)
  }
  for (let i = 0; i < us.length; i++) {
    const c = chains[i]
    let prev = vertex(c[0], c[1])
    for (let k = 2; k < c.length; k += 2) {
      const cur = vertex(c[k], c[k + 1])
      addEdge(prev, cur, own[i], side[i])
      prev = cur
    }
  }
  const vx = pts.xs, vy = pts.ys
  // Owners whose sides cancel do not bound anything here; edges left with no owner vanish.
  const keep: number[] = []
  for (let e = 0; e < ea.length; e++) {
    const o: number[] = [], s: number[] = []
    for (let k = 0; k < owners[e].length; k++) {
      if (sides[e][k] !== 0) {
        o.push(owners[e][k])
        s.push(Math.sign(sides[e][k]))
      }
    }
    owners[e] = o
    sides[e] = s
    if (o.length) keep.push(e)
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
