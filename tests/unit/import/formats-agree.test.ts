import proj4 from 'proj4'
import { describe, expect, it } from 'vitest'
import { parseLayerBuffer } from '../../../src/main/import/parse-layer'
import { quantize } from '../../../src/shared/domain/geometry'
import { mapGeometry, maxVertexDistance, sampleGeoJson, sampleKml, sampleShapefileZip, SAMPLE_FEATURES, toStatePlaneFeet } from './helpers/sample-layer'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('the same layer as GeoJSON, zipped Shapefile and KML', () => {
  it('reads GeoJSON as WGS84 with both units and their attributes', async () => {
    const layer = await parseLayerBuffer('beats.geojson', bytes(sampleGeoJson()))
    expect(layer).toMatchObject({ file: 'beats.geojson', format: 'geojson', crs: 'EPSG:4326', fields: ['BEAT', 'NAME', 'AREA_NUM'] })
    expect(layer.features.map((f) => f.properties.BEAT)).toEqual(['0411', '0412'])
    layer.features.forEach((f, i) => expect(maxVertexDistance(f.geometry, SAMPLE_FEATURES[i].geometry)).toBe(0))
    expect(layer.notices).toEqual([])
  })

  it('reprojects a Shapefile in California State Plane III feet (EPSG:2227, from its .prj) onto the GeoJSON geometry within 1 cm', async () => {
    const geo = await parseLayerBuffer('beats.geojson', bytes(sampleGeoJson()))
    const shp = await parseLayerBuffer('beats.zip', sampleShapefileZip())
    expect(shp.format).toBe('shapefile')
    expect(shp.crs).toBe('NAD_1983_StatePlane_California_III_FIPS_0403_Feet')
    expect(shp.fields).toEqual(['BEAT', 'NAME', 'AREA_NUM'])
    expect(shp.features.map((f) => f.properties)).toEqual(SAMPLE_FEATURES.map((f) => f.properties))
    for (let i = 0; i < geo.features.length; i++) {
      expect(maxVertexDistance(shp.features[i].geometry, geo.features[i].geometry)).toBeLessThan(0.01)
    }
  })

  it('really converts from feet: the stored Shapefile coordinates are in the millions', () => {
    const [x, y] = toStatePlaneFeet([-121.76, 37.69])
    // Livermore sits ~364,000 ft west of the zone's central meridian and ~433,000 ft north of its origin.
    expect(x).toBeGreaterThan(6_100_000)
    expect(x).toBeLessThan(6_300_000)
    expect(y).toBeGreaterThan(2_000_000)
    expect(y).toBeLessThan(2_150_000)
  })

  it('reads KML (ExtendedData attributes, MultiGeometry as a multi-part unit) onto the GeoJSON geometry within 1 cm', async () => {
    const geo = await parseLayerBuffer('beats.geojson', bytes(sampleGeoJson()))
    const kml = await parseLayerBuffer('beats.kml', bytes(sampleKml()))
    expect(kml.format).toBe('kml')
    expect(kml.fields).toEqual(['name', 'BEAT', 'AREA_NUM'])
    expect(kml.features.map((f) => [f.properties.name, f.properties.BEAT])).toEqual([
      ['Downtown', '0411'],
      ['Springtown', '0412'],
    ])
    for (let i = 0; i < geo.features.length; i++) {
      expect(maxVertexDistance(kml.features[i].geometry, geo.features[i].geometry)).toBeLessThan(0.01)
    }
    expect(kml.notices).toEqual([])
  })

  it('reprojects a GeoJSON whose legacy crs member names EPSG:2227', async () => {
    const projected = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2227' } },
      features: SAMPLE_FEATURES.map((f) => ({ type: 'Feature', properties: f.properties, geometry: mapGeometry(f.geometry, toStatePlaneFeet) })),
    }
    const layer = await parseLayerBuffer('beats.geojson', bytes(JSON.stringify(projected)))
    expect(layer.crs).toBe('EPSG:2227')
    layer.features.forEach((f, i) => expect(maxVertexDistance(f.geometry, SAMPLE_FEATURES[i].geometry)).toBeLessThan(0.01))
  })

  it('uses the coordinate system the user picks for a Shapefile without .prj, and says the file had none', async () => {
    const zip = sampleShapefileZip({ prj: null })
    const layer = await parseLayerBuffer('beats.zip', zip, { crs: 'EPSG:2227' })
    expect(layer.crs).toBe('EPSG:2227')
    expect(layer.notices).toEqual(['beats.zip has no .prj; its coordinates were read as EPSG:2227'])
    layer.features.forEach((f, i) => expect(maxVertexDistance(f.geometry, SAMPLE_FEATURES[i].geometry)).toBeLessThan(0.01))
  })

  it('accepts the user-picked CRS as a proj4 string too', async () => {
    const layer = await parseLayerBuffer('beats.zip', sampleShapefileZip({ prj: null }), {
      crs: '+proj=lcc +lat_0=36.5 +lon_0=-120.5 +lat_1=38.43333333333333 +lat_2=37.06666666666667 +x_0=2000000.0001016 +y_0=500000.0001016 +ellps=GRS80 +units=us-ft +no_defs',
    })
    layer.features.forEach((f, i) => expect(maxVertexDistance(f.geometry, SAMPLE_FEATURES[i].geometry)).toBeLessThan(0.01))
  })

  it('reads a Shapefile in UTM zone 10 (EPSG:26910) picked by the user', async () => {
    const zip = sampleShapefileZip({ prj: null, project: utm })
    const layer = await parseLayerBuffer('beats.zip', zip, { crs: 'EPSG:26910' })
    layer.features.forEach((f, i) => expect(maxVertexDistance(f.geometry, SAMPLE_FEATURES[i].geometry)).toBeLessThan(0.01))
  })

  it('quantizes output to the 1e-9° grid, so shared vertices are bit-identical', async () => {
    const off = { type: 'Polygon', coordinates: [[[-121.7600000000499, 37.690000000500001], [-121.75, 37.69], [-121.75, 37.7], [-121.7600000000499, 37.690000000500001]]] }
    const layer = await parseLayerBuffer('one.geojson', bytes(JSON.stringify(off)))
    const ring = (layer.features[0].geometry as { coordinates: number[][][] }).coordinates[0]
    expect(ring[0]).toEqual([quantize(-121.7600000000499), quantize(37.690000000500001)])
    expect(ring[0]).toEqual([-121.76, 37.690000001])
  })
})

function utm(p: number[]): number[] {
  return proj4('EPSG:4326', '+proj=utm +zone=10 +ellps=GRS80 +units=m +no_defs').forward([p[0], p[1]])
}
