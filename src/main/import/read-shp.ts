import type { Position } from '../../shared/domain/geometry'
import { pointInRing } from '../../shared/geo/kernel'
import { ImportError } from './import-error'
import type { RawGeometry } from './types'
import { showValue } from '../../shared/text/bounded'

const OTHER_TYPES: Record<number, string> = {
  1: 'Point',
  11: 'Point',
  21: 'Point',
  3: 'LineString',
  13: 'LineString',
  23: 'LineString',
  8: 'MultiPoint',
  18: 'MultiPoint',
  28: 'MultiPoint',
  31: 'MultiPatch',
}

/** Twice the signed area; negative means clockwise with y pointing up. */
function signedArea2(ring: Position[]): number {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return s
}

/**
 * A Shapefile polygon is a flat list of rings: clockwise ones are shells, counter-clockwise ones
 * holes. Each hole goes to the smallest shell holding it, or, when none does (an invalid layer),
 * to the shell before it so that it is kept and the validator reports it. Rings are turned to
 * RFC 7946 order (shells counter-clockwise) without touching their vertices.
 */
export function assemblePolygon(rings: Position[][]): RawGeometry {
  const areas = rings.map(signedArea2)
  const shells: { ring: Position[]; holes: Position[][]; area: number }[] = []
  const holes: { ring: Position[]; after: number }[] = []
  // No clockwise ring at all (a writer that ignored the rule, or NaN): every ring is a shell.
  const allCounterClockwise = !areas.some((a) => a < 0)
  rings.forEach((ring, i) => {
    if (areas[i] < 0 || allCounterClockwise) shells.push({ ring: areas[i] < 0 ? [...ring].reverse() : ring, holes: [], area: Math.abs(areas[i]) })
    else holes.push({ ring: [...ring].reverse(), after: shells.length - 1 })
  })
  // The file's own units (degrees or projected feet/metres): the kernel's grid snaps them by at
  // most a billionth of a unit, far below any shell-to-hole distance a real layer has.
  for (const h of holes) {
    let best = -1
    for (let s = 0; s < shells.length; s++) {
      if (pointInRing(h.ring[0], shells[s].ring) > 0 && (best < 0 || shells[s].area < shells[best].area)) best = s
    }
    shells[best >= 0 ? best : Math.max(h.after, 0)].holes.push(h.ring)
  }
  const polys = shells.map((s) => [s.ring, ...s.holes])
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys }
}

/** A PolyLine record's parts (2D: a reference layer only needs where its lines run). */
function readParts(view: DataView, start: number, end: number, index: number, bad: (what: string) => ImportError, make: (parts: Position[][]) => RawGeometry): RawGeometry | null {
  const numParts = view.getInt32(start + 36, true)
  const numPoints = view.getInt32(start + 40, true)
  const pointsAt = start + 44 + numParts * 4
  if (numParts < 0 || numPoints < 0 || pointsAt + numPoints * 16 > end) throw bad(`record for feature ${index} is damaged`)
  const offsets: number[] = []
  for (let i = 0; i < numParts; i++) offsets.push(view.getInt32(start + 44 + i * 4, true))
  offsets.push(numPoints)
  if (offsets.some((v, i) => v < 0 || (i > 0 && v < offsets[i - 1]))) throw bad(`record for feature ${index} has damaged part offsets`)
  const parts: Position[][] = []
  for (let r = 0; r < numParts; r++) {
    const part: Position[] = []
    for (let k = offsets[r]; k < offsets[r + 1]; k++) part.push([view.getFloat64(pointsAt + k * 16, true), view.getFloat64(pointsAt + k * 16 + 8, true)])
    parts.push(part)
  }
  return parts.length === 0 ? null : make(parts)
}

/**
 * Reads every record of a .shp; a polygon's Z or M values are kept as a third ordinate so the
 * common checks can report them. With `lines` (reference layers), PolyLine records are read too.
 */
export function readShp(file: string, shpName: string, bytes: Uint8Array, lines = false): (RawGeometry | null)[] {
  const bad = (what: string): ImportError => new ImportError('bad-shp', `${file}: ${showValue(shpName)} is not a readable Shapefile (${what})`, { file })
  if (bytes.length < 100) throw bad('too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.getInt32(0, false) !== 9994) throw bad('wrong file code')
  const fileLen = Math.min(view.getInt32(24, false) * 2, bytes.length)
  const out: (RawGeometry | null)[] = []
  let p = 100
  while (p + 8 <= fileLen) {
    const index = out.length
    const contentLen = view.getInt32(p + 4, false) * 2
    const start = p + 8
    const end = start + contentLen
    if (contentLen < 4 || end > bytes.length) throw bad(`record for feature ${index} is cut short; the file may be truncated`)
    const type = view.getInt32(start, true)
    if (type === 0) {
      out.push(null)
    } else if (lines && (type === 3 || type === 13 || type === 23)) {
      out.push(readParts(view, start, end, index, bad, (parts) => (parts.length === 1 ? { type: 'LineString', coordinates: parts[0] } : { type: 'MultiLineString', coordinates: parts })))
    } else if (type === 5 || type === 15 || type === 25) {
      const numParts = view.getInt32(start + 36, true)
      const numPoints = view.getInt32(start + 40, true)
      const pointsAt = start + 44 + numParts * 4
      if (numParts < 0 || numPoints < 0 || pointsAt + numPoints * 16 > end) throw bad(`record for feature ${index} is damaged`)
      // Z follows the points for PolygonZ (then optional M); M alone for PolygonM. Both skip an 16-byte range.
      const extraAt = pointsAt + numPoints * 16 + 16
      const hasExtra = type !== 5 && extraAt + numPoints * 8 <= end
      const parts: number[] = []
      for (let i = 0; i < numParts; i++) parts.push(view.getInt32(start + 44 + i * 4, true))
      parts.push(numPoints)
      const rings: Position[][] = []
      for (let r = 0; r < numParts; r++) {
        const ring: Position[] = []
        for (let k = parts[r]; k < parts[r + 1]; k++) {
          const x = view.getFloat64(pointsAt + k * 16, true)
          const y = view.getFloat64(pointsAt + k * 16 + 8, true)
          ring.push(hasExtra ? [x, y, view.getFloat64(extraAt + k * 8, true)] : [x, y])
        }
        rings.push(ring)
      }
      if (rings.some((r) => r.length === 0) || parts.some((v, i) => i > 0 && v < parts[i - 1])) throw bad(`record for feature ${index} has damaged part offsets`)
      out.push(rings.length === 0 ? null : assemblePolygon(rings))
    } else {
      out.push({ type: OTHER_TYPES[type] ?? `shape type ${type}`, coordinates: [] })
    }
    p = end
  }
  return out
}
