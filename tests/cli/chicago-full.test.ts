import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/shared/domain'
import { openDatabase } from '../../src/main/db/connection'
import { createServices } from '../../src/main/services'
import { CHICAGO, chicagoPresent, chicagoSkip, spawnCli, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-cli-chicago-')
afterAll(() => tmp.cleanup())

describe.skipIf(!chicagoPresent)('issue 4 acceptance 1: the full Chicago districts and beats through the real CLI', () => {
  const db = join(tmp.dir, 'chicago.sqlite')

  it('init, import 23 districts as areas and 275 beats as neighborhoods, then validate --json: only beat 0411 blocks (exit 1)', () => {
    expect(spawnCli('init', '--db', db).code).toBe(0)
    const areas = spawnCli('import', '--db', db, '--layer', 'areas', '--file', join(CHICAGO, 'districts.geojson'), '--id-field', 'DIST_NUM', '--name-field', 'DIST_LABEL')
    expect(areas.err).toBe('')
    expect(areas.code).toBe(0)
    expect(areas.out).toMatch(/^Imported 23 Area Commands from districts\.geojson \(replace\): 23 added/)
    expect(areas.out).toContain('notice: districts.geojson: 3 features share id 31; merged into one multi-part unit')
    const beats = spawnCli('import', '--db', db, '--layer', 'neighborhoods', '--file', join(CHICAGO, 'beats.geojson'), '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT')
    expect(beats.err).toBe('')
    expect(beats.code).toBe(0)
    expect(beats.out).toMatch(/^Imported 275 neighborhoods from beats\.geojson \(replace\): 275 added/)
    expect(beats.out).toMatch(/notice: beats\.geojson: \d+ units matched their Area Command only after ignoring case, spaces and leading zeros .*'0\d' → '\d'/)

    const v = spawnCli('validate', '--db', db, '--json')
    expect(v.err).toBe('')
    expect(v.code).toBe(1)
    const report = JSON.parse(v.out) as { summary: { errors: number; blocking: boolean }; findings: Finding[] }
    expect(Object.keys(report)).toEqual(['summary', 'findings'])
    const f = report.findings
    // 0 gaps, 0 overlaps, 0 invalid: the only gap/overlap pieces are centimetre-wide rounding slivers (warnings).
    expect(f.filter((x) => x.kind === 'invalid-geometry')).toEqual([])
    for (const x of f.filter((x) => ['gap', 'overlap', 'area-gap', 'area-overlap'].includes(x.kind))) {
      expect(x).toMatchObject({ severity: 'warning', sliver: true })
      expect(x.widthM!).toBeLessThan(0.05)
    }
    const blocking = f.filter((x) => x.severity === 'error')
    expect(blocking.map((x) => [x.kind, x.neighborhoodIds])).toEqual([['outside-area', ['0411']]])
    expect(blocking[0].areaM2).toBeGreaterThan(130)
    expect(blocking[0].areaM2).toBeLessThan(150)
    expect(report.summary).toMatchObject({ errors: 1, blocking: true })
    const outside = (id: string) => f.find((x) => x.kind === 'outside-area' && x.neighborhoodIds[0] === id)!
    expect(outside('0624')).toMatchObject({ severity: 'warning', sliver: true })
    expect(outside('0624').areaM2).toBeGreaterThan(60)
    expect(outside('0624').areaM2).toBeLessThan(75)
    expect(outside('1654')).toMatchObject({ severity: 'warning', sliver: true })
  })

  it('with a sliver width tolerance of 12 m, 0411 becomes a sliver too and validate exits 0 (human-readable report)', () => {
    // Tolerances are plan settings (set in the app); set one here through the same service.
    const d = openDatabase(db)
    createServices({ db: d, dbPath: db, userDataPath: tmp.dir, sampleDir: tmp.dir, osUser: 'test', appVersion: 'test' }).settings.set({
      tolerances: { sliverWidthM: 12, sliverAreaM2: 100, unassignedIsError: false },
    })
    d.close()
    const v = spawnCli('validate', '--db', db)
    expect(v.err).toBe('')
    expect(v.code).toBe(0)
    expect(v.out).toMatch(/^Plan: no city limit, 23 Area Commands, 275 neighborhoods, 0 officers/)
    expect(v.out).toMatch(/\n {2}warning {2}[^\n]*0411[^\n]*outside its Area Command/)
    expect(v.out.trimEnd().split('\n').at(-1)).toMatch(/^Summary: 0 errors, \d+ warnings \(.*outside-area \d+.*\); nothing blocks publishing\.( \d+ pieces under the minimum piece area .* are counted but not listed\.)?$/)
  })
})
