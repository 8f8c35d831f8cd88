import { createPointIndex, type PlanGeometry, type PlanPointIndex, type PointLocation } from '../staffing/workload'

/** Margin around every edge, in degrees: well over the kernel's grid step, so snapping cannot cross it. */
const MARGIN_DEG = 1e-6

/**
 * A point locator for many points: a raster over the plan in which every cell that an edge (of a
 * neighborhood or an Area Command, padded by MARGIN_DEG) touches is marked, and the unmarked
 * cells are joined into 4-connected regions. No boundary runs through a region, so every point
 * in it has the same answer, asked once of the plan's point-in-polygon (createPointIndex) at one
 * cell centre. Points in marked cells (and outside the raster) are asked of it directly.
 * Same answers as createPointIndex, point for point; about `cells` cells.
 */
export function createGridLocator(plan: PlanGeometry, cells: number, index: PlanPointIndex = createPointIndex(plan)): PlanPointIndex {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const rings: number[][][] = []
  for (const g of [...plan.neighborhoods, ...plan.areas]) {
    for (const poly of g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates) {
      for (const ring of poly) {
        rings.push(ring)
        for (let i = 0; i < ring.length; i++) {
          const x = ring[i][0]
          const y = ring[i][1]
          if (x < minX) minX = x
          if (x > maxX) maxX = x
          if (y < minY) minY = y
          if (y > maxY) maxY = y
        }
      }
    }
  }
  const w = maxX - minX
  const h = maxY - minY
  if (!(w > 0 && h > 0) || cells < 4) return index
  const nx = Math.max(1, Math.min(4096, Math.round(Math.sqrt((cells * w) / h))))
  const ny = Math.max(1, Math.min(4096, Math.round(cells / nx)))
  const cw = w / nx
  const ch = h / ny
  const mx = MARGIN_DEG / cw
  const my = MARGIN_DEG / ch
  const boundary = new Uint8Array(nx * ny)

  // Every cell a padded edge touches, column by column: the edge's y range within the column.
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i][0] - minX) / cw
      const ay = (ring[i][1] - minY) / ch
      const bx = (ring[i + 1][0] - minX) / cw
      const by = (ring[i + 1][1] - minY) / ch
      const lo = Math.min(ax, bx)
      const hi = Math.max(ax, bx)
      const c0 = Math.max(0, Math.floor(lo - mx))
      const c1 = Math.min(nx - 1, Math.floor(hi + mx))
      const slope = hi - lo > 1e-12 ? (by - ay) / (bx - ax) : 0
      for (let c = c0; c <= c1; c++) {
        let ylo: number
        let yhi: number
        if (hi - lo > 1e-12) {
          const x0 = Math.max(c, lo)
          const x1 = Math.min(c + 1, hi)
          const y0 = ay + (x0 - ax) * slope
          const y1 = ay + (x1 - ax) * slope
          ylo = Math.min(y0, y1)
          yhi = Math.max(y0, y1)
        } else {
          ylo = Math.min(ay, by)
          yhi = Math.max(ay, by)
        }
        const r0 = Math.max(0, Math.floor(ylo - my))
        const r1 = Math.min(ny - 1, Math.floor(yhi + my))
        for (let r = r0; r <= r1; r++) boundary[r * nx + c] = 1
      }
    }
  }

  // Regions of unmarked cells (4-connected), labelled run by run rather than cell by cell: each
  // row's runs of unmarked cells, joined to the runs they touch in the row above (union-find, the
  // smaller label the root, so a region's root is its first run in raster order). Each region is
  // answered once, at the centre of its first cell.
  const runStart: number[] = []
  const runEnd: number[] = []
  const parent: number[] = []
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]]
    return x
  }
  let above = 0
  let aboveEnd = 0
  for (let r = 0, base = 0; r < ny; r++, base += nx) {
    const rowFirst = runStart.length
    let p = above
    // The row's runs found by indexOf (a scan in native code), not cell by cell in JavaScript.
    const row = boundary.subarray(base, base + nx)
    let c = 0
    while (c < nx) {
      const s0 = row.indexOf(0, c)
      if (s0 < 0) break
      c = row.indexOf(1, s0)
      if (c < 0) c = nx
      const k = runStart.length
      runStart.push(base + s0)
      runEnd.push(base + c)
      parent.push(k)
      // The runs above sharing a column with [s0, c).
      while (p < aboveEnd && runEnd[p] - (base - nx) <= s0) p++
      for (let q = p; q < aboveEnd && runStart[q] - (base - nx) < c; q++) {
        const x = root(q)
        const y = root(k)
        if (x < y) parent[y] = x
        else if (y < x) parent[x] = y
      }
    }
    above = rowFirst
    aboveEnd = runStart.length
  }
  // Each cell's region + 1, 0 in a marked cell (so a fresh array needs no filling); two bytes a
  // cell while the runs, so the regions, are that few: less fresh memory to touch.
  const region = runStart.length < 0xffff ? new Uint16Array(nx * ny) : new Int32Array(nx * ny)
  const answers: PointLocation[] = []
  // The same answers as plan positions (neighborhood, area), for locateIndexes.
  const answerIdx: number[] = []
  const out = new Int32Array(2)
  const regionOf = new Int32Array(runStart.length)
  for (let k = 0; k < runStart.length; k++) {
    const top = root(k)
    if (top === k) {
      regionOf[k] = answers.length
      const c = runStart[k] % nx
      const r = (runStart[k] - c) / nx
      index.locateIndexes(minX + (c + 0.5) * cw, minY + (r + 0.5) * ch, out)
      answerIdx.push(out[0], out[1])
      answers.push({ neighborhoodId: out[0] >= 0 ? plan.neighborhoods[out[0]].id : null, areaId: out[1] >= 0 ? plan.areas[out[1]].id : null })
    } else regionOf[k] = regionOf[top]
    region.fill(regionOf[k] + 1, runStart[k], runEnd[k])
  }

  return {
    locate(lon: number, lat: number): PointLocation {
      const fx = (lon - minX) / cw
      const fy = (lat - minY) / ch
      if (fx >= 0 && fy >= 0 && fx < nx && fy < ny) {
        const k = region[Math.floor(fy) * nx + Math.floor(fx)] - 1
        if (k >= 0) return answers[k]
      }
      return index.locate(lon, lat)
    },
    locateIndexes(lon: number, lat: number, to: Int32Array): void {
      const fx = (lon - minX) / cw
      const fy = (lat - minY) / ch
      if (fx >= 0 && fy >= 0 && fx < nx && fy < ny) {
        const k = region[Math.floor(fy) * nx + Math.floor(fx)] - 1
        if (k >= 0) {
          to[0] = answerIdx[2 * k]
          to[1] = answerIdx[2 * k + 1]
          return
        }
      }
      index.locateIndexes(lon, lat, to)
    },
  }
}
