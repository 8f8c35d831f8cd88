import type { AreaGeometry, Position } from '../../domain'
import { GRID as KERNEL_GRID } from '../kernel'
import type { FlatRing } from './faces'
import { frameInto, hypot, polygonAreaM2, type LocalFrame } from './measure'
import { inscribedCircle } from './width'

/** Bound once: run from sources (tsx), each use of an imported name calls a getter, which the hot loops here did not always inline. */
const GRID = KERNEL_GRID

/** A piece's rings on the grid, shell first, each flat ([x0, y0, x1, y1, …], closed). */
export type PiecePoly = FlatRing[]

/** The sliver tolerances, and the floor below which pieces are counted but not listed. */
export interface SliverRule {
  widthM: number
  areaM2: number
  floorM2?: number
}

/** Pieces at or below this are floating-point noise of the overlay. */
export const NOISE_M2 = 1e-6

const WIDTH_PRECISION_M = 0.05

function perimeterM(r: FlatRing, f: LocalFrame): number {
  let p = 0
  for (let i = 0; i < r.length - 2; i += 2) p += hypot((r[i + 2] - r[i]) * f.kx, (r[i + 3] - r[i + 1]) * f.ky)
  return p
}

/**
 * A connected piece of a gap or overlap, measured on the ground. Its area is measured at
 * once; its width and the point inside it to zoom to only when a finding asks (a finding
 * with many pieces needs the biggest one's location and the widest one's width, and pieces
 * below the listing floor need neither: see `maxWidthM`), and then once.
 *
 * A piece of up to TANGENT_MAX_CORNERS corners (1,310 of simplified Chicago's 1,326) gets its exact width
 * (tangent-circles.ts). Larger ones are searched: with a sliver rule, whether the piece is
 * narrower than the sliver width is decided exactly (to 0.1%) and the width reported is then
 * found with bounded effort, a lower bound (only a figure there); without one, to 5 cm.
 * So is a piece whose exact width is within 1% of the sliver width, so that sliver or not is
 * decided as it always was.
 */
export class Piece {
  /**
   * No width this piece reports is larger: a circle of radius r inside it has an area πr² of
   * at most the piece's (with a millionth to spare for rounding).
   */
  readonly maxWidthM: number
  private measured = false
  // NaN, not 0, until measured: a field that starts as a small integer and later holds a
  // fraction changes the objects' layout, which sends code compiled for the old one back.
  private width = NaN
  private atX = NaN
  private atY = NaN

  /**
   * `framed`: measured in the local frame at the first vertex (`frameInto`, into the module's
   * one `frame`), worked out again
   * when the width is measured rather than kept: most pieces never are, and a frame held by
   * every piece was five more objects each for the collector to copy.
   */
  constructor(
    readonly poly: PiecePoly,
    readonly areaM2: number,
    framed: boolean,
    private readonly sliver?: SliverRule,
  ) {
    this.maxWidthM = 2 * Math.sqrt(Math.max(0, areaM2) / Math.PI) * (1 + 1e-6) + 1e-9
    if (!framed) this.settle(0, poly[0][0], poly[0][1])
  }

  get widthM(): number {
    if (!this.measured) this.measure()
    return this.width
  }

  /** Inside the piece, on the grid. */
  get at(): [number, number] {
    if (!this.measured) this.measure()
    return [this.atX, this.atY]
  }

  private settle(width: number, x: number, y: number): void {
    this.measured = true
    this.width = width
    this.atX = x
    this.atY = y
  }

  private measure(): void {
    const { poly, areaM2, sliver } = this
    const r = poly[0]
    const f = frameInto(frame, r[0], r[1])
    // No inscribed circle is wider than the disc of the same area, nor (convex case) than
    // 4 A / perimeter; below the search precision that bound is the width.
    const bound = Math.min(2 * Math.sqrt(areaM2 / Math.PI), (4 * areaM2) / perimeterM(r, f))
    if (bound <= WIDTH_PRECISION_M) return this.settle(bound, r[0], r[1])
    const precision = Math.max(WIDTH_PRECISION_M, bound / 100)
    const c = sliver
      ? areaM2 < sliver.areaM2
        ? // A sliver by its area: the width is only a figure, and below the floor not even shown.
          inscribedCircle(poly, f, precision, areaM2 < (sliver.floorM2 ?? 0) ? BELOW_FLOOR : AREA_SLIVER)
        : inscribedCircle(poly, f, precision, { budget: 150, cutM: sliver.widthM })
      : inscribedCircle(poly, f, precision)
    this.settle(c.diameterM, c.x, c.y)
  }
}

/**
 * The frame a piece is measured in, one for all (each measurement is over before the next
 * starts): a new frame per piece was five objects (the frame and its four numbers) to collect.
 */
const frame: LocalFrame = { x0: NaN, y0: NaN, kx: NaN, ky: NaN }
/** How far the width search goes for a piece that is a sliver by its area: below the listing floor, not far. */
const BELOW_FLOOR = { budget: 6 }
const AREA_SLIVER = { budget: 40 }

/** A piece's area in m² on the ground (its frame at the first vertex); 0 when its shell has fewer than four points. */
export function pieceAreaM2(poly: PiecePoly): number {
  // Fewer than four points (x, y each): no ring.
  if (!poly.length || poly[0].length < 8) return 0
  return polygonAreaM2(poly, frameInto(frame, poly[0][0], poly[0][1]))
}

/** Pieces as one GeoJSON geometry in lon/lat. */
export function piecesGeometry(pieces: Piece[]): AreaGeometry {
  // Lists at their size (findings keep them; one grown by push kept room for sixteen).
  const polys: Position[][][] = new Array(pieces.length)
  for (let k = 0; k < pieces.length; k++) {
    const poly = pieces[k].poly
    const rings: Position[][] = new Array(poly.length)
    for (let j = 0; j < poly.length; j++) {
      const r = poly[j]
      const ring: Position[] = new Array(r.length / 2)
      for (let i = 0; i < r.length; i += 2) ring[i >> 1] = [Math.round(r[i]) / GRID, Math.round(r[i + 1]) / GRID]
      rings[j] = ring
    }
    polys[k] = rings
  }
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}
