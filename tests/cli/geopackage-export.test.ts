import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gdal, ogrSummary, VALIDATE_GPKG } from '../helpers/gdal'
import { inProcess, tempDir } from './spawn-cli'

type Geo = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
interface Fc {
  features: { id?: string; properties: Record<string, any>; geometry: Geo }[]
}

const AREA_FIELDS = {
  id: 'String',
  name: 'String',
  commander_name: 'String',
  commander_rank: 'String',
  commander_email: 'String',
  commander_phone: 'String',
  version: 'Integer64',
  effective_date: 'Date',
}
const NEIGHBORHOOD_FIELDS = {
  id: 'String',
  name: 'String',
  area_id: 'String',
  area_name: 'String',
  commander_name: 'String',
  commander_rank: 'String',
  commander_email: 'String',
  commander_phone: 'String',
  officer_count: 'Integer64',
  officers: 'String',
  version: 'Integer64',
  effective_date: 'Date',
  department_name: 'String',
  department_phone: 'String',
  department_emergency: 'String',
}

const multi = (g: Geo): unknown => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)

let t: ReturnType<typeof tempDir>
let gpkg = ''
let nbJson: Fc
let areasJson: Fc

beforeAll(async () => {
  t = tempDir('acp-gpkg-export-')
  const db = join(t.dir, 'plan.sqlite')
  mkdirSync(join(t.dir, 'out'))
  gpkg = join(t.dir, 'out', 'plan.gpkg')
  expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
  const r = await inProcess('export', '--db', db, '--out', gpkg, '--date', '2025-07-01')
  expect(r).toMatchObject({ code: 0, err: '' })
  expect(r.out).toContain(`wrote ${gpkg}`)
  // The same plan as GeoJSON (the next version), for the counts and values to agree with.
  const geojson = join(t.dir, 'plan.geojson')
  expect((await inProcess('export', '--db', db, '--out', geojson, '--date', '2025-07-01')).code).toBe(0)
  nbJson = JSON.parse(readFileSync(geojson, 'utf8')) as Fc
  areasJson = JSON.parse(readFileSync(join(t.dir, 'plan.areas.geojson'), 'utf8')) as Fc
})
afterAll(() => t?.cleanup())

describe('export to GeoPackage', () => {
  it('writes one .gpkg and nothing beside it', () => {
    expect(readdirSync(join(t.dir, 'out'))).toEqual(['plan.gpkg'])
  })

  it('opens in ogrinfo without a warning: layers areas and neighborhoods, MultiPolygon in EPSG:4326, the GeoJSON counts and the public fields', () => {
    const r = gdal('ogrinfo', '-al', '-so', gpkg)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const layers = ogrSummary(r.out)
    expect(layers.map((l) => l.name)).toEqual(['areas', 'neighborhoods'])
    const [areas, nbs] = layers
    expect(areas).toMatchObject({ geometry: 'Multi Polygon', srs: 'EPSG:4326', featureCount: areasJson.features.length, fields: AREA_FIELDS })
    expect(nbs).toMatchObject({ geometry: 'Multi Polygon', srs: 'EPSG:4326', featureCount: nbJson.features.length, fields: NEIGHBORHOOD_FIELDS })
    expect(nbs.featureCount).toBe(19)
  })

  it("passes GDAL's GeoPackage conformance checker (validate_gpkg.py)", () => {
    if (!VALIDATE_GPKG) throw new Error('validate_gpkg.py not found; install python3-gdal (sudo apt-get install python3-gdal)')
    const r = spawnSync('python3', [VALIDATE_GPKG, gpkg], { encoding: 'utf8' })
    expect(r.stderr + r.stdout).toBe('')
    expect(r.status).toBe(0)
  })

  it('has a spatial index on both layers', () => {
    const r = gdal('ogrinfo', gpkg, '-sql', "SELECT HasSpatialIndex('areas','geom') AS a, HasSpatialIndex('neighborhoods','geom') AS n")
    expect(r.err).toBe('')
    expect(r.out).toMatch(/a \(Integer\) = 1/)
    expect(r.out).toMatch(/n \(Integer\) = 1/)
  })

  it('holds the published geometry and the public fields of every feature, as GDAL reads them', () => {
    const back = join(t.dir, 'back.geojson')
    const r = gdal('ogr2ogr', '-f', 'GeoJSON', back, gpkg, 'neighborhoods')
    expect(r.err).toBe('')
    const read = JSON.parse(readFileSync(back, 'utf8')) as Fc
    expect(read.features.map((f) => f.properties.id)).toEqual(nbJson.features.map((f) => f.id))
    read.features.forEach((f, i) => {
      const p = nbJson.features[i].properties
      expect(f.geometry.type).toBe('MultiPolygon')
      expect(f.geometry.coordinates).toEqual(multi(nbJson.features[i].geometry))
      expect(f.properties).toMatchObject({
        name: p.name,
        area_id: p.areaId,
        area_name: p.areaName,
        commander_name: p.commander?.name ?? null,
        commander_email: p.commander?.email ?? null,
        officer_count: p.officers.length,
        version: 1,
        effective_date: '2025-07-01',
        department_phone: p.department.nonEmergencyPhone,
      })
      for (const o of p.officers) expect(f.properties.officers).toContain(`${o.name}, ${o.email}, ${o.phone}`)
    })
  })

  it('has no private field of any officer', () => {
    const text = readFileSync(gpkg).toString('latin1')
    for (const word of ['employee', 'badge', 'personal', 'home_address', 'notes', 'shift']) expect(text.toLowerCase()).not.toContain(word)
  })
})
