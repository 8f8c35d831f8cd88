import type { AreaGeometry, Position } from '../../domain'
import { GRID } from '../kernel'
import { frameAt, polygonAreaM2, type LocalFrame } from './measure'
import { inscribedCircle } from './width'

export type ClipPoly = [number, number][][]
export type ClipGeom = ClipPoly[]

/** A connected piece of a gap or overlap, measured on the ground. */
export interface Piece {
  poly: ClipPoly
  areaM2: number
  widthM: number
  /** Inside the piece, on the grid. */
  at: [number, number]
}

/** Pieces at or below this are floating-point noise of the overlay. */
export const NOISE_M2 = 1e-6

const WIDTH_PRECISION_M = 0.05

function perimeterM(r: [number, number][], f: LocalFrame): number {
  let p = 0
  for (let i = 0; i < r.length - 1; i++) p += Math.hypot((r[i + 1][0] - r[i][0]) * f.kx, (r[i + 1][1] - r[i][1]) * f.ky)
  return p
}

/** The sliver tolerances, and the floor below which pieces are counted but not listed. */
export interface SliverRule {
  widthM: number
  areaM2: number
  floorM2?: number
}

/**
 * Measured pieces. With `sliver` (the tolerances), whether a piece is narrower than the
 * sliver width is decided exactly (to 0.1%); the width reported is then found with bounded
 * effort: a lower bound, which on long thin slivers runs low (median ~15% on the dirty
 * simplified Chicago layers; there it is only a figure). Without it, searched to 5 cm.
 */
export function toPieces(geom: ClipGeom, sliver?: SliverRule): Piece[] {
  const out: Piece[] = []
  for (const poly of geom) {
    if (!poly.length || poly[0].length < 4) continue
    const r = poly[0]
    const f = frameAt(r[0][0], r[0][1])
    const areaM2 = polygonAreaM2(poly, f)
    if (!(areaM2 > NOISE_M2)) continue
    // No inscribed circle is wider than the disc of the same area, nor (convex case) than
    // 4 A / perimeter; below the search precision that bound is the width.
    const bound = Math.min(2 * Math.sqrt(areaM2 / Math.PI), (4 * areaM2) / perimeterM(poly[0], f))
    if (bound <= WIDTH_PRECISION_M) {
      out.push({ poly, areaM2, widthM: bound, at: [r[0][0], r[0][1]] })
      continue
    }
    const precision = Math.max(WIDTH_PRECISION_M, bound / 100)
    const c = sliver
      ? areaM2 < sliver.areaM2
        ? // A sliver by its area: the width is only a figure, and below the floor not even shown.
          inscribedCircle(poly, f, precision, { budget: areaM2 < (sliver.floorM2 ?? 0) ? 6 : 40 })
        : inscribedCircle(poly, f, precision, { budget: 150, cutM: sliver.widthM })
      : inscribedCircle(poly, f, precision)
    out.push({ poly, areaM2, widthM: c.diameterM, at: [c.x, c.y] })
  }
  return out
}

/** Pieces as one GeoJSON geometry in lon/lat. */
export function piecesGeometry(pieces: Piece[]): AreaGeometry {
  const polys: Position[][][] = []
  for (const p of pieces) {
    const rings: Position[][] = []
    for (const r of p.poly) {
      const ring: Position[] = new Array(r.length)
      for (let i = 0; i < r.length; i++) ring[i] = [Math.round(r[i][0]) / GRID, Math.round(r[i][1]) / GRID]
      rings.push(ring)
    }
    polys.push(rings)
  }
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}
