import type { LocalFrame } from './measure'

/**
 * Largest inscribed circle of a piece (polylabel's cell search), in local metres.
 * Gives the width GEOS CoverageGapFinder measures, and a point inside the piece to zoom to.
 */
export function inscribedCircle(poly: [number, number][][], f: LocalFrame, precisionM = 0.05, opts: { budget?: number; cutM?: number } = {}): { x: number; y: number; diameterM: number } {
  const rings: Flat[] = poly.map((r) => {
    const out = new Float64Array(2 * r.length)
    for (let i = 0; i < r.length; i++) {
      out[2 * i] = (r[i][0] - f.x0) * f.kx
      out[2 * i + 1] = (r[i][1] - f.y0) * f.ky
    }
    return out
  })
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  const r0 = rings[0]
  for (let i = 0; i < r0.length; i += 2) {
    const x = r0[i], y = r0[i + 1]
    if (x < minX) minX = x
    if (y < minY) minY = y
    if (x > maxX) maxX = x
    if (y > maxY) maxY = y
  }
  const w = maxX - minX, h = maxY - minY
  // Very thin, long pieces would start with too many cells; a coarser start still converges.
  const cellSize = Math.max(Math.min(w, h), Math.sqrt((w * h) / 64), 1e-9)
  const cells = scratch.reset(rings)
  const cell = (x: number, y: number, half: number): number => cells.add(x, y, half)
  const half0 = cellSize / 2
  for (let x = minX; x < maxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) cells.push(cells.add(x + half0, y + half0, half0))
  let best = centroidCell(rings, cell)
  const bboxCell = cell(minX + w / 2, minY + h / 2, 0)
  if (cells.d[bboxCell] > cells.d[best]) best = bboxCell
  // Narrower than the cut across its hull: a sliver for sure, the width only a figure.
  const hullW = opts.cutM === undefined ? Infinity : hullWidth(rings[0])
  const budget = hullW < (opts.cutM ?? 0) ? Math.min(40, opts.budget ?? 40) : opts.budget ?? 20000
  let guard = 0
  // Cells set aside as within precision that could still hold a circle as wide as the cut.
  const cutR = opts.cutM === undefined ? undefined : opts.cutM / 2
  // Kept as cell numbers: made into objects only if the cut search runs (most pieces settle before).
  const frontier: number[] = []
  while (cells.size && guard++ < budget) {
    const c = cells.pop()
    const { d, max } = cells
    if (d[c] > d[best]) best = c
    if (max[c] - d[best] <= precisionM) {
      if (cutR !== undefined && max[c] >= cutR) frontier.push(c)
      continue
    }
    const x = cells.x[c], y = cells.y[c], hh = cells.half[c] / 2
    cells.push(cells.add(x - hh, y - hh, hh))
    cells.push(cells.add(x + hh, y - hh, hh))
    cells.push(cells.add(x - hh, y + hh, hh))
    cells.push(cells.add(x + hh, y + hh, hh))
  }
  let found = cells.get(best)
  if (opts.cutM !== undefined) {
    // Whether a circle as wide as the cut fits decides sliver or not. When the bounded
    // search above did not settle it, a search that prunes everything narrower does: it
    // stays short even on long thin pieces.
    const r = opts.cutM / 2
    for (let i = 0; i < cells.size; i++) if (cells.max[cells.heap[i]] >= r) frontier.push(cells.heap[i])
    // The cells left and set aside cover the piece: start from those that could hold it.
    if (found.d < r && frontier.length && hullW >= opts.cutM) {
      const wider = widerThan(rings, r, frontier, cells)
      if (wider && wider.d > found.d) found = wider
    }
  }
  return { x: found.x / f.kx + f.x0, y: found.y / f.ky + f.y0, diameterM: Math.max(0, found.d) * 2 }
}

/**
 * The search's cells as columns of numbers, reused from piece to piece: a plan check searches
 * a few hundred thousand cells, and one object each kept the garbage collector busy for a
 * fifth of the whole check.
 */
class Cells {
  x = new Float64Array(1024)
  y = new Float64Array(1024)
  half = new Float64Array(1024)
  d = new Float64Array(1024)
  /** Upper bound on the distance to the boundary of any point in the cell. */
  max = new Float64Array(1024)
  /** A max-heap of cell numbers by their upper bound (`max`). */
  heap = new Int32Array(1024)
  size = 0
  private n = 0
  private rings: Flat[] = []

  reset(rings: Flat[]): this {
    this.n = 0
    this.size = 0
    this.rings = rings
    return this
  }

  /** A new cell centred at x, y; its number. */
  add(x: number, y: number, half: number): number {
    if (this.n === this.x.length) this.grow()
    const i = this.n++
    const d = signedDist(x, y, this.rings)
    this.x[i] = x
    this.y[i] = y
    this.half[i] = half
    this.d[i] = d
    this.max[i] = d + half * Math.SQRT2
    return i
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

  get(i: number): Cell {
    return { x: this.x[i], y: this.y[i], half: this.half[i], d: this.d[i], max: this.max[i] }
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

/** One search runs at a time (all of this is synchronous), so one set of columns serves them all. */
const scratch = new Cells()

/**
 * Smallest width of the outer ring's convex hull (rotating calipers): no circle wider than
 * that fits, so a straight thin piece is settled without a search.
 */
function hullWidth(r: Flat): number {
  const pts: [number, number][] = []
  for (let i = 0; i < r.length - 2; i += 2) pts.push([r[i], r[i + 1]])
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const lower: [number, number][] = [], upper: [number, number][] = []
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop()
    lower.push(p)
  }
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop()
    upper.push(p)
  }
  const hull = lower.slice(0, -1).concat(upper.slice(0, -1))
  const n = hull.length
  if (n < 3) return 0
  // For each hull edge, the farthest hull point; the least of those distances is the width.
  let best = Infinity
  let k = 1
  for (let i = 0; i < n; i++) {
    const a = hull[i], b = hull[(i + 1) % n]
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    if (len === 0) continue
    while (k < i + 2 * n && Math.abs(cross(a, b, hull[(k + 1) % n])) > Math.abs(cross(a, b, hull[k % n]))) k++
    best = Math.min(best, Math.abs(cross(a, b, hull[k % n])) / len)
  }
  return best
}

/** A cell whose centre is at least r inside the piece, or null when none is (plain number stacks: no garbage). */
function widerThan(rings: Flat[], r: number, start: number[], cells: Cells): Cell | null {
  const xs: number[] = [], ys: number[] = [], hs: number[] = []
  // Within 0.1% of the cut: as good as not fitting.
  const fine = Math.max(1e-3, r / 1000)
  const visit = (x: number, y: number, half: number): Cell | null => {
    const d = signedDist(x, y, rings)
    if (d >= r) return { x, y, half, d, max: d + half * Math.SQRT2 }
    if (d + half * Math.SQRT2 >= r && half * Math.SQRT2 >= fine) {
      xs.push(x)
      ys.push(y)
      hs.push(half)
    }
    return null
  }
  for (const c of start) {
    if (cells.d[c] >= r) return cells.get(c)
    if (cells.half[c] * Math.SQRT2 >= fine) {
      xs.push(cells.x[c])
      ys.push(cells.y[c])
      hs.push(cells.half[c])
    }
  }
  let guard = 0
  while (xs.length && guard++ < 50000) {
    const x = xs.pop()!, y = ys.pop()!, hh = hs.pop()! / 2
    const hit = visit(x - hh, y - hh, hh) ?? visit(x + hh, y - hh, hh) ?? visit(x - hh, y + hh, hh) ?? visit(x + hh, y + hh, hh)
    if (hit) return hit
  }
  return null
}

interface Cell {
  x: number
  y: number
  half: number
  d: number
  max: number
}

function centroidCell(rings: Flat[], cell: (x: number, y: number, h: number) => number): number {
  const r = rings[0]
  let a = 0, cx = 0, cy = 0
  for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const f = r[i] * r[j + 1] - r[j] * r[i + 1]
    cx += (r[i] + r[j]) * f
    cy += (r[i + 1] + r[j + 1]) * f
    a += f * 3
  }
  if (a === 0) return cell(r[0], r[1], 0)
  return cell(cx / a, cy / a, 0)
}

/** A ring in local metres as one flat array [x0, y0, x1, y1, …], closed. */
type Flat = Float64Array

function signedDist(x: number, y: number, rings: Flat[]): number {
  let inside = false
  let min = Infinity
  for (let k = 0; k < rings.length; k++) {
    const r = rings[k]
    const n = r.length
    let ax = r[n - 2], ay = r[n - 1]
    for (let i = 0; i < n; i += 2) {
      const bx = r[i], by = r[i + 1]
      if ((by > y) !== (ay > y) && x < ((ax - bx) * (y - by)) / (ay - by) + bx) inside = !inside
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
      const d = dx * dx + dy * dy
      if (d < min) min = d
      ax = bx
      ay = by
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min)
}
