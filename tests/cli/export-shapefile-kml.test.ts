import { unzipSync, zipSync } from 'fflate'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Position } from '../../src/shared/domain'
import { openDatabase } from '../../src/main/db/connection'
import { readKml } from '../../src/main/import/read-kml'
import { readCsvTable } from '../../src/shared/staffing/csv-rows'
import { gdal, ogrSummary } from '../helpers/gdal'
import { makeServices } from '../helpers/services'
import { ADMIN, seedPrivateMarkers } from '../unit/publish-service/helpers'
import { inProcess, tempDir } from './spawn-cli'

type Geo = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
interface Fc {
  features: { id?: string; properties: Record<string, any>; geometry: Geo }[]
}

const AREA_FIELDS = ['id', 'name', 'commander_name', 'commander_rank', 'commander_email', 'commander_phone', 'version', 'effective_date']
const NEIGHBORHOOD_FIELDS = [
  'id',
  'name',
  'area_id',
  'area_name',
  'commander_name',
  'commander_rank',
  'commander_email',
  'commander_phone',
  'officer_count',
  'officers',
  'cover_role',
  'cover_name',
  'cover_rank',
  'cover_email',
  'cover_phone',
  'version',
  'effective_date',
  'department_name',
  'department_phone',
  'department_emergency',
]
const NON_ASCII = 'Peña Heights'

/** The field names of each layer in `ogrinfo -al -so` output, in order ("name: Type (width.precision)"). */
function ogrFields(text: string): string[][] {
  return text
    .split(/^Layer name: /m)
    .slice(1)
    .map((block) => [...block.matchAll(/^(\w+): \w+ \(/gm)].map((m) => m[1]))
}

const polygons = (g: Geo): Position[][][] => (g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]))

function expectSameGeometry(got: Geo, want: Geo): void {
  const a = polygons(got)
  const b = polygons(want)
  expect(a.map((p) => p.map((r) => r.length))).toEqual(b.map((p) => p.map((r) => r.length)))
  a.forEach((p, i) => p.forEach((r, j) => r.forEach((pos, k) => {
    expect(Math.abs(pos[0] - b[i][j][k][0])).toBeLessThan(1e-7)
    expect(Math.abs(pos[1] - b[i][j][k][1])).toBeLessThan(1e-7)
  })))
}

let t: ReturnType<typeof tempDir>
let db = ''
let markers: string[] = []
let zip = ''
let kml = ''
let nbJson: Fc
let areasJson: Fc
let renamedId = ''

beforeAll(async () => {
  t = tempDir('acp-shp-kml-export-')
  db = join(t.dir, 'plan.sqlite')
  // The sample city, with a private marker in every private officer field and a name beyond ASCII.
  const s = makeServices({ dbPath: db })
  try {
    markers = seedPrivateMarkers(s)
    const nb = s.plans.load().neighborhoods[0]
    renamedId = nb.id
    s.changes.apply({ label: 'Rename', ops: [{ entity: 'neighborhood', id: nb.id, before: nb, after: { ...nb, name: NON_ASCII } }] }, ADMIN)
  } finally {
    s.cleanup()
  }
  const geojson = join(t.dir, 'out', 'plan.geojson')
  zip = join(t.dir, 'out', 'plan.shp.zip')
  kml = join(t.dir, 'out', 'plan.kml')
  expect((await inProcess('export', '--db', db, '--out', geojson, '--date', '2025-07-01')).code).toBe(0)
  const r = await inProcess('export', '--db', db, '--out', zip, '--date', '2025-07-01')
  expect(r).toMatchObject({ code: 0, err: '' })
  expect(r.out).toContain('Published version 2')
  expect(r.out).toContain(`wrote ${zip}\nwrote ${join(t.dir, 'out', 'plan.fields.csv')}`)
  const k = await inProcess('export', '--db', db, '--out', kml, '--date', '2025-07-01')
  expect(k).toMatchObject({ code: 0, err: '' })
  expect(k.out).toContain(`wrote ${kml}`)
  nbJson = JSON.parse(readFileSync(geojson, 'utf8')) as Fc
  areasJson = JSON.parse(readFileSync(join(t.dir, 'out', 'plan.areas.geojson'), 'utf8')) as Fc
})
afterAll(() => t?.cleanup())

describe('export to a zipped Shapefile', () => {
  it('writes the zip and the field mapping beside it', () => {
    expect(readdirSync(join(t.dir, 'out')).sort()).toEqual(['plan.areas.geojson', 'plan.fields.csv', 'plan.geojson', 'plan.kml', 'plan.shp.zip'])
  })

  it('opens in ogrinfo without a warning: both layers, the GeoJSON counts, the mapped field names, WGS 84', () => {
    const r = gdal('ogrinfo', '-ro', '-al', '-so', `/vsizip/${zip}`)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const layers = ogrSummary(r.out)
    const byName = Object.fromEntries(layers.map((l, i) => [l.name, { ...l, fields: ogrFields(r.out)[i] }]))
    expect(Object.keys(byName).sort()).toEqual(['areas', 'neighborhoods'])
    expect(byName.areas).toMatchObject({ geometry: 'Polygon', srs: 'EPSG:4326', featureCount: areasJson.features.length })
    expect(byName.neighborhoods).toMatchObject({ geometry: 'Polygon', srs: 'EPSG:4326', featureCount: nbJson.features.length })
    expect(byName.neighborhoods.featureCount).toBe(19)
    const mapping = readCsvTable(readFileSync(join(t.dir, 'out', 'plan.fields.csv'), 'utf8'), 'fields.csv').rows.map((row) => row.cells)
    expect(mapping.filter((m) => m[0] === 'areas').map((m) => m[1])).toEqual(AREA_FIELDS)
    expect(mapping.filter((m) => m[0] === 'neighborhoods').map((m) => m[1])).toEqual(NEIGHBORHOOD_FIELDS)
    for (const layer of ['areas', 'neighborhoods']) expect(byName[layer].fields).toEqual(mapping.filter((m) => m[0] === layer).map((m) => m[2]))
  })

  it('keeps a name beyond ASCII as UTF-8, read by GDAL', () => {
    const r = gdal('ogrinfo', '-ro', `/vsizip/${zip}`, 'neighborhoods', '-where', `id = '${renamedId}'`)
    expect(r.err).toBe('')
    expect(r.out).toContain(`name (String) = ${NON_ASCII}`)
    expect(r.out).toMatch(/Feature Count: 1|OGRFeature\(neighborhoods\):\d+/)
  })

  it('imports back as Area Commands and neighborhoods by their dBase names, with the same ids and geometry', async () => {
    const files = unzipSync(readFileSync(zip))
    // The importer takes one layer per zip, as departments hand them over.
    const layerZip = (layer: string): string => {
      const file = join(t.dir, `${layer}-only.zip`)
      writeFileSync(file, zipSync(Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith(`${layer}.`)))))
      return file
    }
    const back = join(t.dir, 'back.sqlite')
    expect((await inProcess('init', '--db', back)).code).toBe(0)
    const a = await inProcess('import', '--db', back, '--layer', 'areas', '--file', layerZip('areas'), '--id-field', 'id', '--name-field', 'name')
    expect(a.err).toBe('')
    expect(a.out).toContain('Imported 3 Area Commands')
    const n = await inProcess('import', '--db', back, '--layer', 'neighborhoods', '--file', layerZip('neighborhoods'), '--id-field', 'id', '--area-field', 'area_id', '--name-field', 'name')
    expect(n.err).toBe('')
    expect(n.out).toContain('Imported 19 neighborhoods')
    const d = openDatabase(back)
    try {
      const rows = d.prepare('SELECT id, name, area_id, geometry FROM neighborhoods ORDER BY id').all() as { id: string; name: string; area_id: string; geometry: string }[]
      const want = [...nbJson.features].sort((x, y) => (x.properties.id < y.properties.id ? -1 : 1))
      expect(rows.map((r) => [r.id, r.name, r.area_id])).toEqual(want.map((f) => [f.properties.id, f.properties.name, f.properties.areaId]))
      expect(rows.map((r) => r.name)).toContain(NON_ASCII)
      rows.forEach((r, i) => expectSameGeometry(JSON.parse(r.geometry) as Geo, want[i].geometry))
      const areas = d.prepare('SELECT id, geometry FROM areas ORDER BY id').all() as { id: string; geometry: string }[]
      const wantAreas = [...areasJson.features].sort((x, y) => (x.properties.id < y.properties.id ? -1 : 1))
      expect(areas.map((r) => r.id)).toEqual(wantAreas.map((f) => f.properties.id))
      areas.forEach((r, i) => expectSameGeometry(JSON.parse(r.geometry) as Geo, wantAreas[i].geometry))
    } finally {
      d.close()
    }
  })

  it('has no private field of any officer in the zip or the mapping', () => {
    const files = unzipSync(readFileSync(zip))
    const text = Object.values(files).map((b) => Buffer.from(b).toString('utf8')).join('\n') + readFileSync(join(t.dir, 'out', 'plan.fields.csv'), 'utf8')
    expect(markers.length).toBeGreaterThan(100)
    for (const m of markers) expect(text).not.toContain(m)
    expect(text).not.toContain('PRIVMARK')
  })
})

describe('export to KML', () => {
  it('opens in ogrinfo without a warning: both layers as folders, the GeoJSON counts, every public field, WGS 84', () => {
    const r = gdal('ogrinfo', '-ro', '-al', '-so', kml)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const layers = ogrSummary(r.out)
    const fields = ogrFields(r.out)
    expect(layers.map((l) => l.name)).toEqual(['areas', 'neighborhoods'])
    expect(layers.map((l) => l.featureCount)).toEqual([areasJson.features.length, nbJson.features.length])
    expect(layers.map((l) => l.srs)).toEqual(['EPSG:4326', 'EPSG:4326'])
    // GDAL shows the Placemark's <name> and the 'name' field as one 'Name'.
    const lower = fields.map((f) => f.map((x) => x.toLowerCase()))
    expect(lower[0]).toEqual(expect.arrayContaining(AREA_FIELDS))
    expect(lower[1]).toEqual(expect.arrayContaining(NEIGHBORHOOD_FIELDS))
  })

  it('keeps a name beyond ASCII as UTF-8, read by GDAL', () => {
    const r = gdal('ogrinfo', '-ro', kml, 'neighborhoods', '-where', `id = '${renamedId}'`)
    expect(r.err).toBe('')
    expect(r.out).toContain(`Name (String) = ${NON_ASCII}`)
  })

  it('imports back through the KML reader with the same ids, names and geometry', () => {
    const layer = readKml('plan.kml', readFileSync(kml))
    const want = [...areasJson.features, ...nbJson.features]
    expect(layer.features.map((f) => f.properties.id)).toEqual(want.map((f) => f.properties.id))
    expect(layer.features.map((f) => f.properties.name)).toEqual(want.map((f) => f.properties.name))
    expect(layer.features.map((f) => f.properties.name)).toContain(NON_ASCII)
    layer.features.forEach((f, i) => expectSameGeometry(f.geometry as Geo, want[i].geometry))
  })

  it('has no private field of any officer', () => {
    const text = readFileSync(kml, 'utf8')
    for (const m of markers) expect(text).not.toContain(m)
    expect(text).not.toContain('PRIVMARK')
  })
})
