import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/shared/domain'
import { gdal } from '../helpers/gdal'
import { CHICAGO, chicagoPresent, chicagoSkip, inProcess, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-gpkg-chicago-')
afterAll(() => tmp.cleanup())

interface Report {
  summary: { errors: number; warnings: number; blocking: boolean; byKind: Record<string, number> }
  findings: Finding[]
}

/** A fresh plan with the districts as areas and the beats as neighborhoods, and its validate --json. */
async function importAndValidate(name: string, districts: string, beats: string): Promise<Report> {
  const db = join(tmp.dir, `${name}.sqlite`)
  expect((await inProcess('init', '--db', db)).code).toBe(0)
  const a = await inProcess('import', '--db', db, '--layer', 'areas', '--file', districts, '--id-field', 'DIST_NUM', '--name-field', 'DIST_LABEL')
  expect(a.err).toBe('')
  expect(a.out).toMatch(/^Imported 23 Area Commands /)
  const b = await inProcess('import', '--db', db, '--layer', 'neighborhoods', '--file', beats, '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT')
  expect(b.err).toBe('')
  // EPSG:3435 is read by its code from the registry, not from the WKT the file also carries.
  for (const r of [a, b]) expect(r.out).not.toContain('registry')
  expect(b.out).toMatch(/^Imported 275 neighborhoods /)
  const v = await inProcess('validate', '--db', db, '--json')
  expect(v.code).toBe(1)
  return JSON.parse(v.out) as Report
}

const key = (f: Finding): string => JSON.stringify([f.kind, f.severity, f.sliver, f.areaIds, f.neighborhoodIds, f.officerIds])

describe.skipIf(!chicagoPresent)('a GeoPackage in EPSG:3435 written by ogr2ogr from the Chicago data', () => {
  it('imports and validates with the same findings as the GeoJSON import', async () => {
    const gpkg = (layer: string) => {
      const out = join(tmp.dir, `${layer}.gpkg`)
      const r = gdal('ogr2ogr', '-f', 'GPKG', '-t_srs', 'EPSG:3435', out, join(CHICAGO, `${layer}.geojson`))
      expect(r.err).toBe('')
      // The file really is in Illinois East (US feet), so the import had to reproject it.
      expect(gdal('ogrinfo', '-so', out, layer).out).toMatch(/ID\["EPSG",3435\]\]\s*Data axis/)
      return out
    }
    const fromJson = await importAndValidate('geojson', join(CHICAGO, 'districts.geojson'), join(CHICAGO, 'beats.geojson'))
    const fromGpkg = await importAndValidate('gpkg', gpkg('districts'), gpkg('beats'))

    expect(fromGpkg.summary).toMatchObject({ errors: fromJson.summary.errors, blocking: true, byKind: fromJson.summary.byKind })
    expect(fromGpkg.findings.map(key).sort()).toEqual(fromJson.findings.map(key).sort())
    // The one blocking finding, beat 0411 outside District 4 by about 140 m², the same to within reprojection rounding.
    const blocking = (r: Report) => r.findings.filter((f) => f.severity === 'error')
    expect(blocking(fromGpkg).map((f) => [f.kind, f.neighborhoodIds])).toEqual([['outside-area', ['0411']]])
    const byKey = new Map(fromJson.findings.map((f) => [key(f), f]))
    for (const f of fromGpkg.findings) {
      const g = byKey.get(key(f))!
      expect(Math.abs(f.areaM2 - g.areaM2)).toBeLessThanOrEqual(Math.max(0.01, g.areaM2 * 1e-3))
      if (g.widthM !== undefined) expect(Math.abs(f.widthM! - g.widthM)).toBeLessThanOrEqual(0.01)
    }
  }, 240_000)
})
