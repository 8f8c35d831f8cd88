import * as polyclip from 'polyclip-ts'
import { area as turfArea } from '@turf/area'
import { COORD_QUANTUM, type AreaGeometry, type LonLat, type Position } from '../../domain'
import { makeValid } from '../make-valid'
import { cleanPolys } from './clean'
import { segmentsTouch } from '../kernel'
import { bboxOf, crossingPoint, polygonsOf, projectOnSegment, qPt, samePt, toGeometry, type Polys } from './geom'
import { snapOnSegment } from './snap-on-segment'

/** Polygon parts smaller than this (m²) after clipping are rounding debris, not ground. */
const DEBRIS_M2 = 0.05

type Edge = [Position, Position]

export function edgesOf(geoms: AreaGeometry[]): Edge[] {
  const out: Edge[] = []
  for (const g of geoms) for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) out.push([ring[i], ring[i + 1]])
  return out
}

/** polyclip hands input vertices back to within float noise: far less than a grid step. */
const SAME_VERTEX = COORD_QUANTUM / 1000

/**
 * Puts a clipped vertex back on the coordinate grid. Input vertices come back (almost) exactly;
 * new intersection points are slid onto the existing boundary they lie on, so that
 * boundary can take the same vertex without changing shape.
 */
function settle(v: Position, ref: Edge[]): LonLat {
  const q = qPt(v)
  if (Math.abs(q[0] - v[0]) < SAME_VERTEX && Math.abs(q[1] - v[1]) < SAME_VERTEX) return q
  let best: Edge | null = null
  let bestDist = 1e-9
  for (const e of ref) {
    const d = projectOnSegment(e[0], e[1], v).dist
    if (d <= bestDist) {
      best = e
      bestDist = d
    }
  }
  return best ? snapOnSegment(best[0], best[1], v) : q
}

/** True when a closed ring passes through one of its vertices twice. */
function touchesItself(ring: LonLat[]): boolean {
  const seen = new Set<string>()
  for (let i = 0; i + 1 < ring.length; i++) {
    const k = `${ring[i][0]},${ring[i][1]}`
    if (seen.has(k)) return true
    seen.add(k)
  }
  return false
}

/**
 * A ring through one vertex twice is no valid boundary: polyclip can hand back a pocket as an
 * "inverted hole", and settling can bring two vertices onto one grid point. Such a polygon is
 * given its repaired form (the pocket a hole of its own, two lobes two parts), which holds the
 * same ground; the others are kept as they are.
 */
function withoutSelfTouches(polys: Polys): Polys {
  if (!polys.some((poly) => poly.some(touchesItself))) return polys
  return polys.flatMap((poly) => {
    if (!poly.some(touchesItself)) return [poly]
    const fixed = makeValid({ type: 'Polygon', coordinates: poly })
    return fixed ? polygonsOf(fixed) : []
  })
}

function toPolys(out: polyclip.Geom, ref: Edge[]): Polys {
  const polys = withoutSelfTouches(cleanPolys((out as Position[][][]).map((poly) => poly.map((ring) => ring.map((v) => settle(v, ref))))))
  return polys.filter((p) => turfArea({ type: 'Polygon', coordinates: p }) >= DEBRIS_M2)
}

const coords = (g: AreaGeometry): polyclip.Geom => (g.type === 'Polygon' ? g.coordinates : g.coordinates) as polyclip.Geom

/** Boolean operation on quantized geometries; null when nothing with area is left. `ref` are the plan boundaries to snap new vertices onto. */
export function clip(op: 'intersection' | 'difference' | 'union', ref: AreaGeometry[], a: AreaGeometry, ...rest: AreaGeometry[]): AreaGeometry | null {
  const box = bboxOf(a)
  const refEdges = edgesOf([a, ...rest, ...ref]).filter(
    (e) => Math.max(e[0][0], e[1][0]) >= box[0] - 1e-6 && Math.min(e[0][0], e[1][0]) <= box[2] + 1e-6,
  )
  const polys = toPolys(polyclip[op](coords(a), ...rest.map(coords)), refEdges)
  return polys.length ? toGeometry(polys) : null
}

export function areaM2(g: AreaGeometry | null): number {
  return g ? turfArea(g) : 0
}

/**
 * Inserts into g the points where its edges cross the edges of `others`, slid onto the
 * other edge. Done before subtracting a drawn shape from neighbours, so both sides of the
 * new boundary get the very same vertices.
 */
export function nodeCrossings(g: AreaGeometry, others: AreaGeometry[]): AreaGeometry {
  const otherEdges = edgesOf(others)
  const polys = polygonsOf(g).map((poly) =>
    poly.map((ring) => {
      const out: LonLat[] = [ring[0]]
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i], b = ring[i + 1]
        const hits: [number, LonLat][] = []
        for (const [c, d] of otherEdges) {
          if (!segmentsTouch(a, b, c, d)) continue
          const x = crossingPoint(a, b, c, d)
          if (!x) continue
          const s = snapOnSegment(c, d, x)
          if (samePt(s, a) || samePt(s, b) || hits.some((h) => samePt(h[1], s))) continue
          hits.push([projectOnSegment(a, b, s).t, s])
        }
        hits.sort((u, v) => u[0] - v[0])
        for (const h of hits) out.push(h[1])
        out.push(b)
      }
      return out
    }),
  )
  return toGeometry(cleanPolys(polys))
}
