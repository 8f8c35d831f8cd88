/**
 * Every pair of boxes that meet (closed boxes: touching counts), each pair once with i < j,
 * returned as [i0, j0, i1, j1, …]. A uniform grid about as fine as the boxes are large: each
 * box is listed in the cells it covers, and a pair is reported only in the first cell both
 * cover. Noding asks this for every segment at once; a tree queried once per segment spent
 * most of its time walking down from the root and making result arrays.
 *
 * Pairs come back in an array, not through a callback: a callback shared by the callers was
 * inlined here with the caller's test only while the compiler's inlining budget lasted, and
 * past it each pair's eight coordinates were boxed on the way into the test (tens of
 * megabytes per plan check). The caller's own loop over the pairs inlines its test.
 *
 * `b` holds [minX, minY, maxX, maxY] per box. The pairs are a view of this module's scratch,
 * good until the next call: the plan check asks once per boundary (its validity) and once
 * for the whole arrangement, and nine arrays of their own per call were garbage at once.
 */
export function boxPairs(b: Float64Array, n: number): Int32Array {
  if (n < 2) return scratchPairs.subarray(0, 0)
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity
  let sumW = 0, sumH = 0
  for (let i = 0; i < n; i++) {
    const a = b[4 * i], c = b[4 * i + 1], d = b[4 * i + 2], e = b[4 * i + 3]
    if (a < x0) x0 = a
    if (c < y0) y0 = c
    if (d > x1) x1 = d
    if (e > y1) y1 = e
    sumW += d - a
    sumH += e - c
  }
  const W = x1 - x0, H = y1 - y0
  // About one cell per box, and cells no smaller than a typical box.
  let size = Math.max(Math.sqrt((W * H) / n), sumW / n, sumH / n, 1e-9)
  const MAX_SIDE = 4096
  if (W / size > MAX_SIDE) size = W / MAX_SIDE
  if (H / size > MAX_SIDE) size = H / MAX_SIDE
  const gw = Math.floor(W / size) + 1, gh = Math.floor(H / size) + 1
  if (n > scratchCx0.length) {
    const cap = Math.max(n, 2 * scratchCx0.length)
    scratchCx0 = new Int32Array(cap); scratchCy0 = new Int32Array(cap); scratchCx1 = new Int32Array(cap); scratchCy1 = new Int32Array(cap)
  }
  const cells = gw * gh
  if (cells + 1 > scratchStart.length) {
    scratchStart = new Int32Array(Math.max(cells + 1, 2 * scratchStart.length))
    scratchFill = new Int32Array(scratchStart.length)
  }
  // Locals from here: the hot loops below then read no module variables.
  const cx0 = scratchCx0, cy0 = scratchCy0, cx1 = scratchCx1, cy1 = scratchCy1, start = scratchStart, fill = scratchFill
  start.fill(0, 0, cells + 1)
  for (let i = 0; i < n; i++) {
    const ax = Math.floor((b[4 * i] - x0) / size), ay = Math.floor((b[4 * i + 1] - y0) / size)
    const bx = Math.floor((b[4 * i + 2] - x0) / size), by = Math.floor((b[4 * i + 3] - y0) / size)
    cx0[i] = ax; cy0[i] = ay; cx1[i] = bx; cy1[i] = by
    for (let y = ay; y <= by; y++) for (let x = ax; x <= bx; x++) start[y * gw + x + 1]++
  }
  for (let k = 0; k < cells; k++) start[k + 1] += start[k]
  for (let k = 0; k < cells; k++) fill[k] = start[k]
  if (start[cells] > scratchItems.length) scratchItems = new Int32Array(Math.max(start[cells], 2 * scratchItems.length))
  const items = scratchItems
  for (let i = 0; i < n; i++) {
    for (let y = cy0[i]; y <= cy1[i]; y++) for (let x = cx0[i]; x <= cx1[i]; x++) items[fill[y * gw + x]++] = i
  }
  let pairs = scratchPairs, m = 0
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      const cell = y * gw + x
      const s = start[cell], e = start[cell + 1]
      for (let p = s; p < e - 1; p++) {
        const i = items[p]
        const ix0 = b[4 * i], iy0 = b[4 * i + 1], ix1 = b[4 * i + 2], iy1 = b[4 * i + 3]
        const ci = cx0[i], ri = cy0[i]
        for (let q = p + 1; q < e; q++) {
          const j = items[q]
          // Reported in the first cell both cover only.
          if ((ci > cx0[j] ? ci : cx0[j]) !== x || (ri > cy0[j] ? ri : cy0[j]) !== y) continue
          if (b[4 * j] > ix1 || ix0 > b[4 * j + 2] || b[4 * j + 1] > iy1 || iy0 > b[4 * j + 3]) continue
          // Items are listed in index order within a cell.
          if (m === pairs.length) {
            const grown = new Int32Array(2 * m)
            grown.set(pairs)
            pairs = grown
          }
          pairs[m] = i
          pairs[m + 1] = j
          m += 2
        }
      }
    }
  }
  scratchPairs = pairs
  return pairs.subarray(0, m)
}

// The scratch, grown as needed (see `boxPairs`): per box its first and last cell column and
// row; per cell where its boxes start in `items` (and the fill pointer); the boxes by cell;
// the pairs found, doubled when full. Kept between calls; they start small, so the growing
// paths run on the first plans a process checks.
let scratchCx0 = new Int32Array(1024), scratchCy0 = new Int32Array(1024), scratchCx1 = new Int32Array(1024), scratchCy1 = new Int32Array(1024)
let scratchStart = new Int32Array(1024)
let scratchFill = new Int32Array(1024)
let scratchItems = new Int32Array(4096)
let scratchPairs = new Int32Array(1024)
