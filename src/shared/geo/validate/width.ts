import { orient, orientFilter as kernelOrientFilter } from '../kernel'
import { hypot, type LocalFrame } from './measure'
import { tangentCircle } from './tangent-circles'

/**
 * The kernel's filter, bound once here: run from TypeScript sources (tsx, CommonJS), each use of an
 * imported name reads it through a getter, which in the cell loop was not inlined.
 */
const orientFilter = kernelOrientFilter

/**
 * Largest inscribed circle of a piece (polylabel's cell search), in local metres.
 * Gives the width GEOS CoverageGapFinder measures, and a point inside the piece to zoom to.
 * The answer is one object, written anew by every call (read it before the next).
 */
export function inscribedCircle(poly: readonly ArrayLike<number>[], f: LocalFrame, precisionM = 0.05, opts: { budget?: number; cutM?: number } = {}): { x: number; y: number; diameterM: number } {
  let cells = scratch.reset(poly, f)
  // Pieces of a few corners (most slivers): the exact circle, unless it is within 1% of the
  // cut, where the search below decides sliver or not as it always has.
  const exact = tangentCircle(cells)
  if (exact >= 0 && !(opts.cutM !== undefined && Math.abs(2 * cells.d[exact] - opts.cutM) <= opts.cutM / 100)) {
    return answer(cells.x[exact] / f.kx + f.x0, cells.y[exact] / f.ky + f.y0, 2 * cells.d[exact])
  }
  if (exact >= 0) cells = scratch.reset(poly, f)
  const pts = cells.pts
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (let i = 0; i < cells.ringEnd[0]; i += 2) {
    const x = pts[i], y = pts[i + 1]
    if (x < minX) minX = x
    if (y < minY) minY = y
    if (x > maxX) maxX = x
    if (y > maxY) maxY = y
  }
  const w = maxX - minX, h = maxY - minY
  // Very thin, long pieces would start with too many cells; a coarser start still converges.
  const cellSize = Math.max(Math.min(w, h), Math.sqrt((w * h) / 64), 1e-9)
  cells.cover(minX, minY, maxX, maxY, cellSize)
  let best = centroidCell(cells)
  const bboxCell = cells.add(minX + w / 2, minY + h / 2, 0)
  if (cells.d[bboxCell] > cells.d[best]) best = bboxCell
  // Narrower than the cut across its hull: a sliver for sure, the width only a figure.
  const hullW = opts.cutM === undefined ? Infinity : hullWidth(cells.pts, cells.ringEnd[0])
  const budget = hullW < (opts.cutM ?? 0) ? Math.min(40, opts.budget ?? 40) : opts.budget ?? 20000
  let guard = 0
  // Cells set aside as within precision that could still hold a circle as wide as the cut.
  const cutR = opts.cutM === undefined ? undefined : opts.cutM / 2
  const frontier = cells.frontier.reset()
  while (cells.size && guard++ < budget) {
    const c = cells.pop()
    const { d, max } = cells
    if (d[c] > d[best]) best = c
    if (max[c] - d[best] <= precisionM) {
      if (cutR !== undefined && max[c] >= cutR) frontier.push(c)
      continue
    }
    cells.split(c, true)
  }
  let found = best
  if (cutR !== undefined) {
    // Whether a circle as wide as the cut fits decides sliver or not. When the bounded
    // search above did not settle it, a search that prunes everything narrower does: it
    // stays short even on long thin pieces.
    for (let i = 0; i < cells.size; i++) if (cells.max[cells.heap[i]] >= cutR) frontier.push(cells.heap[i])
    // The cells left and set aside cover the piece: start from those that could hold it.
    if (cells.d[found] < cutR && frontier.size && hullW >= opts.cutM!) {
      const wider = widerThan(cutR, cells)
      if (wider >= 0 && cells.d[wider] > cells.d[found]) found = wider
    }
  }
  return answer(cells.x[found] / f.kx + f.x0, cells.y[found] / f.ky + f.y0, Math.max(0, cells.d[found]) * 2)
}

/** `inscribedCircle`'s answer: one object for all calls (a plan check measures a thousand pieces). */
const circle = { x: NaN, y: NaN, diameterM: NaN }
function answer(x: number, y: number, diameterM: number): { x: number; y: number; diameterM: number } {
  circle.x = x
  circle.y = y
  circle.diameterM = diameterM
  return circle
}

/** A growable stack of cell numbers. */
class Stack {
  items = new Int32Array(256)
  size = 0

  constructor() {
    // Stored twice: a field that changes, as in Cells.
    this.items = this.items.slice()
  }

  reset(): this {
    this.size = 0
    return this
  }

  push(c: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.size * 2)
      grown.set(this.items)
      this.items = grown
    }
    this.items[this.size++] = c
  }

  pop(): number {
    return this.items[--this.size]
  }
}

/**
 * The search's cells as columns of numbers, and the piece's rings as one flat array, reused
 * from piece to piece: a plan check measures a few hundred thousand cells, and an object
 * each, or even a boxed number per call, kept the garbage collector busy for a fifth of the
 * whole check. Cell numbers (small integers) are all that passes between functions.
 */
class Cells {
  x = new Float64Array(1024)
  y = new Float64Array(1024)
  half = new Float64Array(1024)
  /** Signed distance from the cell's centre to the piece's boundary (negative outside). */
  d = new Float64Array(1024)
  /** Upper bound on the distance to the boundary of any point in the cell. */
  max = new Float64Array(1024)
  /** A max-heap of cell numbers by their upper bound (`max`). */
  heap = new Int32Array(1024)
  size = 0
  /** The rings in local metres, closed, one after another: [x0, y0, x1, y1, …]. */
  pts = new Float64Array(256)
  /** Where each ring ends in `pts` (exclusive). */
  ringEnd = new Int32Array(16)
  rings = 0
  /** The starting cover's column and row centres. */
  colX = new Float64Array(64)
  rowY = new Float64Array(64)
  /** Cells set aside for the cut search. */
  frontier = new Stack()
  /** Cells the cut search has still to split. */
  todo = new Stack()
  private n = 0

  constructor() {
    // Each array stored a second time, so the compiler takes these fields as ones that change
    // (they do, when a piece needs more room): taken as constants, the first growth (on the
    // first plan with a piece that large) sent all the compiled width code back to the
    // interpreter, and it was compiled again during the next checks.
    this.x = this.x.slice()
    this.y = this.y.slice()
    this.half = this.half.slice()
    this.d = this.d.slice()
    this.max = this.max.slice()
    this.heap = this.heap.slice()
    this.pts = this.pts.slice()
    this.ringEnd = this.ringEnd.slice()
    this.colX = this.colX.slice()
    this.rowY = this.rowY.slice()
  }

  /** Flat grid rings ([x0, y0, x1, y1, …]) into `pts`, in metres of frame f. */
  reset(poly: readonly ArrayLike<number>[], f: LocalFrame): this {
    this.n = 0
    this.size = 0
    let len = 0
    for (let j = 0; j < poly.length; j++) len += poly[j].length
    if (len > this.pts.length) this.pts = new Float64Array(Math.max(len, 2 * this.pts.length))
    if (poly.length > this.ringEnd.length) this.ringEnd = new Int32Array(Math.max(poly.length, 2 * this.ringEnd.length))
    const pts = this.pts
    let k = 0
    for (let j = 0; j < poly.length; j++) {
      const r = poly[j]
      for (let i = 0; i < r.length; i += 2) {
        pts[k++] = (r[i] - f.x0) * f.kx
        pts[k++] = (r[i + 1] - f.y0) * f.ky
      }
      this.ringEnd[j] = k
    }
    this.rings = poly.length
    return this
  }

  /** A new cell centred at x, y; its number. */
  add(x: number, y: number, half: number): number {
    if (this.n === this.x.length) this.grow()
    const i = this.n++
    this.x[i] = x
    this.y[i] = y
    this.half[i] = half
    this.measure(i)
    return i
  }

  /**
   * A point cell (no size) at (xy[0], xy[1]): the exact circles' candidates. The coordinates
   * come in an array, not as arguments, which a call that is not inlined would box.
   */
  addPoint(xy: Float64Array): number {
    return this.add(xy[0], xy[1], 0)
  }

  /** Cells of the given size over the box, all on the heap. */
  cover(minX: number, minY: number, maxX: number, maxY: number, size: number): void {
    const half = size / 2
    // The column and row centres first (stepped x += size, as always), then the cells by
    // integer counts: a double loop variable carried round the loop that measures and queues
    // was boxed on every step (a megabyte per plan check).
    let cols = 0, rows = 0
    for (let x = minX; x < maxX; x += size) {
      if (cols === this.colX.length) this.colX = grown(this.colX)
      this.colX[cols++] = x + half
    }
    for (let y = minY; y < maxY; y += size) {
      if (rows === this.rowY.length) this.rowY = grown(this.rowY)
      this.rowY[rows++] = y + half
    }
    while (this.n + cols * rows > this.x.length) this.grow()
    const { colX, rowY } = this
    for (let a = 0; a < cols; a++) {
      for (let b = 0; b < rows; b++) {
        const i = this.n++
        this.x[i] = colX[a]
        this.y[i] = rowY[b]
        this.half[i] = half
        this.measure(i)
        this.push(i)
      }
    }
  }

  /**
   * Splits cell c in four: the new cells are numbered n..n+3; with `queue`, they go on the
   * heap. Only cell numbers cross calls here (a double argument would be boxed: an
   * allocation per cell).
   */
  split(c: number, queue: boolean): number {
    if (this.n + 4 > this.x.length) this.grow()
    const { x: xs, y: ys, half } = this
    const x = xs[c], y = ys[c], hh = half[c] / 2
    const first = this.n
    this.n += 4
    for (let k = 0; k < 4; k++) {
      const i = first + k
      xs[i] = k & 1 ? x + hh : x - hh
      ys[i] = k & 2 ? y + hh : y - hh
      half[i] = hh
      this.measure(i)
    }
    if (queue) for (let i = first; i < first + 4; i++) this.push(i)
    return first
  }

  /** Signed distance of cell i's centre to the rings, and the cell's upper bound. */
  private measure(i: number): void {
    const x = this.x[i], y = this.y[i]
    const pts = this.pts
    let inside = false
    let min = Infinity
    let start = 0
    for (let k = 0; k < this.rings; k++) {
      const end = this.ringEnd[k]
      let ax = pts[end - 2], ay = pts[end - 1]
      let a = end - 2
      for (let j = start; j < end; j += 2) {
        const bx = pts[j], by = pts[j + 1]
        // The kernel's crossing rule (edgeRay), its orientation only for edges that straddle y.
        if ((ay > y) !== (by > y)) {
          const o = orientFilter(ax, ay, bx, by, x, y) || this.orientAt(a, j, i)
          if (o !== 0 && (o > 0) === (by > ay)) inside = !inside
        }
        let px = bx, py = by
        let dx = ax - bx, dy = ay - by
        if (dx !== 0 || dy !== 0) {
          const t = ((x - bx) * dx + (y - by) * dy) / (dx * dx + dy * dy)
          if (t > 1) {
            px = ax
            py = ay
          } else if (t > 0) {
            px += dx * t
            py += dy * t
          }
        }
        dx = x - px
        dy = y - py
        const dd = dx * dx + dy * dy
        if (dd < min) min = dd
        ax = bx
        ay = by
        a = j
      }
      start = end
    }
    const d = (inside ? 1 : -1) * Math.sqrt(min)
    this.d[i] = d
    this.max[i] = d + this.half[i] * Math.SQRT2
  }

  /**
   * The kernel's `orient` of edge a-b (offsets into `pts`) and cell i's centre, where its filter
   * could not decide. Offsets, not coordinates: a call taking the loop's doubles made the
   * compiler box them on every edge, whether or not the call was made.
   */
  private orientAt(a: number, b: number, i: number): number {
    const pts = this.pts
    return orient(pts[a], pts[a + 1], pts[b], pts[b + 1], this.x[i], this.y[i])
  }

  push(c: number): void {
    if (this.size === this.heap.length) {
      const grown = new Int32Array(this.size * 2)
      grown.set(this.heap)
      this.heap = grown
    }
    const { heap, max } = this
    heap[this.size] = c
    let i = this.size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (max[heap[p]] >= max[heap[i]]) break
      const t = heap[p]
      heap[p] = heap[i]
      heap[i] = t
      i = p
    }
  }

  pop(): number {
    const { heap, max } = this
    const top = heap[0], last = heap[--this.size]
    const size = this.size
    if (size) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1, r = l + 1
        let m = i
        if (l < size && max[heap[l]] > max[heap[m]]) m = l
        if (r < size && max[heap[r]] > max[heap[m]]) m = r
        if (m === i) break
        const t = heap[m]
        heap[m] = heap[i]
        heap[i] = t
        i = m
      }
    }
    return top
  }

  private grow(): void {
    const cols = ['x', 'y', 'half', 'd', 'max'] as const
    for (const k of cols) {
      const grown = new Float64Array(this[k].length * 2)
      grown.set(this[k])
      this[k] = grown
    }
  }
}

/** A copy twice as long. */
function grown(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(2 * a.length)
  b.set(a)
  return b
}

/** One search runs at a time (all of this is synchronous), so one set of columns serves them all. */
const scratch = new Cells()

/** Twice the area of triangle o, a, b (its size only; the sign tests use the kernel's orient). */
const area2 = (ox: number, oy: number, ax: number, ay: number, bx: number, by: number) => Math.abs((ax - ox) * (by - oy) - (ay - oy) * (bx - ox))

/** The hull's scratch: point numbers in sorted order, and the hull's points (x, y pairs). */
let order = new Int32Array(256)
let hull = new Float64Array(512)

/**
 * Smallest width of the outer ring's convex hull (rotating calipers): no circle wider than
 * that fits, so a straight thin piece is settled without a search. `r` holds the closed ring
 * up to `end`. Works in reused typed arrays: a plan check does this for every piece.
 */
function hullWidth(r: Float64Array, end: number): number {
  const m = (end - 2) >> 1
  if (m > order.length) order = new Int32Array(2 * m)
  if (2 * m + 2 > hull.length) hull = new Float64Array(4 * m + 4)
  // Points by x then y (insertion sort: pieces have a handful of points; equal points are interchangeable).
  for (let i = 0; i < m; i++) {
    const x = r[2 * i], y = r[2 * i + 1]
    let j = i - 1
    while (j >= 0 && (r[2 * order[j]] > x || (r[2 * order[j]] === x && r[2 * order[j] + 1] > y))) {
      order[j + 1] = order[j]
      j--
    }
    order[j + 1] = i
  }
  // Monotone chain: lower hull, then upper, each without its last point.
  const h = hull
  let n = 0
  for (let pass = 0; pass < 2; pass++) {
    const base = n
    for (let k = 0; k < m; k++) {
      const p = order[pass === 0 ? k : m - 1 - k]
      const px = r[2 * p], py = r[2 * p + 1]
      while (n - base >= 2 && !(orient(h[2 * n - 4], h[2 * n - 3], h[2 * n - 2], h[2 * n - 1], px, py) > 0)) n--
      h[2 * n] = px
      h[2 * n + 1] = py
      n++
    }
    n--
  }
  if (n < 3) return 0
  // For each hull edge, the farthest hull point; the least of those distances is the width.
  let best = Infinity
  let k = 1
  for (let i = 0; i < n; i++) {
    const ax = h[2 * i], ay = h[2 * i + 1], j = (i + 1) % n
    const bx = h[2 * j], by = h[2 * j + 1]
    const len = hypot(bx - ax, by - ay)
    if (len === 0) continue
    while (k < i + 2 * n && area2(ax, ay, bx, by, h[2 * ((k + 1) % n)], h[2 * ((k + 1) % n) + 1]) > area2(ax, ay, bx, by, h[2 * (k % n)], h[2 * (k % n) + 1])) k++
    best = Math.min(best, area2(ax, ay, bx, by, h[2 * (k % n)], h[2 * (k % n) + 1]) / len)
  }
  return best
}

/**
 * A cell whose centre is at least r inside the piece, or -1 when none is, searched depth
 * first from the cells set aside in `cells.frontier`.
 */
function widerThan(r: number, cells: Cells): number {
  // Within 0.1% of the cut: as good as not fitting.
  const fine = Math.max(1e-3, r / 1000)
  const todo = cells.todo.reset()
  const start = cells.frontier
  for (let i = 0; i < start.size; i++) {
    const c = start.items[i]
    if (cells.d[c] >= r) return c
    if (cells.half[c] * Math.SQRT2 >= fine) todo.push(c)
  }
  let guard = 0
  while (todo.size && guard++ < 50000) {
    const first = cells.split(todo.pop(), false)
    // Children in order; the first at least r inside ends the search (those after it are not needed).
    for (let c = first; c < first + 4; c++) {
      if (cells.d[c] >= r) return c
      if (cells.max[c] >= r && cells.half[c] * Math.SQRT2 >= fine) todo.push(c)
    }
  }
  return -1
}

function centroidCell(cells: Cells): number {
  const r = cells.pts
  const end = cells.ringEnd[0]
  let a = 0, cx = 0, cy = 0
  for (let i = 0, j = end - 2; i < end; j = i, i += 2) {
    const f = r[i] * r[j + 1] - r[j] * r[i + 1]
    cx += (r[i] + r[j]) * f
    cy += (r[i + 1] + r[j + 1]) * f
    a += f * 3
  }
  if (a === 0) return cells.add(r[0], r[1], 0)
  return cells.add(cx / a, cy / a, 0)
}
