import { basename, extname } from 'node:path'
import type { Position } from 'geojson'
import { quantize } from '../../shared/domain/geometry'
import type { ReferenceGeometry } from '../../shared/domain/reference-layer'
import { showValue } from '../../shared/text/bounded'
import { pickCrs } from './finish-layer'
import { ImportError, formatCoordinate } from './import-error'
import { checkSize, kindOf } from './parse-layer'
import { readGeoJson } from './read-geojson'
import { readGeoPackage } from './read-geopackage'
import { readShapefileZip } from './read-shapefile-zip'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_UNCOMPRESSED_BYTES, type LayerFormat, type RawGeometry } from './types'

export interface ParsedReference {
  file: string
  /** The file name without its extension: how the layer is listed. */
  name: string
  format: LayerFormat
  crs: string
  kind: 'lines' | 'areas' | 'mixed'
  geometries: ReferenceGeometry[]
  vertices: number
  notices: string[]
}

export interface ReferenceParseOptions {
  crs?: string
  gpkgLayer?: string
  maxBytes?: number
}

const LINES = new Set(['LineString', 'MultiLineString'])
const AREAS = new Set(['Polygon', 'MultiPolygon'])

/** Depth of position nesting per type: a LineString is a list of positions (1), a MultiPolygon three levels down. */
const DEPTH: Record<string, number> = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }

/**
 * Reads a street centerline or parcel layer (GeoJSON, zipped Shapefile or GeoPackage) with the
 * plan import's own readers and coordinate systems, for drawing under the plan and snapping to.
 * Lines and polygons are kept; points and empty features are left out and counted in a notice.
 */
export function parseReferenceBuffer(name: string, bytes: Uint8Array, opts: ReferenceParseOptions = {}): ParsedReference {
  const file = basename(name)
  checkSize(file, bytes.length, opts.maxBytes ?? DEFAULT_MAX_BYTES)
  if (bytes.length === 0) throw new ImportError('empty-layer', `${file} is empty; there is nothing to import`, { file })
  const kind = kindOf(file, bytes)
  if (kind === 'kml' || kind === 'kmz') {
    throw new ImportError('unknown-format', `${file}: a reference layer is read from GeoJSON, a zipped Shapefile or a GeoPackage, not KML`, { file })
  }
  const raw =
    kind === 'geojson'
      ? readGeoJson(file, bytes)
      : kind === 'zip'
        ? readShapefileZip(file, bytes, DEFAULT_MAX_UNCOMPRESSED_BYTES, undefined, true)
        : readGeoPackage(file, bytes, opts.gpkgLayer, true)
  const notices = [...raw.notices]
  const crs = pickCrs(file, raw, { crs: opts.crs }, notices)
  const toLonLat = crs?.toLonLat ?? null
  const geometries: ReferenceGeometry[] = []
  let skipped = 0
  let vertices = 0
  let lines = 0
  for (const f of raw.features) {
    const g = f.geometry
    if (!g || g.type === 'Point' || g.type === 'MultiPoint') {
      skipped++
      continue
    }
    const type = String(g.type)
    if (!LINES.has(type) && !AREAS.has(type)) {
      throw new ImportError('not-polygon', `${file}: feature ${f.index} is a ${showValue(type, 60)}; a reference layer holds lines (streets) or polygons (parcels)`, { file, feature: f.index })
    }
    const at = (p: unknown): Position => {
      if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new ImportError('malformed-geometry', `${file}: feature ${f.index} has malformed coordinates (a position is not two finite numbers)`, { file, feature: f.index })
      }
      const [lon, lat] = toLonLat ? toLonLat([p[0], p[1]]) : [p[0], p[1]]
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new ImportError(
          crs ? 'coordinates-out-of-range' : 'projected-no-crs',
          crs
            ? `${file}: feature ${f.index} has coordinates (${formatCoordinate(p[0])}, ${formatCoordinate(p[1])}) that are not on Earth when read in ${crs.label}; check the coordinate system`
            : `${file}: coordinates look projected (e.g. ${formatCoordinate(p[0])}, ${formatCoordinate(p[1])} at feature ${f.index}) and the file names no coordinate system; choose the CRS it was exported in`,
          { file, feature: f.index },
        )
      }
      vertices++
      return [quantize(lon), quantize(lat)]
    }
    const walk = (v: unknown, depth: number): unknown => {
      if (!Array.isArray(v)) throw new ImportError('malformed-geometry', `${file}: feature ${f.index} has malformed coordinates (the ${type} is not nested lists of positions)`, { file, feature: f.index })
      if (depth === 1) {
        if (v.length < 2) throw new ImportError('malformed-geometry', `${file}: feature ${f.index} has a line or ring of ${v.length} position${v.length === 1 ? '' : 's'}`, { file, feature: f.index })
        return v.map(at)
      }
      return v.map((c) => walk(c, depth - 1))
    }
    geometries.push({ type, coordinates: walk((g as RawGeometry).coordinates, DEPTH[type]) } as ReferenceGeometry)
    if (LINES.has(type)) lines++
  }
  if (geometries.length === 0) throw new ImportError('empty-layer', `${file} holds no lines or polygons; there is nothing to draw`, { file })
  if (skipped) notices.push(`${file}: ${skipped} feature${skipped === 1 ? '' : 's'} without lines or polygons (points or empty) were left out`)
  return {
    file,
    name: basename(file, extname(file)),
    format: raw.format,
    crs: crs?.label ?? 'EPSG:4326',
    kind: lines === geometries.length ? 'lines' : lines === 0 ? 'areas' : 'mixed',
    geometries,
    vertices,
    notices,
  }
}
