/**
 * The largest inscribed circle of a small polygon, exactly, without a cell search.
 *
 * The biggest circle inside a polygon touches its boundary in at least three places (or lies
 * between two parallel edges, where it can slide until it touches a third): each is an edge's
 * line or a reflex corner (a convex corner is never the nearest point from inside). So the
 * best of the circles tangent to three such sites is the answer. Each candidate centre is
 * measured like a search cell (the same signed distance to the boundary): that value is a
 * true inscribed radius wherever the candidate lands, and at the optimum's own candidate it
 * is the optimum. A handful of edges gives a few hundred triples, against the ~800 cells a
 * search measured on a typical sliver (and the search stopped at its budget, short of the
 * answer, on most of them).
 */

/** What this needs of the search's cells: the rings in local metres, and a signed distance. */
export interface Measured {
  /** Rings one after another, closed: [x0, y0, x1, y1, …]. */
  pts: Float64Array
  ringEnd: Int32Array
  rings: number
  d: Float64Array
  /** A new point cell at (xy[0], xy[1]), measured (its `d`); its number. */
  addPoint(xy: Float64Array): number
}

/** Pieces with more corners than this are searched: the triples grow as the cube (at 20, the exact circles of simplified Chicago's pieces took ~6.5 ms per check against ~9.5 ms at 12, where more were searched). */
export const TANGENT_MAX_CORNERS = 20

// Sites, reused from piece to piece. Lines: inward unit normal (nx, ny) and offset c, so that
// a centre p at distance r inside the line has nx px + ny py - r = c. Corners: (qx, qy).
let nx = new Float64Array(32), ny = new Float64Array(32), lc = new Float64Array(32)
let qx = new Float64Array(32), qy = new Float64Array(32)
let lines = 0, corners = 0
/** The best candidate so far: its cell number (the radius it claimed is `bounds[0]`). */
let bestCell = -1
let cells: Measured
/**
 * The radius the best candidate claimed ([0]) and the rings' box less a hair ([1..4]: a circle
 * inside the piece is inside it). In a typed array, not module variables: a fraction stored
 * in a module variable is a new boxed number each time (a quarter of a megabyte per check).
 */
const bounds = new Float64Array(5)

/**
 * The cell (of `m`) at the centre of the largest inscribed circle, or -1 when the polygon has
 * more than TANGENT_MAX_CORNERS corners or no candidate lands inside.
 */
export function tangentCircle(m: Measured): number {
  if (!collectSites(m)) return -1
  cells = m
  bestCell = -1
  bounds[0] = 0
  // Every triple of sites (lines numbered before corners) in order, each kind in a loop of
  // its own: a test choosing the kind per triple went untaken until a piece had two or three
  // reflex corners, and then sent the compiled search back to the interpreter.
  const L = lines, C = corners
  for (let i = 0; i < L; i++) {
    for (let j = i + 1; j < L; j++) {
      for (let k = j + 1; k < L; k++) lll(i, j, k)
      for (let q = 0; q < C; q++) llp(i, j, q)
    }
    for (let a = 0; a < C; a++) for (let b = a + 1; b < C; b++) lpp(i, a, b)
  }
  for (let a = 0; a < C; a++) for (let b = a + 1; b < C; b++) for (let c = b + 1; c < C; c++) ppp(a, b, c)
  return bestCell
}

/** Lines of every edge and the reflex corners; false when there are too many corners. */
function collectSites(m: Measured): boolean {
  const pts = m.pts
  const total = (m.ringEnd[m.rings - 1] >> 1) - m.rings
  if (total > TANGENT_MAX_CORNERS) return false
  if (2 * total > nx.length) {
    nx = new Float64Array(2 * total); ny = new Float64Array(2 * total); lc = new Float64Array(2 * total)
    qx = new Float64Array(2 * total); qy = new Float64Array(2 * total)
  }
  lines = 0
  corners = 0
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (let i = 0; i < m.ringEnd[0]; i += 2) {
    if (pts[i] < minX) minX = pts[i]
    if (pts[i] > maxX) maxX = pts[i]
    if (pts[i + 1] < minY) minY = pts[i + 1]
    if (pts[i + 1] > maxY) maxY = pts[i + 1]
  }
  // A hair of slack for the candidates' rounding (a millionth of the box).
  const hair = 1e-6 * (maxX - minX + maxY - minY)
  bounds[1] = minX - hair
  bounds[2] = minY - hair
  bounds[3] = maxX + hair
  bounds[4] = maxY + hair
  let start = 0
  for (let k = 0; k < m.rings; k++) {
    const end = m.ringEnd[k]
    // The inside is to the left of a counter-clockwise outer ring and of a clockwise hole.
    let a2 = 0
    for (let i = start; i < end - 2; i += 2) a2 += pts[i] * pts[i + 3] - pts[i + 2] * pts[i + 1]
    const side = (a2 > 0) === (k === 0) ? 1 : -1
    // The closed ring's last point repeats its first: edges i -> i + 2 for i < end - 2.
    for (let i = start; i < end - 2; i += 2) {
      const dx = pts[i + 2] - pts[i], dy = pts[i + 3] - pts[i + 1]
      const len = Math.sqrt(dx * dx + dy * dy)
      if (len === 0) continue
      nx[lines] = (-dy / len) * side
      ny[lines] = (dx / len) * side
      lc[lines] = nx[lines] * pts[i] + ny[lines] * pts[i + 1]
      lines++
      // The corner at the edge's end, turning right (against the inside): reflex. The next
      // edge is the next one of non-zero length (a repeated point would hide the turn).
      let n = i + 2, ex = 0, ey = 0
      for (let guard = start; guard < end && ex === 0 && ey === 0; guard += 2) {
        n = n + 2 < end ? n + 2 : start + 2
        ex = pts[n] - pts[i + 2]
        ey = pts[n + 1] - pts[i + 3]
      }
      if ((dx * ey - dy * ex) * side < 0) {
        qx[corners] = pts[i + 2]
        qy[corners] = pts[i + 3]
        corners++
      }
    }
    start = end
  }
  return lines + corners >= 3
}

/**
 * A candidate: centre (x, y) of a circle tangent to three sites with radius r. Held in these
 * slots, not passed as arguments: a call that is not inlined boxes each double it takes
 * (over two megabytes per plan check when they were arguments).
 */
const cand = new Float64Array(3)

/** Measures the candidate in `cand` if it could be the best yet; keeps the best. */
function consider(): void {
  const x = cand[0], y = cand[1], r = cand[2]
  // Only the optimum's own candidate matters, and it claims exactly its measured radius,
  // inside the box; most triples' circles lie on the lines' far sides or outside the piece.
  if (!(r > bounds[0]) || x - r < bounds[1] || x + r > bounds[3] || y - r < bounds[2] || y + r > bounds[4]) return
  const c = cells.addPoint(cand)
  const d = cells.d[c]
  if (d > 0 && (bestCell < 0 || d > cells.d[bestCell])) {
    bestCell = c
    bounds[0] = d
  }
}

function lll(i: number, j: number, k: number): void {
  // Cramer's rule on [nx ny -1] [x y r]' = c.
  const a1 = nx[i], b1 = ny[i], a2 = nx[j], b2 = ny[j], a3 = nx[k], b3 = ny[k]
  const c1 = lc[i], c2 = lc[j], c3 = lc[k]
  const D = -(a1 * (b2 - b3) - b1 * (a2 - a3) + (a2 * b3 - a3 * b2))
  if (Math.abs(D) < 1e-12) return
  const Dx = -(c1 * (b2 - b3) - b1 * (c2 - c3) + (c2 * b3 - c3 * b2))
  const Dy = -(a1 * (c2 - c3) - c1 * (a2 - a3) + (a2 * c3 - a3 * c2))
  const Dr = a1 * (b2 * c3 - b3 * c2) - b1 * (a2 * c3 - a3 * c2) + c1 * (a2 * b3 - a3 * b2)
  cand[0] = Dx / D
  cand[1] = Dy / D
  cand[2] = Dr / D
  consider()
}

/** The line of centres p = p0 + t u, radius r0 + t s, of the last two sites: [p0x, p0y, ux, uy, r0, s]. */
const along = new Float64Array(6)

/** The centres on `along` at distance r from corner q: both roots. */
function onLine(q: number): void {
  const p0x = along[0], p0y = along[1], ux = along[2], uy = along[3], r0 = along[4], s = along[5]
  const dx = p0x - qx[q], dy = p0y - qy[q]
  const A = ux * ux + uy * uy - s * s
  const B = dx * ux + dy * uy - r0 * s
  const C = dx * dx + dy * dy - r0 * r0
  if (Math.abs(A) < 1e-12 * (ux * ux + uy * uy)) {
    if (B === 0) return
    at(-C / (2 * B))
    return
  }
  const disc = B * B - A * C
  if (disc < 0) return
  const sq = Math.sqrt(disc)
  at((-B + sq) / A)
  at((-B - sq) / A)
}

/** The candidate at t along `along`. */
function at(t: number): void {
  cand[0] = along[0] + t * along[2]
  cand[1] = along[1] + t * along[3]
  cand[2] = along[4] + t * along[5]
  consider()
}

/** Fills `along` from a point, a direction and line i's normal and offset. */
function setAlong(p0x: number, p0y: number, ux: number, uy: number, i: number): void {
  along[0] = p0x
  along[1] = p0y
  along[2] = ux
  along[3] = uy
  along[4] = nx[i] * p0x + ny[i] * p0y - lc[i]
  along[5] = nx[i] * ux + ny[i] * uy
}

function llp(i: number, j: number, q: number): void {
  // Equally far inside both lines: (n_i - n_j) . p = c_i - c_j, a line of centres.
  const wx = nx[i] - nx[j], wy = ny[i] - ny[j]
  const w2 = wx * wx + wy * wy
  if (w2 < 1e-12) return
  const e = (lc[i] - lc[j]) / w2
  const p0x = wx * e, p0y = wy * e
  setAlong(p0x, p0y, -wy, wx, i)
  onLine(q)
}

function lpp(i: number, a: number, b: number): void {
  // Equally far from both corners: their bisector, a line of centres.
  const wx = qx[b] - qx[a], wy = qy[b] - qy[a]
  if (wx === 0 && wy === 0) return
  const mx = (qx[a] + qx[b]) / 2, my = (qy[a] + qy[b]) / 2
  setAlong(mx, my, -wy, wx, i)
  onLine(a)
}

function ppp(a: number, b: number, c: number): void {
  // The circumcentre, relative to corner a.
  const bx = qx[b] - qx[a], by = qy[b] - qy[a], cx = qx[c] - qx[a], cy = qy[c] - qy[a]
  const D = 2 * (bx * cy - by * cx)
  if (D === 0) return
  const b2 = bx * bx + by * by, c2 = cx * cx + cy * cy
  const x = (cy * b2 - by * c2) / D, y = (bx * c2 - cx * b2) / D
  cand[0] = qx[a] + x
  cand[1] = qy[a] + y
  cand[2] = Math.sqrt(x * x + y * y)
  consider()
}
