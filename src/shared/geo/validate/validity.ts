import Flatbush from 'flatbush'
import type { AreaGeometry, Position } from '../../domain'
import { GRID, orient, ringLocate, segmentContact, toGrid } from '../kernel'
import { boxPairs } from './box-pairs'
import { PointTable } from './point-table'

export interface GeometryProblem {
  reason: string
  location: [number, number]
}

/**
 * Why a boundary is not a valid area, with a point to zoom to. Empty when valid.
 * Exact on the coordinate grid (COORD_GRID); turf's booleanValid accepts a bow-tie, so this does not use it.
 */
export function geometryProblems(g: AreaGeometry): GeometryProblem[] {
  const out: GeometryProblem[] = []
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    return [{ reason: 'geometry is not a Polygon or MultiPolygon', location: [0, 0] }]
  }
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  if (polys.length === 0) return [{ reason: 'geometry has no polygon', location: [0, 0] }]
  const rings: Ring[] = []
  used = 0
  polys.forEach((poly, pi) => {
    if (!Array.isArray(poly) || poly.length === 0) {
      out.push({ reason: `polygon ${pi + 1} has no ring`, location: [0, 0] })
      return
    }
    poly.forEach((ring, ri) => {
      const label = ri === 0 ? `outer ring of polygon ${pi + 1}` : `hole ${ri} of polygon ${pi + 1}`
      if (!Array.isArray(ring) || ring.length === 0) {
        out.push({ reason: `${label} is empty`, location: [0, 0] })
        return
      }
      for (const p of ring) {
        // Indexed, not destructured, where it is an array: destructuring walked an iterator per position.
        // (Positions come from files and the renderer: p may be anything.)
        const q: unknown = p
        let x: unknown, y: unknown
        if (Array.isArray(q)) {
          x = q[0]
          y = q[1]
        } else [x, y] = (q ?? []) as Iterable<unknown>
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          out.push({ reason: `${label} has a coordinate that is not a finite number`, location: firstFinite(ring) })
          return
        }
        if (x < -180 || x > 180 || y < -90 || y > 90) {
          out.push({ reason: `${label} has a position outside lon -180..180 / lat -90..90 (${x}, ${y})`, location: [x, y] })
          return
        }
      }
      const first = ring[0], last = ring[ring.length - 1]
      if (ring.length < 4) {
        out.push({ reason: `${label} has ${ring.length} positions; a ring needs at least 4`, location: [first[0], first[1]] })
        return
      }
      if (first[0] !== last[0] || first[1] !== last[1]) {
        out.push({ reason: `${label} is not closed (first and last positions differ)`, location: [first[0], first[1]] })
        return
      }
      // On the grid, onto the end of the boundary's rings (see `vx`).
      if (used + ring.length > vx.length) grow(used + ring.length)
      const from = used
      let n = from
      for (let i = 0; i < ring.length; i++) {
        const x = toGrid(ring[i][0]), y = toGrid(ring[i][1])
        if (n > from && vx[n - 1] === x && vy[n - 1] === y) continue
        vx[n] = x
        vy[n++] = y
      }
      if (n - from < 4 || allCollinear(from, n)) {
        out.push({ reason: `${label} encloses no area`, location: [first[0], first[1]] })
        return
      }
      used = n
      rings.push({ from, to: n, poly: pi, hole: ri > 0 })
    })
  })
  if (out.length) return out
  selfIntersections(rings, out)
  if (out.length) return out
  // A hole must lie inside its shell: test one hole vertex that is not on the shell.
  for (const r of rings) {
    if (!r.hole) continue
    const shell = rings.find((s) => s.poly === r.poly && !s.hole)
    if (!shell) continue
    for (let i = r.from; i < r.to - 1; i++) {
      const loc = ringLocate(vx, vy, shell.from, shell.to, vx[i], vy[i])
      if (loc === 0) continue
      if (loc < 0) out.push({ reason: `a hole of polygon ${r.poly + 1} lies outside its outer ring`, location: [vx[i] / GRID, vy[i] / GRID] })
      break
    }
  }
  return out
}

/**
 * The rings of the boundary being checked, on the grid, one after another (`vx`/`vy` up to
 * `used`), each closed: scratch, grown as needed. Arrays of each ring's own, then copied into
 * arrays of all of them for the pair search, were a dozen typed arrays per boundary checked.
 */
let vx = new Float64Array(4096)
let vy = new Float64Array(4096)
let used = 0
/** Per segment, the vertex it starts at, and its box: scratch for `selfIntersections`. */
let at = new Int32Array(4096)
let boxes = new Float64Array(4 * 4096)
/** Vertices of one ring seen so far: emptied and used again ring after ring. */
const seen = new PointTable(1024)

function grow(n: number): void {
  const x = new Float64Array(Math.max(n, 2 * vx.length)), y = new Float64Array(x.length)
  x.set(vx.subarray(0, used))
  y.set(vy.subarray(0, used))
  vx = x
  vy = y
}

/** Whether the ring at `vx/vy[from .. to)` lies on one line. */
function allCollinear(from: number, to: number): boolean {
  for (let i = from + 2; i < to - 1; i++) if (orient(vx[from], vy[from], vx[from + 1], vy[from + 1], vx[i], vy[i]) !== 0) return false
  return true
}

function firstFinite(ring: Position[]): [number, number] {
  for (const p of ring) if (Number.isFinite(p?.[0]) && Number.isFinite(p?.[1])) return [p[0], p[1]]
  return [0, 0]
}

export function ringArea2(xs: ArrayLike<number>, ys: ArrayLike<number>, start = 0, end = xs.length): number {
  let s = 0
  const x0 = xs[start], y0 = ys[start]
  for (let i = start; i < end - 1; i++) s += (xs[i] - x0) * (ys[i + 1] - y0) - (xs[i + 1] - x0) * (ys[i] - y0)
  return s
}

/** A ring of the boundary: its closed run of points `vx/vy[from .. to)`, its polygon, and whether it is a hole. */
type Ring = { from: number; to: number; poly: number; hole: boolean }

function selfIntersections(rings: Ring[], out: GeometryProblem[]): void {
  let n = 0
  for (const r of rings) n += r.to - r.from - 1
  if (n === 0) return
  // A ring passing twice through the same vertex touches itself.
  if (touchesAtVertex(rings, out)) return
  // The rings lie one after another in vx/vy; segment s runs from vertex at[s] to at[s] + 1.
  if (n > at.length) {
    at = new Int32Array(Math.max(n, 2 * at.length))
    boxes = new Float64Array(4 * at.length)
  }
  let s = 0
  for (const r of rings) {
    for (let v = r.from; v < r.to - 1; v++, s++) {
      at[s] = v
      boxes[4 * s] = Math.min(vx[v], vx[v + 1])
      boxes[4 * s + 1] = Math.min(vy[v], vy[v + 1])
      boxes[4 * s + 2] = Math.max(vx[v], vx[v + 1])
      boxes[4 * s + 3] = Math.max(vy[v], vy[v + 1])
    }
  }
  // Most boundaries are valid: one grid pass over all segment pairs says whether any two
  // meet in more than a shared vertex; only then is the first such pair looked for in order.
  // The loop is here, with nothing else this function could inline: the compiler then
  // inlines `segmentContact` into it. Not inlined, each call boxed its eight doubles (a loop
  // of its own was inlined here, and past the compiler's budget the filters in it were not).
  const pairs = boxPairs(boxes, n)
  for (let k = 0; k < pairs.length; k += 2) {
    const a = at[pairs[k]], b = at[pairs[k + 1]]
    if (segmentContact(vx[a], vy[a], vx[a + 1], vy[a + 1], vx[b], vy[b], vx[b + 1], vy[b + 1]) === 2) {
      firstMeeting(rings, n, out)
      return
    }
  }
}

/** Whether a ring passes twice through the same vertex; per such ring, its first such vertex goes to `out`. */
function touchesAtVertex(rings: Ring[], out: GeometryProblem[]): boolean {
  // Vertices hashed as numbers: a string per vertex was a fifth of a plan check on full Chicago.
  const before = out.length
  for (const r of rings) {
    seen.clear()
    for (let i = r.from; i < r.to - 1; i++) {
      const known = seen.size
      if (seen.id(vx[i], vy[i]) < known) {
        out.push({ reason: 'ring touches itself at a vertex', location: [vx[i] / GRID, vy[i] / GRID] })
        break
      }
    }
  }
  return out.length > before
}

/** The first pair of segments, in ring order, that meet in more than a shared vertex, as a problem in `out`. */
function firstMeeting(rings: Ring[], n: number, out: GeometryProblem[]): void {
  const segRing = new Int32Array(n)
  let s0 = 0
  rings.forEach((r, ri) => {
    for (let v = r.from; v < r.to - 1; v++, s0++) segRing[s0] = ri
  })
  const index = new Flatbush(n)
  for (let s = 0; s < n; s++) index.add(boxes[4 * s], boxes[4 * s + 1], boxes[4 * s + 2], boxes[4 * s + 3])
  index.finish()
  for (let s = 0; s < n; s++) {
    const r = rings[segRing[s]], a = at[s], i = a - r.from
    const ax = vx[a], ay = vy[a], bx = vx[a + 1], by = vy[a + 1]
    const hits = index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))
    for (const t of hits) {
      if (t <= s) continue
      const b = at[t], j = b - rings[segRing[t]].from
      const c = segmentContact(ax, ay, bx, by, vx[b], vy[b], vx[b + 1], vy[b + 1])
      if (c === 0) continue
      const m = r.to - r.from - 1
      const adjacent = segRing[t] === segRing[s] && (j === i + 1 || (i === 0 && j === m - 1))
      if (c === 1) continue // neighbours in a ring, or rings touching at one point (allowed)
      if (adjacent) {
        out.push(problem('ring doubles back on itself (spike)', ax, ay, bx, by, b))
        return
      }
      out.push(problem(segRing[t] === segRing[s] ? 'ring intersects itself' : 'rings intersect each other', ax, ay, bx, by, b))
      return
    }
  }
}

/** Where segment a-b meets the segment from vertex `b2` of `vx/vy` on. */
function problem(reason: string, ax: number, ay: number, bx: number, by: number, b2: number): GeometryProblem {
  const loc = meetingPoint(ax, ay, bx, by, vx[b2], vy[b2], vx[b2 + 1], vy[b2 + 1])
  return { reason, location: [loc[0] / GRID, loc[1] / GRID] }
}

function meetingPoint(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
  if (den === 0) return [cx, cy]
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den
  return [Math.round(ax + t * (bx - ax)), Math.round(ay + t * (by - ay))]
}

