import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gdal } from '../../helpers/gdal'
import { openServices } from '../../helpers/services-per-test'
import { makeServices } from '../../helpers/services'
import proj4 from 'proj4'
import { epsgRecord } from '../../../src/main/import/epsg-registry'

const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o))
const streets = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'First St' }, geometry: { type: 'LineString', coordinates: [[-121.77, 37.68], [-121.76, 37.685], [-121.75, 37.69]] } },
    { type: 'Feature', properties: { name: 'Second St' }, geometry: { type: 'MultiLineString', coordinates: [[[-121.77, 37.67], [-121.76, 37.672]], [[-121.75, 37.675], [-121.74, 37.68]]] } },
    { type: 'Feature', properties: { name: 'a hydrant' }, geometry: { type: 'Point', coordinates: [-121.76, 37.68] } },
  ],
}

const tmp = mkdtempSync(join(tmpdir(), 'acp-ref-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The streets written by GDAL in California State Plane III (US feet), as a department's GIS would hand them over. */
function viaGdal(format: 'ESRI Shapefile' | 'GPKG', out: string): Uint8Array {
  writeFileSync(join(tmp, 'streets.geojson'), JSON.stringify({ ...streets, features: streets.features.slice(0, 2) }))
  const r = gdal('ogr2ogr', '-f', format, '-t_srs', 'EPSG:2227', join(tmp, out), join(tmp, 'streets.geojson'))
  expect(r.code, r.err).toBe(0)
  return new Uint8Array(readFileSync(join(tmp, out)))
}

describe('reference layers', () => {
  it('imports a street layer from GeoJSON, keeps its lines exactly, leaves points out and says so', async () => {
    const { dispatch } = openServices({ seed: true })
    const r = (await dispatch('reference:import', { file: { name: 'Streets.geojson', bytes: enc(streets) } })) as { ok: true; value: { layer: { name: string; kind: string; features: number; vertices: number; visible: boolean }; shapes: { geometries: unknown[] }; notices: string[] } }
    expect(r.ok).toBe(true)
    expect(r.value.layer).toMatchObject({ name: 'Streets', kind: 'lines', features: 2, vertices: 7, visible: true })
    expect(r.value.shapes.geometries[0]).toEqual(streets.features[0].geometry)
    expect(r.value.shapes.geometries[1]).toEqual(streets.features[1].geometry)
    expect(r.value.notices).toEqual(['Streets.geojson: 1 feature without lines or polygons (points or empty) were left out'])
  })

  it('is stored with the plan: listed, hidden, shown and removed, and still there after reopening', async () => {
    const { s, dispatch } = openServices({ seed: false })
    const first = s.references.import({ name: 'streets.geojson', bytes: enc(streets) })
    const parcels = { type: 'Polygon', coordinates: [[[-121.76, 37.68], [-121.759, 37.68], [-121.759, 37.681], [-121.76, 37.68]]] }
    const second = s.references.import({ name: 'parcels.json', bytes: enc(parcels) })
    expect(second.layer.kind).toBe('areas')
    expect(await dispatch('reference:setVisible', { id: first.layer.id, visible: false })).toMatchObject({ ok: true, value: { visible: false } })
    const again = makeServices({ dbPath: s.config.dbPath, seed: false })
    try {
      expect(again.references.list().map((l) => [l.name, l.visible])).toEqual([['streets', false], ['parcels', true]])
      expect(again.references.shapes(second.layer.id).geometries).toEqual([parcels])
    } finally {
      again.cleanup()
    }
    expect(await dispatch('reference:remove', { id: first.layer.id })).toEqual({ ok: true, value: { removed: first.layer.id } })
    expect(s.references.list().map((l) => l.name)).toEqual(['parcels'])
    expect(await dispatch('reference:shapes', { id: first.layer.id })).toMatchObject({ ok: false, error: { code: 'unknown-reference-layer' } })
    // Not part of the plan: nothing was written to its history.
    expect(s.repos.audit.recent(10)).toEqual([])
  })

  it.each([
    ['a zipped Shapefile', 'ESRI Shapefile', 'streets.shp.zip'],
    ['a GeoPackage', 'GPKG', 'streets.gpkg'],
  ] as const)('reads street centerlines from %s in State Plane feet back onto the same places', (_what, format, out) => {
    const { s } = openServices({ seed: false })
    const bytes = viaGdal(format, out)
    const r = s.references.import({ name: out.replace('.shp.zip', '.zip'), bytes })
    expect(r.layer.kind).toBe('lines')
    const first = r.shapes.geometries[0]
    expect(first.type).toBe('LineString')
    const coords = first.coordinates as number[][]
    expect(coords).toHaveLength(3)
    const written = streets.features[0].geometry.coordinates as number[][]
    coords.forEach((c, i) => {
      expect(c[0]).toBeCloseTo(written[i][0], 6)
      expect(c[1]).toBeCloseTo(written[i][1], 6)
    })
    expect(r.shapes.geometries[1].type).toBe('MultiLineString')
  })

  it('refuses a file that is not a layer, naming it, and a projected file without a coordinate system, naming the feature', async () => {
    const { dispatch } = openServices({ seed: false })
    expect(await dispatch('reference:import', { file: { name: 'streets.kml', bytes: new TextEncoder().encode('<kml></kml>') } })).toMatchObject({
      ok: false,
      error: { message: 'streets.kml: a reference layer is read from GeoJSON, a zipped Shapefile or a GeoPackage, not KML' },
    })
    const projected = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[6_150_000, 2_050_000], [6_151_000, 2_050_500]] } }
    expect(await dispatch('reference:import', { file: { name: 'feet.geojson', bytes: enc(projected) } })).toMatchObject({
      ok: false,
      error: { code: 'projected-no-crs', message: expect.stringContaining('feet.geojson: coordinates look projected (e.g. 6,150,000, 2,050,000 at feature 0)') },
    })
  })

  it('reads projected streets without a coordinate system in the system the plan\'s own layers came in, and says so', async () => {
    const { s } = openServices({ seed: false })
    const def = epsgRecord(2227)!.proj4!
    s.settings.setProjectedCrs({ code: 'EPSG:2227', proj4: def })
    // First Street in California State Plane III (US feet), as a file without its .prj would hold it.
    const feet = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [proj4('EPSG:4326', def, [-121.77, 37.68]), proj4('EPSG:4326', def, [-121.76, 37.685])] } }
    const r = s.references.import({ name: 'streets.geojson', bytes: enc(feet) })
    const [lon, lat] = (r.shapes.geometries[0].coordinates as number[][])[0]
    expect(lon).toBeCloseTo(-121.77, 3)
    expect(lat).toBeCloseTo(37.68, 3)
    expect(r.notices[0]).toBe("streets.geojson names no coordinate system; its coordinates were read in EPSG:2227, the system the plan's own layers came in")
  })

  it('lets Administration add and remove reference layers and set the background file; a commander only shows or hides', async () => {
    const { s, dispatch } = openServices({ seed: true })
    const layer = s.references.import({ name: 'streets.geojson', bytes: enc(streets) }).layer
    s.session.setProfile({ role: 'commander', areaId: 'NE' })
    expect(await dispatch('reference:import', { file: { name: 'more.geojson', bytes: enc(streets) } })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only Administration adds reference layers; anyone may show or hide them.' } })
    expect(await dispatch('reference:remove', { id: layer.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await dispatch('tiles:setFile', { path: '/tmp/any.pmtiles' })).toMatchObject({ ok: false, error: { message: 'Only Administration changes the background map.' } })
    expect(await dispatch('reference:setVisible', { id: layer.id, visible: false })).toMatchObject({ ok: true, value: { visible: false } })
    expect(s.references.list()).toHaveLength(1)
  })
})
