import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gdal } from '../helpers/gdal'
import { CHICAGO, chicagoPresent, chicagoSkip, inProcess, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-cli-nesting-chicago-')
afterAll(() => tmp.cleanup())

/**
 * The expected answer, computed independently with GEOS (SpatiaLite through ogr2ogr's SQLite
 * dialect): per beat id, the ground in each district, and the beat's share outside its largest
 * district. Planar areas in degrees: within one beat the ratio is the same as on the ground to
 * about 1e-4 of itself.
 */
function geosSplitShares(beatsFile: string): Map<string, number> {
  const gpkg = join(tmp.dir, `${beatsFile}.gpkg`)
  expect(gdal('ogr2ogr', '-f', 'GPKG', gpkg, join(CHICAGO, 'districts.geojson'), '-nln', 'd').code).toBe(0)
  expect(gdal('ogr2ogr', '-update', '-f', 'GPKG', gpkg, join(CHICAGO, beatsFile), '-nln', 'b').code).toBe(0)
  const sql = (q: string) => {
    const r = gdal('ogr2ogr', '-f', 'CSV', '/vsistdout/', gpkg, '-dialect', 'SQLite', '-sql', q)
    expect(r.code).toBe(0)
    return r.out.trim().split('\n').slice(1).map((l) => l.replace(/"/g, '').split(','))
  }
  const totals = new Map(sql('SELECT BEAT_NUM, SUM(ST_Area(geom)) FROM b GROUP BY BEAT_NUM').map(([id, a]) => [id, Number(a)]))
  const parts = new Map<string, number[]>()
  for (const [beat, , a] of sql('SELECT b.BEAT_NUM, d.DIST_NUM, SUM(ST_Area(ST_Intersection(b.geom, d.geom))) FROM b JOIN d ON ST_Intersects(b.geom, d.geom) GROUP BY b.BEAT_NUM, d.DIST_NUM')) {
    parts.set(beat, [...(parts.get(beat) ?? []), Number(a)])
  }
  const out = new Map<string, number>()
  for (const [id, total] of totals) {
    const p = parts.get(id) ?? []
    out.set(id, (p.reduce((s, x) => s + x, 0) - Math.max(0, ...p)) / total)
  }
  return out
}

describe.skipIf(!chicagoPresent)("issue 13 acceptance 3: Chicago's beats as CAD beats against its districts as neighborhoods", () => {
  const db = join(tmp.dir, 'districts.sqlite')

  it('reports every beat that crosses its district by more than the tolerance, and none that does not (checked against GEOS)', async () => {
    expect((await inProcess('init', '--db', db)).code).toBe(0)
    const districts = join(CHICAGO, 'districts.geojson')
    expect((await inProcess('import', '--db', db, '--layer', 'areas', '--file', districts, '--id-field', 'DIST_NUM')).code).toBe(0)
    expect((await inProcess('import', '--db', db, '--layer', 'neighborhoods', '--file', districts, '--id-field', 'DIST_NUM', '--area-field', 'DIST_NUM')).code).toBe(0)

    // The full beats at the default 1%, and the simplified ones (which wander over district lines) at 0.1% and 1%.
    for (const [file, tolerance] of [['beats.geojson', null], ['beats-simplified.geojson', 0.001], ['beats-simplified.geojson', null]] as const) {
      const tol = tolerance ?? 0.01
      const geos = geosSplitShares(file)
      const r = await inProcess('nesting', '--db', db, '--file', join(CHICAGO, file), '--id-field', 'BEAT_NUM', '--json', ...(tolerance === null ? [] : ['--tolerance', String(tolerance)]))
      expect(r.err).toBe('')
      const j = JSON.parse(r.out) as { tolerance: number; split: string[]; beats: { id: string; splitShare: number }[] }
      expect(j.tolerance).toBe(tol)
      expect(j.beats.map((b) => b.id).sort()).toEqual([...geos.keys()].sort())
      // Beats within 2% (relative) of the tolerance could go either way between two area formulas; there are none or few.
      const clear = [...geos].filter(([, s]) => Math.abs(s - tol) > 0.02 * tol)
      expect(clear.length).toBeGreaterThanOrEqual(geos.size - 3)
      const expected = clear.filter(([, s]) => s > tol).map(([id]) => id).sort()
      const ours = new Set(j.split)
      expect(clear.filter(([id]) => ours.has(id)).map(([id]) => id).sort()).toEqual(expected)
      expect(r.code).toBe(j.split.length > 0 ? 1 : 0)
      // Every share agrees with GEOS's to 0.01 percentage point.
      for (const b of j.beats) expect(Math.abs(b.splitShare - geos.get(b.id)!)).toBeLessThan(1e-4)
      if (file === 'beats-simplified.geojson' && tolerance === 0.001) expect(expected.length).toBeGreaterThan(0)
    }
  })
})
