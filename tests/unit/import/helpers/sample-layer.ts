import proj4 from 'proj4'
import { zipSync } from 'fflate'
import type { AreaGeometry, Position } from '../../../../src/shared/domain/geometry'
import { writeDbf, writeShp, type ShpShape } from './shapefile-writer'

/**
 * Two neighbouring units near Livermore (−121.76, 37.69): a block with a hole (a park excluded),
 * and a two-part unit. Vertices sit on the grid the importer quantizes to.
 */
export const SAMPLE_FEATURES: { properties: { BEAT: string; NAME: string; AREA_NUM: number }; geometry: AreaGeometry }[] = [
  {
    properties: { BEAT: '0411', NAME: 'Downtown', AREA_NUM: 4 },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [-121.7712345, 37.6801234],
          [-121.7600001, 37.6801234],
          [-121.7600001, 37.6912345],
          [-121.7712345, 37.6912345],
          [-121.7712345, 37.6801234],
        ],
        [
          [-121.7680001, 37.6850001],
          [-121.7680001, 37.6870001],
          [-121.7650001, 37.6870001],
          [-121.7650001, 37.6850001],
          [-121.7680001, 37.6850001],
        ],
      ],
    },
  },
  {
    properties: { BEAT: '0412', NAME: 'Springtown', AREA_NUM: 4 },
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [-121.7600001, 37.6801234],
            [-121.7489876, 37.6801234],
            [-121.7489876, 37.6912345],
            [-121.7600001, 37.6912345],
            [-121.7600001, 37.6801234],
          ],
        ],
        [
          [
            [-121.7451234, 37.6950001],
            [-121.7401234, 37.6950001],
            [-121.7401234, 37.6990001],
            [-121.7451234, 37.6990001],
            [-121.7451234, 37.6950001],
          ],
        ],
      ],
    },
  },
]

export function sampleGeoJson(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features: SAMPLE_FEATURES.map((f) => ({ type: 'Feature', ...f })) })
}

/** California State Plane zone III, US survey feet, as proj4 states it: the test projects with this. */
export const EPSG_2227_PROJ4 =
  '+proj=lcc +lat_0=36.5 +lon_0=-120.5 +lat_1=38.43333333333333 +lat_2=37.06666666666667 +x_0=2000000.0001016 +y_0=500000.0001016 +ellps=GRS80 +units=us-ft +no_defs'

/** The .prj ArcGIS writes for EPSG:2227 (ESRI WKT): the importer reads this. */
export const EPSG_2227_PRJ =
  'PROJCS["NAD_1983_StatePlane_California_III_FIPS_0403_Feet",GEOGCS["GCS_North_American_1983",DATUM["D_North_American_1983",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",6561666.666666666],PARAMETER["False_Northing",1640416.666666667],PARAMETER["Central_Meridian",-120.5],PARAMETER["Standard_Parallel_1",37.06666666666667],PARAMETER["Standard_Parallel_2",38.43333333333333],PARAMETER["Latitude_Of_Origin",36.5],UNIT["Foot_US",0.3048006096012192]]'

export const toStatePlaneFeet = (p: Position): Position => proj4('EPSG:4326', EPSG_2227_PROJ4).forward([p[0], p[1]])

export function mapGeometry(g: AreaGeometry, fn: (p: Position) => Position): AreaGeometry {
  const poly = (rings: Position[][]): Position[][] => rings.map((r) => r.map(fn))
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: poly(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(poly) }
}

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

export interface ShapefileZipOptions {
  prj?: string | null
  project?: (p: Position) => Position
  shapes?: ShpShape[]
  rows?: Record<string, string | number | null>[]
  omit?: ('shp' | 'dbf')[]
  extra?: Record<string, Uint8Array>
}

/** The sample layer as a zipped Shapefile (projected to State Plane feet with a real .prj unless told otherwise). */
export function sampleShapefileZip(opts: ShapefileZipOptions = {}): Uint8Array {
  const shapes = opts.shapes ?? SAMPLE_FEATURES.map((f): ShpShape => ({ kind: 'polygon', polygons: polygonsOf(f.geometry) }))
  const rows = opts.rows ?? SAMPLE_FEATURES.map((f) => ({ ...f.properties }))
  const { shp, shx } = writeShp(shapes, opts.project === undefined ? toStatePlaneFeet : opts.project)
  const dbf = writeDbf(
    [
      { name: 'BEAT', type: 'C', length: 8 },
      { name: 'NAME', type: 'C', length: 24 },
      { name: 'AREA_NUM', type: 'N', length: 4 },
    ],
    rows,
  )
  const files: Record<string, Uint8Array> = { 'beats/beats.shx': shx, 'beats/beats.cpg': new TextEncoder().encode('UTF-8') }
  if (!opts.omit?.includes('shp')) files['beats/beats.shp'] = shp
  if (!opts.omit?.includes('dbf')) files['beats/beats.dbf'] = dbf
  const prj = opts.prj === undefined ? EPSG_2227_PRJ : opts.prj
  if (prj !== null) files['beats/beats.prj'] = new TextEncoder().encode(prj)
  return zipSync({ ...files, ...opts.extra })
}

const kmlRing = (ring: Position[]): string => `<LinearRing><coordinates>${ring.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing>`
const kmlPolygon = (rings: Position[][]): string =>
  `<Polygon><outerBoundaryIs>${kmlRing(rings[0])}</outerBoundaryIs>${rings
    .slice(1)
    .map((r) => `<innerBoundaryIs>${kmlRing(r)}</innerBoundaryIs>`)
    .join('')}</Polygon>`

/** The sample layer as KML, the way Google Earth writes it (ExtendedData, MultiGeometry for multi-part). */
export function sampleKml(opts: { altitude?: boolean; prologue?: string; extraPlacemarks?: string } = {}): string {
  const placemarks = SAMPLE_FEATURES.map((f) => {
    const g = opts.altitude ? mapGeometry(f.geometry, (p) => [p[0], p[1], 0]) : f.geometry
    const polys = polygonsOf(g).map(kmlPolygon)
    const geom = polys.length === 1 ? polys[0] : `<MultiGeometry>${polys.join('')}</MultiGeometry>`
    return `<Placemark><name>${f.properties.NAME}</name><styleUrl>#s</styleUrl><ExtendedData><Data name="BEAT"><value>${f.properties.BEAT}</value></Data><Data name="AREA_NUM"><value>${f.properties.AREA_NUM}</value></Data></ExtendedData>${geom}</Placemark>`
  }).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n${opts.prologue ?? ''}<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Beats</name>\n${placemarks}\n${opts.extraPlacemarks ?? ''}</Document></kml>\n`
}

/** Ground distance in metres between two lon/lat points (haversine; plenty for centimetres at city scale). */
export function metresBetween(a: Position, b: Position): number {
  const R = 6371008.8
  const rad = Math.PI / 180
  const dLat = (b[1] - a[1]) * rad
  const dLon = (b[0] - a[0]) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}

/** Largest vertex-to-vertex distance between two geometries of identical structure; throws when the structure differs. */
export function maxVertexDistance(a: AreaGeometry, b: AreaGeometry): number {
  if (a.type !== b.type) throw new Error(`geometry types differ: ${a.type} vs ${b.type}`)
  const pa = polygonsOf(a)
  const pb = polygonsOf(b)
  if (pa.length !== pb.length) throw new Error(`polygon counts differ: ${pa.length} vs ${pb.length}`)
  let max = 0
  pa.forEach((rings, i) => {
    if (rings.length !== pb[i].length) throw new Error(`ring counts differ in polygon ${i}`)
    rings.forEach((ring, r) => {
      if (ring.length !== pb[i][r].length) throw new Error(`vertex counts differ in polygon ${i} ring ${r}`)
      ring.forEach((p, v) => {
        if (p.length !== 2 || pb[i][r][v].length !== 2) throw new Error('a position is not 2D')
        max = Math.max(max, metresBetween(p, pb[i][r][v]))
      })
    })
  })
  return max
}
