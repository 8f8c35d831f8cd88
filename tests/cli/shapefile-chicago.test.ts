import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/shared/domain'
import { gdal } from '../helpers/gdal'
import { CHICAGO, chicagoPresent, chicagoSkip, inProcess, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-shp-chicago-')
afterAll(() => tmp.cleanup())

interface Report {
  summary: { errors: number; warnings: number; blocking: boolean; byKind: Record<string, number> }
  findings: Finding[]
}

/** A fresh plan with the districts as areas and the beats as neighborhoods, and its validate --json. */
async function importAndValidate(name: string, districts: string, beats: string, extra: string[] = []): Promise<Report> {
  const db = join(tmp.dir, `${name}.sqlite`)
  expect((await inProcess('init', '--db', db)).code).toBe(0)
  const a = await inProcess('import', '--db', db, '--layer', 'areas', '--file', districts, '--id-field', 'DIST_NUM', '--name-field', 'DIST_LABEL', ...extra)
  expect(a.err).toBe('')
  expect(a.out).toMatch(/^Imported 23 Area Commands /)
  const b = await inProcess('import', '--db', db, '--layer', 'neighborhoods', '--file', beats, '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT', ...extra)
  expect(b.err).toBe('')
  expect(b.out).toMatch(/^Imported 275 neighborhoods /)
  const v = await inProcess('validate', '--db', db, '--json')
  expect(v.code).toBe(1)
  return JSON.parse(v.out) as Report
}

/** `ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:3435` of a Chicago layer, zipped as an agency would send it (optionally without its .prj). */
function shapefileZip(layer: string, withPrj: boolean): string {
  const dir = join(tmp.dir, `${layer}-shp`)
  const r = gdal('ogr2ogr', '-f', 'ESRI Shapefile', '-t_srs', 'EPSG:3435', '-overwrite', dir, join(CHICAGO, `${layer}.geojson`))
  expect(r.err).toBe('')
  const files = readdirSync(dir).filter((f) => f.startsWith(`${layer}.`))
  expect(files).toContain(`${layer}.prj`)
  // The file really is in Illinois East (US survey feet), named the way ESRI names it, so the import has to reproject it.
  expect(readFileSync(join(dir, `${layer}.prj`), 'utf8')).toMatch(/^PROJCS\["NAD_1983_StatePlane_Illinois_East_FIPS_1201_Feet".*UNIT\["US survey foot",0\.3048006/)
  const zip = join(tmp.dir, `${layer}${withPrj ? '' : '-no-prj'}.zip`)
  writeFileSync(zip, zipSync(Object.fromEntries(files.filter((f) => withPrj || !f.endsWith('.prj')).map((f) => [basename(f), readFileSync(join(dir, f))]))))
  return zip
}

const key = (f: Finding): string => JSON.stringify([f.kind, f.severity, f.sliver, f.areaIds, f.neighborhoodIds, f.officerIds])

function expectSameFindings(got: Report, want: Report): void {
  expect(got.summary).toMatchObject({ errors: want.summary.errors, blocking: true, byKind: want.summary.byKind })
  expect(got.findings.map(key).sort()).toEqual(want.findings.map(key).sort())
  expect(got.findings.filter((f) => f.severity === 'error').map((f) => [f.kind, f.neighborhoodIds])).toEqual([['outside-area', ['0411']]])
  const byKey = new Map(want.findings.map((f) => [key(f), f]))
  for (const f of got.findings) {
    const g = byKey.get(key(f))!
    // Figures within 1 % (and a hundredth of a square metre / a centimetre for the tiniest slivers).
    expect(Math.abs(f.areaM2 - g.areaM2)).toBeLessThanOrEqual(Math.max(0.01, g.areaM2 * 0.01))
    if (g.widthM !== undefined) expect(Math.abs(f.widthM! - g.widthM)).toBeLessThanOrEqual(Math.max(0.01, g.widthM * 0.01))
  }
}

describe.skipIf(!chicagoPresent)('a Shapefile in EPSG:3435 written by ogr2ogr from the Chicago data', () => {
  let fromJson: Report
  beforeAll(async () => {
    fromJson = await importAndValidate('geojson', join(CHICAGO, 'districts.geojson'), join(CHICAGO, 'beats.geojson'))
  }, 300_000)

  it('imports from its .prj (ESRI WKT) and validates with the same findings as the GeoJSON import', async () => {
    const fromShp = await importAndValidate('shp', shapefileZip('districts', true), shapefileZip('beats', true))
    expectSameFindings(fromShp, fromJson)
  }, 300_000)

  it('without its .prj, imports with --crs EPSG:3435 from the registry to the same findings', async () => {
    const fromCode = await importAndValidate('shp-code', shapefileZip('districts', false), shapefileZip('beats', false), ['--crs', 'EPSG:3435'])
    expectSameFindings(fromCode, fromJson)
  }, 300_000)

  it('without its .prj, refuses --crs EPSG:99999 naming the code, and leaves the plan as it was (exit 2)', async () => {
    const db = join(tmp.dir, 'refused.sqlite')
    expect((await inProcess('init', '--db', db)).code).toBe(0)
    const r = await inProcess('import', '--db', db, '--layer', 'areas', '--file', shapefileZip('districts', false), '--id-field', 'DIST_NUM', '--crs', 'EPSG:99999')
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toBe(
      'districts-no-prj.zip: the chosen coordinate system EPSG:99999 is not a coordinate system this app knows (it is not in the EPSG registry); check the code, or choose the coordinate system by its proj4 definition or WKT instead',
    )
    expect((await inProcess('validate', '--db', db)).out).toMatch(/^Plan: no city limit, 0 Area Commands, 0 neighborhoods/)
  })
})
