import type { AreaGeometry, Position } from '../../shared/domain/geometry'
import { ImportError } from './import-error'
import type { RawGeometry } from './types'
import { showValue } from '../../shared/text/bounded'

/** Counts what was dropped while checking, so one notice can cover the whole layer. */
export interface CheckTally {
  featuresWithZ: number
}

const POLYGONAL = new Set(['Polygon', 'MultiPolygon'])
const KNOWN_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'GeometryCollection'])

function where(part: number | null, ring: number, vertex?: number): string {
  const p = part === null ? '' : `polygon ${part}, `
  return vertex === undefined ? `${p}ring ${ring}` : `${p}ring ${ring}, vertex ${vertex}`
}

/**
 * Checks the shape of a feature's geometry and copies it as 2D positions. Rings are kept as
 * they are (unclosed, self-intersecting, holes outside shells): real layers contain them and
 * the validator reports them later. Only what cannot be a polygon at all is refused here.
 */
export function checkGeometry(file: string, index: number, geometry: RawGeometry | null, tally: CheckTally): AreaGeometry {
  const details = { file, feature: index }
  if (geometry === null || geometry === undefined || (typeof geometry === 'object' && geometry.type == null)) {
    throw new ImportError('missing-geometry', `${file}: feature ${index} has no geometry`, details)
  }
  const type = geometry.type
  if (typeof type !== 'string' || (!POLYGONAL.has(type) && !KNOWN_TYPES.has(type))) {
    throw new ImportError('not-polygon', `${file}: feature ${index} has a geometry of unknown type '${showValue(type, 60)}'`, details)
  }
  if (type === 'GeometryCollection') {
    throw new ImportError(
      'geometry-collection',
      `${file}: feature ${index} is a GeometryCollection; only Polygon and MultiPolygon layers can be imported (save its parts as one MultiPolygon)`,
      details,
    )
  }
  if (!POLYGONAL.has(type)) {
    throw new ImportError(
      'not-polygon',
      `${file}: feature ${index} is a ${type}; only Polygon and MultiPolygon layers can be imported`,
      details,
    )
  }
  const malformed = (what: string): ImportError =>
    new ImportError('malformed-geometry', `${file}: feature ${index} has malformed coordinates (${what})`, details)

  let sawZ = false
  const polygon = (rings: unknown, part: number | null): Position[][] => {
    if (!Array.isArray(rings)) throw malformed(`${part === null ? 'the polygon' : `polygon ${part}`} is not a list of rings`)
    if (rings.length === 0) throw malformed(`${part === null ? 'the polygon' : `polygon ${part}`} has no rings`)
    return rings.map((ring, r) => {
      if (!Array.isArray(ring)) throw malformed(`${where(part, r)} is not a list of positions`)
      if (ring.length < 2) {
        throw new ImportError(
          'ring-too-short',
          `${file}: feature ${index}, ${where(part, r)} has ${ring.length} position${ring.length === 1 ? '' : 's'}; that is not a polygon`,
          details,
        )
      }
      return ring.map((pos, v) => {
        if (!Array.isArray(pos) || pos.length < 2) throw malformed(`${where(part, r, v)} is not an [x, y] position`)
        const x = pos[0]
        const y = pos[1]
        if (typeof x !== 'number' || typeof y !== 'number') throw malformed(`${where(part, r, v)} holds a non-number`)
        if (!Number.isFinite(x) || !Number.isFinite(y)) {
          const bad = Number.isFinite(x) ? y : x
          throw new ImportError(
            'bad-coordinate',
            `${file}: feature ${index} has a coordinate that is not a finite number (${bad}) at ${where(part, r, v)}`,
            details,
          )
        }
        if (pos.length > 2) sawZ = true
        return [x, y]
      })
    })
  }

  let out: AreaGeometry
  if (type === 'Polygon') {
    out = { type: 'Polygon', coordinates: polygon(geometry.coordinates, null) }
  } else {
    const parts = geometry.coordinates
    if (!Array.isArray(parts)) throw malformed('the MultiPolygon is not a list of polygons')
    if (parts.length === 0) throw malformed('the MultiPolygon has no polygons')
    out = { type: 'MultiPolygon', coordinates: parts.map((p, i) => polygon(p, i)) }
  }
  if (sawZ) tally.featuresWithZ++
  return out
}

/** Calls fn on every position, in order, with the feature it belongs to. */
export function forEachPosition(g: AreaGeometry, fn: (p: Position) => void): void {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const rings of polys) for (const ring of rings) for (const p of ring) fn(p)
}

export function mapPositions(g: AreaGeometry, fn: (p: Position) => Position): AreaGeometry {
  const poly = (rings: Position[][]): Position[][] => rings.map((ring) => ring.map(fn))
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: poly(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) }
}
