import type { AreaGeometry, Position } from '../../shared/domain'
import { M_PER_FT, M_PER_MI, type Units } from '../../shared/units/format'

/** Mean Earth radius (IUGG), metres: a local projection over one city is good to a fraction of a percent with it. */
const EARTH_RADIUS_M = 6371008.8
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/**
 * A local equirectangular projection at the area's middle latitude, fitted into a box on the
 * page (PDF points, y up). Over an Area Command (a few kilometres) east–west and north–south
 * distances are true to well under a percent, so a scale bar drawn from it can be trusted.
 */
export interface MapFrame {
  toPage(p: Position): [number, number]
  /** Page points per metre on the ground. */
  ptPerM: number
}

export function partsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates
}

export function fitFrame(geoms: AreaGeometry[], box: Box): MapFrame {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const g of geoms)
    for (const poly of partsOf(g))
      for (const c of poly[0] ?? []) {
        x0 = Math.min(x0, c[0])
        y0 = Math.min(y0, c[1])
        x1 = Math.max(x1, c[0])
        y1 = Math.max(y1, c[1])
      }
  if (!Number.isFinite(x0)) [x0, y0, x1, y1] = [-0.01, -0.01, 0.01, 0.01]
  const lat0 = (y0 + y1) / 2
  const lon0 = (x0 + x1) / 2
  const kx = Math.cos((lat0 * Math.PI) / 180) * M_PER_DEG
  const widthM = Math.max((x1 - x0) * kx, 1)
  const heightM = Math.max((y1 - y0) * M_PER_DEG, 1)
  const ptPerM = Math.min(box.w / widthM, box.h / heightM)
  const cx = box.x + box.w / 2
  const cy = box.y + box.h / 2
  return {
    ptPerM,
    toPage: (p) => [cx + (p[0] - lon0) * kx * ptPerM, cy + (p[1] - lat0) * M_PER_DEG * ptPerM],
  }
}

/**
 * A point inside a polygon for its label: on the horizontal line through the middle of the
 * largest part, the midpoint of the widest stretch that is inside (holes counted). Unlike the
 * centroid it cannot fall outside a crescent or an L-shaped neighborhood.
 */
export function labelPoint(g: AreaGeometry): Position | null {
  let best: Position[][] | null = null
  let bestArea = -1
  for (const poly of partsOf(g)) {
    const a = Math.abs(ringArea(poly[0] ?? []))
    if (a > bestArea) [best, bestArea] = [poly, a]
  }
  if (!best || !best[0]?.length) return null
  let lo = Infinity
  let hi = -Infinity
  for (const c of best[0]) [lo, hi] = [Math.min(lo, c[1]), Math.max(hi, c[1])]
  let found: { x: number; y: number; w: number } | null = null
  // Several lines, middle first: the middle one can run along a narrow neck.
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const y = lo + (hi - lo) * t
    const xs: number[] = []
    for (const ring of best)
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i]
        const [bx, by] = ring[i + 1]
        if (ay > y === by > y) continue
        xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay))
      }
    xs.sort((p, q) => p - q)
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const w = xs[i + 1] - xs[i]
      if (!found || w > found.w) found = { x: (xs[i] + xs[i + 1]) / 2, y, w }
    }
    if (found && t === 0.5 && found.w > 0) break
  }
  return found ? [found.x, found.y] : null
}

function ringArea(ring: Position[]): number {
  let s = 0
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]
  return s / 2
}

export interface ScaleBar {
  /** Length of the bar in page points. */
  pt: number
  /** Its ground length in words: '500 m', '2 km', '1,000 ft', '1 mi'. */
  label: string
}

/** 1, 2 or 5 times a power of ten: the lengths a scale bar is read in. */
function roundDown(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v))
  return [5, 2, 1].map((m) => m * p).find((c) => c <= v) ?? p
}

/**
 * The longest round ground length whose bar fits in `maxPt` points: metres or kilometres in
 * metric; feet below a mile, else miles (a half or quarter mile where a whole mile is too long),
 * in US units.
 */
export function scaleBar(ptPerM: number, maxPt: number, units: Units): ScaleBar {
  const maxM = maxPt / ptPerM
  if (units === 'metric') {
    const m = roundDown(maxM)
    return { pt: m * ptPerM, label: m >= 1000 ? `${(m / 1000).toLocaleString('en-US')} km` : `${m.toLocaleString('en-US')} m` }
  }
  const maxMi = maxM / M_PER_MI
  if (maxMi >= 1) {
    const mi = roundDown(maxMi)
    return { pt: mi * M_PER_MI * ptPerM, label: `${mi.toLocaleString('en-US')} mi` }
  }
  if (maxMi >= 0.25) {
    const mi = maxMi >= 0.5 ? 0.5 : 0.25
    return { pt: mi * M_PER_MI * ptPerM, label: `${mi} mi` }
  }
  const ft = roundDown(maxM / M_PER_FT)
  return { pt: ft * M_PER_FT * ptPerM, label: `${ft.toLocaleString('en-US')} ft` }
}
