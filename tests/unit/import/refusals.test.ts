import { describe, expect, it } from 'vitest'
import { ImportError, parseLayerBuffer } from '../../../src/main/import/parse-layer'
import { mapGeometry, sampleGeoJson, sampleKml, sampleShapefileZip, SAMPLE_FEATURES, toStatePlaneFeet } from './helpers/sample-layer'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const square = [[[-121.77, 37.68], [-121.76, 37.68], [-121.76, 37.69], [-121.77, 37.69], [-121.77, 37.68]]]
const poly = (coordinates: unknown = square) => ({ type: 'Polygon', coordinates })
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry })
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features })

async function refusal(name: string, data: Uint8Array | string, opts = {}): Promise<ImportError> {
  try {
    await parseLayerBuffer(name, typeof data === 'string' ? bytes(data) : data, opts)
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
    return e as ImportError
  }
  throw new Error(`${name} was accepted`)
}

describe('GeoJSON refusals name the file and the feature', () => {
  it('refuses malformed JSON with its line and column', async () => {
    const e = await refusal('beats.geojson', '{"type": "FeatureCollection",\n  "features": [ {"type": "Feature" "properties": {}} ]}')
    expect(e.code).toBe('malformed-json')
    expect(e.message).toMatch(/^beats\.geojson is not valid JSON: .+ at line 2, column 36 \(character 65\)$/)
    expect(e.details).toEqual({ file: 'beats.geojson', line: 2 })
  })

  it('refuses a truncated file', async () => {
    const e = await refusal('beats.geojson', sampleGeoJson().slice(0, 300))
    expect(e.code).toBe('malformed-json')
    expect(e.message).toMatch(/^beats\.geojson is not valid JSON: .*(truncated|Unterminated|end)/)
  })

  it('refuses a LineString feature, naming its index', async () => {
    const text = collection(feature(poly()), feature(poly()), feature(poly()), feature({ type: 'LineString', coordinates: [[0, 0], [1, 1]] }))
    const e = await refusal('beats.geojson', text)
    expect(e.code).toBe('not-polygon')
    expect(e.message).toBe('beats.geojson: feature 3 is a LineString; only Polygon and MultiPolygon layers can be imported')
    expect(e.details).toEqual({ file: 'beats.geojson', feature: 3 })
  })

  it('refuses a Point feature', async () => {
    const e = await refusal('beats.json', collection(feature({ type: 'Point', coordinates: [-121.7, 37.6] })))
    expect(e.message).toBe('beats.json: feature 0 is a Point; only Polygon and MultiPolygon layers can be imported')
  })

  it('refuses a GeometryCollection', async () => {
    const e = await refusal('beats.geojson', collection(feature(poly()), feature({ type: 'GeometryCollection', geometries: [poly()] })))
    expect(e.code).toBe('geometry-collection')
    expect(e.message).toMatch(/^beats\.geojson: feature 1 is a GeometryCollection; only Polygon and MultiPolygon layers can be imported/)
  })

  it('refuses a feature without geometry', async () => {
    const e = await refusal('beats.geojson', collection(feature(poly()), feature(null, { BEAT: '0412' })))
    expect(e.code).toBe('missing-geometry')
    expect(e.message).toBe('beats.geojson: feature 1 has no geometry')
  })

  it('refuses an empty layer', async () => {
    const e = await refusal('beats.geojson', collection())
    expect(e.code).toBe('empty-layer')
    expect(e.message).toBe('beats.geojson contains no features; there is nothing to import')
  })

  it('refuses an infinite coordinate (1e999 in the file)', async () => {
    const text = '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-121.7,37.6],[1e999,37.6],[-121.6,37.7],[-121.7,37.6]]]}}'
    const e = await refusal('beats.geojson', text)
    expect(e.code).toBe('bad-coordinate')
    expect(e.message).toBe('beats.geojson: feature 0 has a coordinate that is not a finite number (Infinity) at ring 0, vertex 1')
  })

  it('refuses a ring with fewer than 2 positions', async () => {
    const e = await refusal('beats.geojson', collection(feature({ type: 'MultiPolygon', coordinates: [square, [[[-121.7, 37.6]]]] })))
    expect(e.code).toBe('ring-too-short')
    expect(e.message).toBe('beats.geojson: feature 0, polygon 1, ring 0 has 1 position; that is not a polygon')
  })

  it('refuses projected coordinates when the file names no coordinate system', async () => {
    const projected = SAMPLE_FEATURES.map((f) => feature(mapGeometry(f.geometry, toStatePlaneFeet), f.properties))
    const e = await refusal('beats.geojson', collection(...projected))
    const [x, y] = toStatePlaneFeet(SAMPLE_FEATURES[0].geometry.coordinates[0][0] as number[])
    const fmt = (v: number) => Math.round(v).toLocaleString('en-US')
    expect(e.code).toBe('projected-no-crs')
    expect(e.message).toBe(
      `beats.geojson: coordinates look projected (e.g. ${fmt(x)}, ${fmt(y)} at feature 0) and the file names no coordinate system; choose the CRS it was exported in`,
    )
  })

  it('refuses an EPSG code it does not know, suggesting proj4 or WKT', async () => {
    const e = await refusal('beats.geojson', sampleGeoJson({ crs: { type: 'name', properties: { name: 'EPSG:99999' } } }))
    expect(e.code).toBe('unknown-crs')
    expect(e.message).toMatch(/^beats\.geojson: .*EPSG:99999 is not a coordinate system this app knows/)
  })

  it('refuses a file in a format it does not read', async () => {
    const e = await refusal('beats.csv', 'BEAT,NAME\n0411,Downtown\n')
    expect(e.code).toBe('unknown-format')
    expect(e.message).toMatch(/^beats\.csv is not a format the importer reads/)
  })
})

describe('accepted with notices, geometry kept as it is', () => {
  it('drops Z values with one notice counting the features', async () => {
    const z = (g: unknown) => JSON.parse(JSON.stringify(g), (k, v) => (Array.isArray(v) && typeof v[0] === 'number' ? [...v, 120.5] : v))
    const layer = await parseLayerBuffer('beats.geojson', bytes(collection(feature(z(poly())), feature(poly()), feature(z(poly())))))
    expect(layer.notices).toEqual(['beats.geojson: 2 features have 3D coordinates; the Z (and M) values were dropped'])
    expect(layer.features.every((f) => (f.geometry.coordinates as number[][][]).flat().every((p) => p.length === 2))).toBe(true)
  })

  it('drops KML altitudes with the same notice', async () => {
    const layer = await parseLayerBuffer('beats.kml', bytes(sampleKml({ altitude: true })))
    expect(layer.notices).toEqual(['beats.kml: 2 features have 3D coordinates; the Z (and M) values were dropped'])
  })

  it('drops Shapefile PolygonZ values with the same notice', async () => {
    const zip = sampleShapefileZip({ shapes: SAMPLE_FEATURES.map((f) => ({ kind: 'polygon' as const, polygons: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates, z: true })) })
    const layer = await parseLayerBuffer('beats.zip', zip)
    expect(layer.notices).toEqual(['beats.zip: 2 features have 3D coordinates; the Z (and M) values were dropped'])
  })

  it('winds rings as RFC 7946 asks (exterior counter-clockwise, holes clockwise), keeping every vertex', async () => {
    const cwShell = [[-121.77, 37.68], [-121.77, 37.69], [-121.76, 37.69], [-121.76, 37.68], [-121.77, 37.68]]
    const ccwHole = [[-121.768, 37.682], [-121.762, 37.682], [-121.762, 37.688], [-121.768, 37.688], [-121.768, 37.682]]
    const layer = await parseLayerBuffer('cw.geojson', bytes(collection(feature(poly([cwShell, ccwHole])))))
    expect(layer.features[0].geometry.coordinates).toEqual([[...cwShell].reverse(), [...ccwHole].reverse()])
    // Already wound the RFC 7946 way: untouched.
    const again = await parseLayerBuffer('ccw.geojson', bytes(collection(feature(poly(layer.features[0].geometry.coordinates)))))
    expect(again.features[0].geometry.coordinates).toEqual(layer.features[0].geometry.coordinates)
  })

  it('stores self-intersecting, unclosed and hole-outside-shell polygons unchanged for the validator', async () => {
    const bowtie = [[[-121.77, 37.68], [-121.76, 37.69], [-121.76, 37.68], [-121.77, 37.69], [-121.77, 37.68]]]
    const unclosed = [[[-121.77, 37.68], [-121.76, 37.68], [-121.76, 37.69]]]
    const holeOutside = [square[0], [[-121.5, 37.5], [-121.5, 37.51], [-121.49, 37.51], [-121.5, 37.5]]]
    const layer = await parseLayerBuffer('bad.geojson', bytes(collection(feature(poly(bowtie)), feature(poly(unclosed)), feature(poly(holeOutside)))))
    expect(layer.features.map((f) => f.geometry.coordinates)).toEqual([bowtie, unclosed, holeOutside])
  })
})

describe('Shapefile and KML refusals', () => {
  it('refuses a zip without a .shp, listing what it holds', async () => {
    const e = await refusal('beats.zip', sampleShapefileZip({ omit: ['shp'] }))
    expect(e.code).toBe('no-shp')
    expect(e.message).toMatch(/^beats\.zip holds no \.shp file \(it contains: .*beats\.dbf.*\)/)
  })

  it('refuses a zip whose .shp has no .dbf', async () => {
    const e = await refusal('beats.zip', sampleShapefileZip({ omit: ['dbf'] }))
    expect(e.code).toBe('no-dbf')
    expect(e.message).toMatch(/^beats\.zip: beats\.shp has no \.dbf beside it/)
  })

  it('refuses a .dbf whose record count differs from the .shp', async () => {
    const e = await refusal('beats.zip', sampleShapefileZip({ rows: [SAMPLE_FEATURES[0].properties] }))
    expect(e.code).toBe('record-count-mismatch')
    expect(e.message).toBe('beats.zip: beats.shp holds 2 shapes but beats.dbf holds 1 records; the two files do not belong together')
  })

  it('refuses a polyline Shapefile, naming the feature', async () => {
    const zip = sampleShapefileZip({ shapes: [{ kind: 'polyline', line: [[-121.77, 37.68], [-121.76, 37.69]] }, { kind: 'polyline', line: [[-121.77, 37.68], [-121.76, 37.69]] }] })
    const e = await refusal('beats.zip', zip)
    expect(e.message).toBe('beats.zip: feature 0 is a LineString; only Polygon and MultiPolygon layers can be imported')
  })

  it('refuses a Shapefile record with a null shape', async () => {
    const zip = sampleShapefileZip({ shapes: [{ kind: 'polygon', polygons: [square] }, { kind: 'null' }], project: (p) => p, prj: null })
    const e = await refusal('beats.zip', zip)
    expect(e.message).toBe('beats.zip: feature 1 has no geometry')
  })

  it('refuses a Shapefile with NaN coordinates', async () => {
    const nanSquare = [[[-121.77, 37.68], [NaN, 37.68], [-121.76, 37.69], [-121.77, 37.68]]]
    const zip = sampleShapefileZip({ shapes: [{ kind: 'polygon', polygons: [square] }, { kind: 'polygon', polygons: [nanSquare] }], project: (p) => p, prj: null })
    const e = await refusal('beats.zip', zip)
    expect(e.code).toBe('bad-coordinate')
    expect(e.message).toMatch(/^beats\.zip: feature 1 has a coordinate that is not a finite number \(NaN\)/)
  })

  it('refuses a bare .shp, asking for the zip', async () => {
    const e = await refusal('beats.shp', new Uint8Array([0, 0, 39, 10]))
    expect(e.code).toBe('shapefile-not-zipped')
  })

  it('refuses a KML with no polygons', async () => {
    const text = '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>HQ</name><Point><coordinates>-121.76,37.68</coordinates></Point></Placemark></Document></kml>'
    const e = await refusal('stations.kml', text)
    expect(e.code).toBe('no-polygons')
    expect(e.message).toMatch(/^stations\.kml has no polygons \(1 placemark, none with a Polygon\)/)
  })

  it('skips point placemarks beside polygons with a notice', async () => {
    const layer = await parseLayerBuffer('beats.kml', bytes(sampleKml({ extraPlacemarks: '<Placemark><name>HQ</name><Point><coordinates>-121.76,37.68</coordinates></Point></Placemark>' })))
    expect(layer.features).toHaveLength(2)
    expect(layer.notices).toEqual(['beats.kml: 1 placemark has no polygon (points or lines) and was skipped'])
  })

  it('refuses malformed XML with its line', async () => {
    const e = await refusal('beats.kml', '<?xml version="1.0"?>\n<kml><Document>\n<Placemark></Document></kml>')
    expect(e.code).toBe('malformed-kml')
    expect(e.message).toMatch(/^beats\.kml is not valid XML: .+ at line 3/)
  })
})
