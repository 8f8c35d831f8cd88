import { z } from 'zod'
import type { AreaGeometry } from '../domain'

/** Limits that keep a hostile or broken caller from tying up the main process. */
export const GEOMETRY_LIMITS = { positionsPerGeometry: 250_000, ringsPerGeometry: 10_000, polygonsPerGeometry: 5_000 }

/**
 * Hand-written rather than z.array(z.tuple(...)): it walks a 100,000-position ring without
 * allocating per position, and stops at the first problem with a path a person can follow.
 */
export function geometryProblem(g: unknown): string | null {
  if (!g || typeof g !== 'object' || Array.isArray(g)) return 'geometry must be a GeoJSON Polygon or MultiPolygon object'
  const o = g as Record<string, unknown>
  for (const k of Object.keys(o)) if (k !== 'type' && k !== 'coordinates' && k !== 'bbox') return `geometry has an unexpected member "${k.slice(0, 40)}"`
  if (o.type !== 'Polygon' && o.type !== 'MultiPolygon') return `geometry type must be Polygon or MultiPolygon, not ${typeof o.type === 'string' ? JSON.stringify(o.type.slice(0, 40)) : typeof o.type}`
  const polys = o.type === 'Polygon' ? [o.coordinates] : o.coordinates
  if (!Array.isArray(polys)) return 'geometry coordinates must be an array'
  if (polys.length > GEOMETRY_LIMITS.polygonsPerGeometry) return `geometry has ${polys.length} polygons; the limit is ${GEOMETRY_LIMITS.polygonsPerGeometry}`
  let positions = 0
  let rings = 0
  for (let p = 0; p < polys.length; p++) {
    const poly = polys[p]
    if (!Array.isArray(poly) || poly.length === 0) return `polygon ${p} must be a non-empty array of rings`
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r]
      if (++rings > GEOMETRY_LIMITS.ringsPerGeometry) return `geometry has more than ${GEOMETRY_LIMITS.ringsPerGeometry} rings`
      if (!Array.isArray(ring)) return `polygon ${p} ring ${r} must be an array of positions`
      if (ring.length < 4) return `polygon ${p} ring ${r} has ${ring.length} positions; a closed ring needs at least 4`
      positions += ring.length
      if (positions > GEOMETRY_LIMITS.positionsPerGeometry) return `geometry has more than ${GEOMETRY_LIMITS.positionsPerGeometry} positions`
      for (let i = 0; i < ring.length; i++) {
        const pos = ring[i]
        if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) return `polygon ${p} ring ${r} position ${i} must be [lon, lat]`
        const [x, y] = pos
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
          return `polygon ${p} ring ${r} position ${i} is not a pair of finite numbers`
        if (x < -180 || x > 180 || y < -90 || y > 90) return `polygon ${p} ring ${r} position ${i} (${x}, ${y}) is not a WGS84 longitude/latitude`
      }
    }
  }
  return null
}

export const geometrySchema = z.custom<AreaGeometry>().superRefine((g, ctx) => {
  const problem = geometryProblem(g)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
