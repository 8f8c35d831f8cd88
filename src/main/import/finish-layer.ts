import { quantize } from '../../shared/domain/geometry'
import { windPolys } from '../../shared/geo/ops/geom'
import type { AreaGeometry, Position } from '../../shared/domain/geometry'
import { checkGeometry, forEachPosition, mapPositions, type CheckTally } from './check-geometry'
import { resolveCrs, type ResolvedCrs } from './crs'
import { ImportError, formatCoordinate } from './import-error'
import type { ParsedFeature, ParsedLayer, ParseOptions, RawLayer } from './types'

const outsideLonLat = (p: Position): boolean => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90

function firstOutside(features: { index: number; geometry: AreaGeometry }[]): { index: number; p: Position } | null {
  for (const f of features) {
    let hit: Position | null = null
    forEachPosition(f.geometry, (p) => {
      if (!hit && outsideLonLat(p)) hit = p
    })
    if (hit) return { index: f.index, p: hit }
  }
  return null
}

function pickCrs(file: string, raw: RawLayer, opts: ParseOptions, notices: string[]): ResolvedCrs | null {
  if (raw.lonLatOnly) {
    if (opts.crs) notices.push(`${file}: KML is always WGS84 lon/lat; the chosen coordinate system ${opts.crs} was not used`)
    return null
  }
  if (raw.crs) {
    const own = resolveCrs(raw.crs, file, 'the file names coordinate system')
    if (opts.crs) {
      const chosen = resolveCrs(opts.crs, file, 'the chosen coordinate system')
      if (chosen.label !== own.label) {
        notices.push(`${file} names its own coordinate system (${own.label}); the chosen ${chosen.label} was not used`)
      }
    }
    return own
  }
  return opts.crs ? resolveCrs(opts.crs, file, 'the chosen coordinate system') : null
}

/** Stored rings follow RFC 7946 (exteriors counter-clockwise), whatever winding the file used; the editor's operations rely on it. */
function wound(g: AreaGeometry): AreaGeometry {
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: windPolys([g.coordinates])[0] } : { type: 'MultiPolygon', coordinates: windPolys(g.coordinates) }
}

/** The checks every format shares: polygonal geometry, coordinate system, WGS84 output, quantizing, winding. */
export function finishLayer(file: string, raw: RawLayer, opts: ParseOptions): ParsedLayer {
  if (raw.features.length === 0) {
    throw new ImportError('empty-layer', `${file} contains no features; there is nothing to import`, { file })
  }
  const notices = [...raw.notices]
  const tally: CheckTally = { featuresWithZ: 0 }
  const checked = raw.features.map((f) => ({
    index: f.index,
    properties: f.properties,
    geometry: checkGeometry(file, f.index, f.geometry, tally),
  }))
  if (tally.featuresWithZ > 0) {
    const n = tally.featuresWithZ
    notices.push(`${file}: ${n} feature${n === 1 ? ' has' : 's have'} 3D coordinates; the Z (and M) values were dropped`)
  }

  const crs = pickCrs(file, raw, opts, notices)
  if (!crs && !raw.lonLatOnly) {
    const hit = firstOutside(checked)
    if (hit) {
      throw new ImportError(
        'projected-no-crs',
        `${file}: coordinates look projected (e.g. ${formatCoordinate(hit.p[0])}, ${formatCoordinate(hit.p[1])} at feature ${hit.index}) and the file names no coordinate system; choose the CRS it was exported in`,
        { file, feature: hit.index },
      )
    }
  }
  if (raw.format === 'shapefile' && !raw.crs) {
    notices.push(`${file} has no .prj; its coordinates were read as ${crs ? crs.label : 'WGS84 lon/lat'}`)
  }
  const toLonLat = crs?.toLonLat ?? null
  const features: ParsedFeature[] = checked.map((f) => {
    const geometry = mapPositions(f.geometry, (p) => {
      const [lon, lat] = toLonLat ? toLonLat([p[0], p[1]]) : [p[0], p[1]]
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new ImportError(
          'coordinates-out-of-range',
          `${file}: feature ${f.index} has coordinates (${formatCoordinate(p[0])}, ${formatCoordinate(p[1])}) that are not on Earth when read in ${crs?.label ?? 'WGS84 lon/lat'}; check the coordinate system`,
          { file, feature: f.index },
        )
      }
      return [quantize(lon), quantize(lat)]
    })
    return { index: f.index, properties: f.properties, geometry: wound(geometry) }
  })
  return { file, format: raw.format, crs: crs?.label ?? 'EPSG:4326', fields: raw.fields, features, notices }
}
