import Database from 'better-sqlite3'
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gdal } from '../helpers/gdal'
import { dumpPlan, inProcess, REPO, tempDir } from './spawn-cli'

let t: ReturnType<typeof tempDir>
/** Our own export of the sample city: a GeoPackage with two layers, areas and neighborhoods. */
let twoLayers = ''
const sample = join(REPO, 'resources/geo')

const square = (x: number, y: number, d = 0.01) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
]

/** A GeoJSON file turned into a GeoPackage by GDAL, with extra ogr2ogr options (-nlt, -dim, -t_srs). */
function gpkgFrom(name: string, features: object[], ...opts: string[]): string {
  const src = join(t.dir, `${name}.geojson`)
  writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features }))
  const out = join(t.dir, `${name}.gpkg`)
  const r = gdal('ogr2ogr', '-f', 'GPKG', ...opts, out, src)
  expect(r.err).toBe('')
  return out
}

const areaSquares = () => [
  { type: 'Feature', properties: { AREA: 'A1', LABEL: 'North' }, geometry: { type: 'Polygon', coordinates: square(-121.8, 37.7) } },
  { type: 'Feature', properties: { AREA: 'A2', LABEL: 'South' }, geometry: { type: 'MultiPolygon', coordinates: [square(-121.8, 37.69)] } },
]

async function freshPlan(name: string): Promise<string> {
  const db = join(t.dir, `${name}.sqlite`)
  expect((await inProcess('init', '--db', db)).code).toBe(0)
  return db
}

/** A refused import: exit 2, one line on stderr, the plan exactly as before. */
async function refused(db: string, ...args: string[]): Promise<string> {
  const before = dumpPlan(db)
  const r = await inProcess('import', '--db', db, ...args)
  expect(r.code).toBe(2)
  expect(r.out).toBe('')
  expect(r.err.split('\n')).toHaveLength(1)
  expect(dumpPlan(db)).toEqual(before)
  return r.err
}

beforeAll(async () => {
  t = tempDir('acp-gpkg-import-')
  const db = join(t.dir, 'sample.sqlite')
  expect((await inProcess('init', '--db', db, '--sample')).code).toBe(0)
  twoLayers = join(t.dir, 'published.gpkg')
  expect((await inProcess('export', '--db', db, '--out', twoLayers)).code).toBe(0)
})
afterAll(() => t?.cleanup())

describe('import from GeoPackage', () => {
  it('reads a layer GDAL wrote, with its attributes and lon/lat SRS, and leaves no file beside it', async () => {
    const file = gpkgFrom('squares', areaSquares())
    const db = await freshPlan('squares')
    const r = await inProcess('import', '--db', db, '--layer', 'areas', '--file', file, '--id-field', 'AREA', '--name-field', 'LABEL')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Imported 2 Area Commands from squares\.gpkg \(replace\): 2 added/)
    const areas = dumpPlan(db).areas as { id: string; name: string }[]
    expect(areas.map((a) => [a.id, a.name])).toEqual([
      ['A1', 'North'],
      ['A2', 'South'],
    ])
    expect(readdirSync(t.dir).filter((f) => f.startsWith('squares.gpkg'))).toEqual(['squares.gpkg'])
  })

  it('reads back both layers of our own export, chosen with --gpkg-layer', async () => {
    const db = await freshPlan('roundtrip')
    const a = await inProcess('import', '--db', db, '--layer', 'areas', '--file', twoLayers, '--gpkg-layer', 'areas', '--id-field', 'id', '--name-field', 'name')
    expect(a.err).toBe('')
    const n = await inProcess('import', '--db', db, '--layer', 'neighborhoods', '--file', twoLayers, '--gpkg-layer', 'neighborhoods', '--id-field', 'id', '--area-field', 'area_id', '--name-field', 'name')
    expect(n.err).toBe('')
    expect(n.out).toMatch(/^Imported 19 neighborhoods from published\.gpkg/)
    const plan = dumpPlan(db)
    const original = dumpPlan(join(t.dir, 'sample.sqlite'))
    const pairs = (rows: unknown[]) => (rows as { id: string; name: string }[]).map((r) => `${r.id} ${r.name}`).sort()
    expect(pairs(plan.areas)).toEqual(pairs(original.areas))
    expect(pairs(plan.neighborhoods)).toEqual(pairs(original.neighborhoods))
  })

  it('reads an SRS that is not an EPSG code from its WKT definition (ESRI:102671, Illinois East in US feet)', async () => {
    const chicagoSquares = areaSquares().map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: square(-87.7, 41.8) } }))
    const file = gpkgFrom('esri', chicagoSquares, '-t_srs', 'ESRI:102671')
    expect(gdal('ogrinfo', '-so', file, 'esri').out).toContain('NAD_1983_StatePlane_Illinois_East_FIPS_1201_Feet')
    const db = await freshPlan('esri')
    const r = await inProcess('import', '--db', db, '--layer', 'areas', '--file', file, '--id-field', 'AREA')
    expect(r.err).toBe('')
    const stored = JSON.parse((dumpPlan(db).areas as { geometry: string }[])[0].geometry) as { coordinates: number[][][] }
    stored.coordinates[0].forEach((p, i) => {
      expect(p[0]).toBeCloseTo(square(-87.7, 41.8)[0][i][0], 7)
      expect(p[1]).toBeCloseTo(square(-87.7, 41.8)[0][i][1], 7)
    })
  })

  it("uses the file's own definition for an EPSG code the registry lacks, with a notice", async () => {
    const chicagoSquares = areaSquares().map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: square(-87.7, 41.8) } }))
    const file = gpkgFrom('unlisted', chicagoSquares, '-t_srs', 'ESRI:102671')
    // The same WKT, filed under an EPSG code that does not exist.
    const g = new Database(file)
    g.prepare("UPDATE gpkg_spatial_ref_sys SET organization = 'EPSG', organization_coordsys_id = 999999 WHERE srs_id = 102671").run()
    g.close()
    const db = await freshPlan('unlisted')
    const r = await inProcess('import', '--db', db, '--layer', 'areas', '--file', file, '--id-field', 'AREA')
    expect(r.err).toBe('')
    expect(r.out).toContain("notice: unlisted.gpkg: EPSG:999999 is not in the planner's coordinate system registry; the definition stored in the file was used")
    const stored = JSON.parse((dumpPlan(db).areas as { geometry: string }[])[0].geometry) as { coordinates: number[][][] }
    expect(stored.coordinates[0][0][0]).toBeCloseTo(-87.7, 7)
    expect(stored.coordinates[0][0][1]).toBeCloseTo(41.8, 7)
  })

  it('drops Z and M values with a notice', async () => {
    for (const dim of ['XYZ', 'XYM', 'XYZM']) {
      const file = gpkgFrom(`dim-${dim}`, areaSquares(), '-dim', dim)
      const db = await freshPlan(`dim-${dim}`)
      const r = await inProcess('import', '--db', db, '--layer', 'areas', '--file', file, '--id-field', 'AREA')
      expect(r.err).toBe('')
      expect(r.out).toContain(`notice: dim-${dim}.gpkg: 2 features have 3D coordinates; the Z (and M) values were dropped`)
    }
  })

  it('refuses a file with several layers and no --gpkg-layer, naming the layers', async () => {
    const err = await refused(await freshPlan('several'), '--layer', 'areas', '--file', twoLayers, '--id-field', 'id')
    expect(err).toBe('published.gpkg holds 2 feature layers (areas, neighborhoods); choose the one to import with --gpkg-layer <name>')
  })

  it('refuses a --gpkg-layer the file does not hold, listing the ones it does', async () => {
    const err = await refused(await freshPlan('unknown'), '--layer', 'areas', '--file', twoLayers, '--id-field', 'id', '--gpkg-layer', 'beats')
    expect(err).toBe("published.gpkg has no feature layer named beats; its layers are areas, neighborhoods")
  })

  it('refuses a point layer, naming it', async () => {
    const points = [{ type: 'Feature', properties: { AREA: 'A1' }, geometry: { type: 'Point', coordinates: [-121.8, 37.7] } }]
    const file = gpkgFrom('stations', points)
    const err = await refused(await freshPlan('points'), '--layer', 'areas', '--file', file, '--id-field', 'AREA')
    expect(err).toBe('stations.gpkg: layer stations holds POINT geometries; only Polygon and MultiPolygon layers can be imported')
  })

  it('refuses curved polygons, naming the feature', async () => {
    const file = gpkgFrom('curves', areaSquares(), '-nlt', 'CURVEPOLYGON')
    const err = await refused(await freshPlan('curves'), '--layer', 'areas', '--file', file, '--id-field', 'AREA')
    expect(err).toBe(
      'curves.gpkg: layer curves, feature 0 (fid 1) is a CurvePolygon; only Polygon and MultiPolygon layers can be imported (curves cannot be stored; convert them to straight segments, e.g. ogr2ogr -nlt MULTIPOLYGON)',
    )
  })

  it('refuses an SQLite database that is not a GeoPackage', async () => {
    const file = join(t.dir, 'plan-copy.gpkg')
    copyFileSync(join(t.dir, 'sample.sqlite'), file)
    const err = await refused(await freshPlan('not-gpkg'), '--layer', 'areas', '--file', file, '--id-field', 'id')
    expect(err).toBe('plan-copy.gpkg is an SQLite database but not a GeoPackage: it has no gpkg_contents or gpkg_geometry_columns table')
  })

  it('refuses a .gpkg that is not SQLite at all', async () => {
    const file = join(t.dir, 'text.gpkg')
    writeFileSync(file, 'x'.repeat(4096))
    const err = await refused(await freshPlan('text'), '--layer', 'areas', '--file', file, '--id-field', 'id')
    expect(err).toMatch(/^text\.gpkg could not be read as a GeoPackage: file is not a database$/)
  })

  it('refuses --gpkg-layer for a file that is not a GeoPackage', async () => {
    const err = await refused(await freshPlan('flag'), '--layer', 'areas', '--file', join(sample, 'areas.geojson'), '--id-field', 'id', '--gpkg-layer', 'areas')
    expect(err).toBe('areas.geojson is not a GeoPackage, so it has no layer areas to choose; a layer name applies to .gpkg files only')
  })
})
