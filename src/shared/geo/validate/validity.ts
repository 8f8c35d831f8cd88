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
  const rings: (Ring & { hole: boolean })[] = []
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
      // Straight into typed arrays of the ring's length: arrays grown position by position
      // were megabytes of garbage per plan check.
      let xs = new Float64Array(ring.length), ys = new Float64Array(ring.length)
      let n = 0
      for (const p of ring) {
        const x = toGrid(p[0]), y = toGrid(p[1])
        if (n && xs[n - 1] === x && ys[n - 1] === y) continue
        xs[n] = x
        ys[n++] = y
      }
      xs = xs.subarray(0, n)
      ys = ys.subarray(0, n)
      if (n < 4 || allCollinear(xs, ys)) {
        out.push({ reason: `${label} encloses no area`, location: [first[0], first[1]] })
        return
      }
      rings.push({ xs, ys, poly: pi, hole: ri > 0 })
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
    for (let i = 0; i < r.xs.length - 1; i++) {
      const loc = ringLocate(shell.xs, shell.ys, 0, shell.xs.length, r.xs[i], r.ys[i])
      if (loc === 0) continue
      if (loc < 0) out.push({ reason: `a hole of polygon ${r.poly + 1} lies outside its outer ring`, location: [r.xs[i] / GRID, r.ys[i] / GRID] })
      break
    }
  }
  return out
}

function allCollinear(xs: Float64Array, ys: Float64Array): boolean {
  for (let i = 2; i < xs.length - 1; i++) if (orient(xs[0], ys[0], xs[1], ys[1], xs[i], ys[i]) !== 0) return false
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

type Ring = { xs: Float64Array; ys: Float64Array; poly: number }

function selfIntersections(rings: Ring[], out: GeometryProblem[]): void {
  let n = 0
  for (const r of rings) n += r.xs.length - 1
  if (n === 0) return
  // A ring passing twice through the same vertex touches itself.
  if (touchesAtVertex(rings, out)) return
  // Every ring's vertices in one pair of arrays; segment s runs from vertex at[s] to at[s] + 1.
  const xs = new Float64Array(n + rings.length), ys = new Float64Array(n + rings.length), at = new Int32Array(n)
  const boxes = new Float64Array(4 * n)
  let s = 0, v = 0
  for (const r of rings) {
    xs.set(r.xs, v)
    ys.set(r.ys, v)
    for (let i = 0; i < r.xs.length - 1; i++, s++, v++) {
      at[s] = v
      boxes[4 * s] = Math.min(xs[v], xs[v + 1])
      boxes[4 * s + 1] = Math.min(ys[v], ys[v + 1])
      boxes[4 * s + 2] = Math.max(xs[v], xs[v + 1])
      boxes[4 * s + 3] = Math.max(ys[v], ys[v + 1])
    }
    v++
  }
  // Most boundaries are valid: one grid pass over all segment pairs says whether any two
  // meet in more than a shared vertex; only then is the first such pair looked for in order.
  // The loop is here, with nothing else this function could inline: the compiler then
  // inlines `segmentContact` into it. Not inlined, each call boxed its eight doubles (a loop
  // of its own was inlined here, and past the compiler's budget the filters in it were not).
  const pairs = boxPairs(boxes, n)
  for (let k = 0; k < pairs.length; k += 2) {
    const a = at[pairs[k]], b = at[pairs[k + 1]]
    if (segmentContact(xs[a], ys[a], xs[a + 1], ys[a + 1], xs[b], ys[b], xs[b + 1], ys[b + 1]) === 2) {
      firstMeeting(rings, boxes, n, out)
      return
    }
  }
}

/** Whether a ring passes twice through the same vertex; per such ring, its first such vertex goes to `out`. */
function touchesAtVertex(rings: Ring[], out: GeometryProblem[]): boolean {
  // Vertices hashed as numbers: a string per vertex was a fifth of a plan check on full Chicago.
  const before = out.length
  for (const r of rings) {
    const seen = new PointTable(r.xs.length)
    for (let i = 0; i < r.xs.length - 1; i++) {
      const known = seen.size
      if (seen.id(r.xs[i], r.ys[i]) < known) {
        out.push({ reason: 'ring touches itself at a vertex', location: [r.xs[i] / GRID, r.ys[i] / GRID] })
        break
      }
    }
  }
  return out.length > before
}

/** The first pair of segments, in ring order, that meet in more than a shared vertex, as a problem in `out`. */
function firstMeeting(rings: Ring[], boxes: Float64Array, n: number, out: GeometryProblem[]): void {
  const segRing = new Int32Array(n), segIdx = new Int32Array(n)
  let s0 = 0
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.xs.length - 1; i++, s0++) {
      segRing[s0] = ri
      segIdx[s0] = i
    }
  })
  const index = new Flatbush(n)
  for (let s = 0; s < n; s++) index.add(boxes[4 * s], boxes[4 * s + 1], boxes[4 * s + 2], boxes[4 * s + 3])
  index.finish()
  for (let s = 0; s < n; s++) {
    const r = rings[segRing[s]], i = segIdx[s]
    const ax = r.xs[i], ay = r.ys[i], bx = r.xs[i + 1], by = r.ys[i + 1]
    const hits = index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))
    for (const t of hits) {
      if (t <= s) continue
      const q = rings[segRing[t]], j = segIdx[t]
      const c = segmentContact(ax, ay, bx, by, q.xs[j], q.ys[j], q.xs[j + 1], q.ys[j + 1])
      if (c === 0) continue
      const m = r.xs.length - 1
      const adjacent = segRing[t] === segRing[s] && (j === i + 1 || (i === 0 && j === m - 1))
      if (c === 1) continue // neighbours in a ring, or rings touching at one point (allowed)
      if (adjacent) {
        out.push(problem('ring doubles back on itself (spike)', ax, ay, bx, by, q, j))
        return
      }
      out.push(problem(segRing[t] === segRing[s] ? 'ring intersects itself' : 'rings intersect each other', ax, ay, bx, by, q, j))
      return
    }
  }
}

function problem(reason: string, ax: number, ay: number, bx: number, by: number, q: { xs: Float64Array; ys: Float64Array }, j: number): GeometryProblem {
  const loc = meetingPoint(ax, ay, bx, by, q.xs[j], q.ys[j], q.xs[j + 1], q.ys[j + 1])
  return { reason, location: [loc[0] / GRID, loc[1] / GRID] }
}

function meetingPoint(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): [number, number] {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx)
  if (den === 0) return [cx, cy]
  const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den
  return [Math.round(ax + t * (bx - ax)), Math.round(ay + t * (by - ay))]
}

