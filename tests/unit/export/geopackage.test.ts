import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { GEOPACKAGE, renderGeoPackage } from '../../../src/main/export/geopackage'
import { formatFor } from '../../../src/main/export/formats'
import { buildPublicDataset } from '../../../src/shared/publish/public-dataset'
import { gdal, ogrSummary, VALIDATE_GPKG } from '../../helpers/gdal'
import { fixturePlan, META } from '../publish/fixture-plan'

const dir = mkdtempSync(join(tmpdir(), 'acp-gpkg-unit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('GeoPackage export', () => {
  it('is chosen by the .gpkg ending, as one file', () => {
    expect(formatFor('/x/Plan.GPKG')).toBe(GEOPACKAGE)
    expect(GEOPACKAGE.paths('/x/plan.gpkg')).toEqual(['/x/plan.gpkg'])
  })

  it("says it is a GeoPackage 1.3 in SQLite's header, and the same version gives the same bytes", () => {
    const layers = buildPublicDataset(fixturePlan(), META)
    const a = renderGeoPackage(layers, META)
    const v = new DataView(a.buffer, a.byteOffset, a.byteLength)
    expect(new TextDecoder().decode(a.subarray(0, 15))).toBe('SQLite format 3')
    expect(new TextDecoder().decode(a.subarray(68, 72))).toBe('GPKG')
    expect(v.getUint32(60)).toBe(10300)
    expect(renderGeoPackage(layers, META)).toEqual(a)
  })

  it('writes a valid file for a plan with Area Commands but no neighborhoods yet', () => {
    const plan = { ...fixturePlan(), neighborhoods: [], officers: [] }
    const file = join(dir, 'areas-only.gpkg')
    writeFileSync(file, renderGeoPackage(buildPublicDataset(plan, META), META))
    const r = gdal('ogrinfo', '-al', '-so', file)
    expect(r.err).toBe('')
    expect(ogrSummary(r.out).map((l) => [l.name, l.featureCount])).toEqual([
      ['areas', 2],
      ['neighborhoods', 0],
    ])
    if (!VALIDATE_GPKG) throw new Error('validate_gpkg.py not found; install python3-gdal (sudo apt-get install python3-gdal)')
    const v = spawnSync('python3', [VALIDATE_GPKG, file], { encoding: 'utf8' })
    expect(v.stderr + v.stdout).toBe('')
    expect(v.status).toBe(0)
  })
})
