import * as clip from 'polyclip-ts'
import type { AreaGeometry } from '../../domain'
import { GRID } from '../kernel'
import { frameAt, polygonAreaM2, type LocalFrame } from './measure'
import type { Shape } from './shape'
import { shapeToClip } from './shape'
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

/** Sutherland–Hodgman clip of each ring to a box; keeps overlays local and small. */
export function clipToBox(s: Shape, box: [number, number, number, number]): ClipGeom {
  const inside =
    s.bbox[0] >= box[0] && s.bbox[1] >= box[1] && s.bbox[2] <= box[2] && s.bbox[3] <= box[3]
  if (inside) return shapeToClip(s)
  const out: ClipGeom = []
  for (const part of s.parts) {
    const rings: [number, number][][] = []
    for (let k = 0; k < part.length; k++) {
      const r = s.rings[part[k]]
      const rb = r.bbox
      if (rb[0] > box[2] || rb[2] < box[0] || rb[1] > box[3] || rb[3] < box[1]) {
        if (k === 0) break
        continue
      }
      let pts: [number, number][] = []
      for (let i = 0; i < r.xs.length - 1; i++) pts.push([r.xs[i], r.ys[i]])
      pts = clipEdge(pts, (p) => p[0] >= box[0], (a, b) => atX(a, b, box[0]))
      pts = clipEdge(pts, (p) => p[0] <= box[2], (a, b) => atX(a, b, box[2]))
      pts = clipEdge(pts, (p) => p[1] >= box[1], (a, b) => atY(a, b, box[1]))
      pts = clipEdge(pts, (p) => p[1] <= box[3], (a, b) => atY(a, b, box[3]))
      if (pts.length < 3) {
        if (k === 0) break
        continue
      }
      pts.push(pts[0])
      rings.push(pts)
    }
    if (rings.length) out.push(rings)
  }
  return out
}

function clipEdge(pts: [number, number][], inside: (p: [number, number]) => boolean, cut: (a: [number, number], b: [number, number]) => [number, number]): [number, number][] {
  const out: [number, number][] = []
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i], b = pts[(i + 1) % pts.length]
    const ia = inside(a), ib = inside(b)
    if (ia) out.push(a)
    if (ia !== ib) out.push(cut(a, b))
  }
  return out
}
const atX = (a: [number, number], b: [number, number], x: number): [number, number] => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])]
const atY = (a: [number, number], b: [number, number], y: number): [number, number] => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y]

/**
 * polyclip-ts loses rings on large absolute coordinates; run it on small numbers
 * relative to a local origin and shift the result back.
 */
function local(gs: ClipGeom[], op: (gs: ClipGeom[]) => ClipGeom): ClipGeom {
  const o = gs[0][0][0][0]
  const ox = o[0], oy = o[1]
  const shift = (g: ClipGeom): ClipGeom => g.map((p) => p.map((r) => r.map(([x, y]) => [(x - ox) / SCALE, (y - oy) / SCALE] as [number, number])))
  const res = op(gs.map(shift))
  return res.map((p) => p.map((r) => r.map(([x, y]) => [x * SCALE + ox, y * SCALE + oy] as [number, number])))
}
const SCALE = GRID

export function intersect(a: ClipGeom, b: ClipGeom): ClipGeom {
  if (!a.length || !b.length) return []
  return local([a, b], ([x, y]) => clip.intersection(x, y) as ClipGeom)
}
export function subtract(a: ClipGeom, ...b: ClipGeom[]): ClipGeom {
  const rest = b.filter((g) => g.length)
  if (!a.length) return []
  if (!rest.length) return a
  return local([a, ...rest], ([x, ...ys]) => clip.difference(x, ...ys) as ClipGeom)
}
export function unite(gs: ClipGeom[]): ClipGeom {
  const list = gs.filter((g) => g.length)
  if (!list.length) return []
  return local(list, ([x, ...ys]) => clip.union(x, ...ys) as ClipGeom)
}

/** Pieces as one GeoJSON geometry in lon/lat. */
export function piecesGeometry(pieces: Piece[]): AreaGeometry {
  const polys = pieces.map((p) => p.poly.map((r) => r.map(([x, y]) => [Math.round(x) / GRID, Math.round(y) / GRID])))
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}
