import type { LocalFrame } from './measure'

/**
 * Largest inscribed circle of a piece (polylabel's cell search), in local metres.
 * Gives the width GEOS CoverageGapFinder measures, and a point inside the piece to zoom to.
 */
export function inscribedCircle(poly: [number, number][][], f: LocalFrame, precisionM = 0.05, opts: { budget?: number; cutM?: number } = {}): { x: number; y: number; diameterM: number } {
  const rings = poly.map((r) => r.map(([x, y]) => [(x - f.x0) * f.kx, (y - f.y0) * f.ky] as [number, number]))
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const [x, y] of rings[0]) {
    if (x < minX) minX = x
    if (y < minY) minY = y
    if (x > maxX) maxX = x
    if (y > maxY) maxY = y
  }
  const w = maxX - minX, h = maxY - minY
  // Very thin, long pieces would start with too many cells; a coarser start still converges.
  const cellSize = Math.max(Math.min(w, h), Math.sqrt((w * h) / 64), 1e-9)
  const toGrid = (c: Cell) => ({ x: c.x / f.kx + f.x0, y: c.y / f.ky + f.y0, diameterM: Math.max(0, c.d) * 2 })
  const heap: Cell[] = []
  const push = (c: Cell) => {
    heap.push(c)
    let i = heap.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (heap[p].max >= heap[i].max) break
      ;[heap[p], heap[i]] = [heap[i], heap[p]]
      i = p
    }
  }
  const pop = (): Cell => {
    const top = heap[0], last = heap.pop()!
    if (heap.length) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1, r = l + 1
        let m = i
        if (l < heap.length && heap[l].max > heap[m].max) m = l
        if (r < heap.length && heap[r].max > heap[m].max) m = r
        if (m === i) break
        ;[heap[m], heap[i]] = [heap[i], heap[m]]
        i = m
      }
    }
    return top
  }
  const cell = (x: number, y: number, half: number): Cell => {
    const d = signedDist(x, y, rings)
    return { x, y, half, d, max: d + half * Math.SQRT2 }
  }
  const half0 = cellSize / 2
  for (let x = minX; x < maxX; x += cellSize) for (let y = minY; y < maxY; y += cellSize) push(cell(x + half0, y + half0, half0))
  let best = centroidCell(rings, cell)
  const bboxCell = cell(minX + w / 2, minY + h / 2, 0)
  if (bboxCell.d > best.d) best = bboxCell
  if (opts.cutM !== undefined) {
    // Whether a circle as wide as the cut fits decides sliver or not; that search prunes
    // everything narrower, so it stays short even on long thin pieces.
    const found = widerThan(rings, opts.cutM / 2, minX, minY, w, h, cell)
    if (found && found.d > best.d) best = found
  }
  const budget = opts.budget ?? 20000
  let guard = 0
  while (heap.length && guard++ < budget) {
    const c = pop()
    if (c.d > best.d) best = c
    if (c.max - best.d <= precisionM) continue
    const hh = c.half / 2
    push(cell(c.x - hh, c.y - hh, hh))
    push(cell(c.x + hh, c.y - hh, hh))
    push(cell(c.x - hh, c.y + hh, hh))
    push(cell(c.x + hh, c.y + hh, hh))
  }
  return toGrid(best)
}

/** A cell whose centre is at least r inside the piece, or null when none is. */
function widerThan(rings: [number, number][][], r: number, minX: number, minY: number, w: number, h: number, cell: (x: number, y: number, h: number) => Cell): Cell | null {
  const size = Math.max(Math.min(w, h), Math.sqrt((w * h) / 64), 1e-9)
  const stack: Cell[] = []
  for (let x = minX; x < minX + w; x += size) for (let y = minY; y < minY + h; y += size) stack.push(cell(x + size / 2, y + size / 2, size / 2))
  let guard = 0
  while (stack.length && guard++ < 200000) {
    const c = stack.pop()!
    if (c.d >= r) return c
    if (c.max < r) continue
    const hh = c.half / 2
    // Narrower than a millimetre short of the cut: as good as not fitting.
    if (c.max - c.d < 1e-3) continue
    stack.push(cell(c.x - hh, c.y - hh, hh), cell(c.x + hh, c.y - hh, hh), cell(c.x - hh, c.y + hh, hh), cell(c.x + hh, c.y + hh, hh))
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

function centroidCell(rings: [number, number][][], cell: (x: number, y: number, h: number) => Cell): Cell {
  const r = rings[0]
  let a = 0, cx = 0, cy = 0
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const f = r[i][0] * r[j][1] - r[j][0] * r[i][1]
    cx += (r[i][0] + r[j][0]) * f
    cy += (r[i][1] + r[j][1]) * f
    a += f * 3
  }
  if (a === 0) return cell(r[0][0], r[0][1], 0)
  return cell(cx / a, cy / a, 0)
}

function signedDist(x: number, y: number, rings: [number, number][][]): number {
  let inside = false
  let min = Infinity
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i], b = ring[j]
      if ((a[1] > y) !== (b[1] > y) && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside
      const d = segDist2(x, y, a, b)
      if (d < min) min = d
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(min)
}

function segDist2(px: number, py: number, a: [number, number], b: [number, number]): number {
  let x = a[0], y = a[1]
  let dx = b[0] - x, dy = b[1] - y
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy)
    if (t > 1) {
      x = b[0]
      y = b[1]
    } else if (t > 0) {
      x += dx * t
      y += dy * t
    }
  }
  dx = px - x
  dy = py - y
  return dx * dx + dy * dy
}
