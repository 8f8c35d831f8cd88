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

/** The feature being checked; `sawZ` is set when a position has more than two numbers. */
interface Checking {
  file: string
  index: number
  details: { file: string; feature: number }
  sawZ: boolean
}

// Module-level rather than closures made per feature: a 200,000-feature layer would create (and, under tsx, name) them 200,000 times.
const malformed = (c: Checking, what: string): ImportError =>
  new ImportError('malformed-geometry', `${c.file}: feature ${c.index} has malformed coordinates (${what})`, c.details)

function polygon(c: Checking, rings: unknown, part: number | null): Position[][] {
  if (!Array.isArray(rings)) throw malformed(c, `${part === null ? 'the polygon' : `polygon ${part}`} is not a list of rings`)
  if (rings.length === 0) throw malformed(c, `${part === null ? 'the polygon' : `polygon ${part}`} has no rings`)
  return rings.map((ring, r) => {
    if (!Array.isArray(ring)) throw malformed(c, `${where(part, r)} is not a list of positions`)
    if (ring.length < 2) {
      throw new ImportError(
        'ring-too-short',
        `${c.file}: feature ${c.index}, ${where(part, r)} has ${ring.length} position${ring.length === 1 ? '' : 's'}; that is not a polygon`,
        c.details,
      )
    }
    return ring.map((pos, v) => {
      if (!Array.isArray(pos) || pos.length < 2) throw malformed(c, `${where(part, r, v)} is not an [x, y] position`)
      const x = pos[0]
      const y = pos[1]
      if (typeof x !== 'number' || typeof y !== 'number') throw malformed(c, `${where(part, r, v)} holds a non-number`)
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        const bad = Number.isFinite(x) ? y : x
        throw new ImportError(
          'bad-coordinate',
          `${c.file}: feature ${c.index} has a coordinate that is not a finite number (${bad}) at ${where(part, r, v)}`,
          c.details,
        )
      }
      if (pos.length > 2) c.sawZ = true
      return [x, y]
    })
  })
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
  const at = { file, index, details, sawZ: false }
  let out: AreaGeometry
  if (type === 'Polygon') {
    out = { type: 'Polygon', coordinates: polygon(at, geometry.coordinates, null) }
  } else {
    const parts = geometry.coordinates
    if (!Array.isArray(parts)) throw malformed(at, 'the MultiPolygon is not a list of polygons')
    if (parts.length === 0) throw malformed(at, 'the MultiPolygon has no polygons')
    out = { type: 'MultiPolygon', coordinates: parts.map((p, i) => polygon(at, p, i)) }
  }
  if (at.sawZ) tally.featuresWithZ++
  return out
}

/** Calls fn on every position, in order, with the feature it belongs to. */
export function forEachPosition(g: AreaGeometry, fn: (p: Position) => void): void {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const rings of polys) for (const ring of rings) for (const p of ring) fn(p)
}
