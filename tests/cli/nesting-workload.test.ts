import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nestBeats, crosswalkCsv, type CadBeat } from '../../src/shared/geo/nesting'
import type { AreaGeometry } from '../../src/shared/domain'
import { area, neighborhood, plan, rect } from '../unit/staffing/fixtures'
import { inProcess, tempDir } from './spawn-cli'

const tmp = tempDir('acp-cli-nesting-')
afterAll(() => tmp.cleanup())

const poly = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({ type: 'Polygon', coordinates: [rect(x0, y0, x1, y1)] })

/* Area A = x 0..0.02 with neighborhoods A1 (x 0..0.01) and A2 (x 0.01..0.02); area B = x 0.02..0.03 = B1. All y 0..0.01. */
const city = plan(
  [area('A', 'North', poly(0, 0, 0.02, 0.01)), area('B', 'South', poly(0.02, 0, 0.03, 0.01))],
  [neighborhood('A1', 'A', 'West', poly(0, 0, 0.01, 0.01)), neighborhood('A2', 'A', 'East', poly(0.01, 0, 0.02, 0.01)), neighborhood('B1', 'B', 'Harbor', poly(0.02, 0, 0.03, 0.01))],
)
const beats: CadBeat[] = [
  { id: 'half', geometry: poly(0.005, 0, 0.015, 0.01) }, //      A1 / A2 50/50
  { id: 'inside', geometry: poly(0.001, 0.001, 0.009, 0.009) }, // inside A1
  { id: 'nearly', geometry: poly(0, 0, 0.01005, 0.01) }, //      A1 99.5%, A2 0.5%: under 1%
  { id: 'areas', geometry: poly(0.015, 0, 0.025, 0.01) }, //     A2 / B1: split between Area Commands
  { id: 'beyond', geometry: poly(0.025, 0, 0.035, 0.01) }, //    B1 half, the other half outside the city
]

describe('CAD beats nesting in neighborhoods', () => {
  it('gives each beat its share in each neighborhood and calls it split only beyond the tolerance', () => {
    const calls = [
      [0.006, 0.005], [0.007, 0.005], [0.008, 0.005], // half, in A1
      [0.012, 0.005], //                                  half, in A2
    ].map(([lon, lat]) => ({ lon, lat, type: '', hours: 1, units: 1 }))
    const r = nestBeats(beats, city, { calls })
    const by = new Map(r.beats.map((b) => [b.id, b]))
    const shares = (id: string) => by.get(id)!.parts.map((p) => [p.neighborhoodId, Number(p.share.toFixed(4))])
    expect(shares('half')).toEqual([['A1', 0.5], ['A2', 0.5]])
    expect(by.get('half')!.parts.map((p) => p.callShare)).toEqual([0.75, 0.25])
    expect(shares('inside')).toEqual([['A1', 1]])
    expect(shares('nearly')).toEqual([['A1', 0.995], ['A2', 0.005]])
    expect(shares('areas')).toEqual([['A2', 0.5], ['B1', 0.5]])
    expect(shares('beyond')).toEqual([['B1', 0.5]])
    expect(Number(by.get('beyond')!.outsideShare.toFixed(4))).toBe(0.5)
    expect(r.split).toEqual(['half', 'areas'])
    expect(r.areaSplit).toEqual(['areas'])
    // A tighter tolerance catches the 0.5% one too.
    expect(nestBeats(beats, city, { tolerance: 0.001 }).split).toEqual(['half', 'nearly', 'areas'])

    const csv = crosswalkCsv(r).split('\r\n')
    expect(csv[0]).toBe('cad_beat,neighborhood_id,neighborhood,area_command_id,area_command,area_share,area_m2,calls,call_share,beat_split')
    expect(csv[1]).toMatch(/^half,A1,West,A,North,0\.5,\d+,3,0\.75,yes$/)
    expect(csv.filter((l) => l.startsWith('beyond,'))).toEqual([expect.stringMatching(/^beyond,B1,Harbor,B,South,0\.5,\d+,0,,no$/), expect.stringMatching(/^beyond,,,,,0\.5,\d+,,,no$/)])
  })

  it('npm run cli -- nesting: exit 1 when a beat is split, 0 under a looser tolerance; bad field or file exits 2 naming it', async () => {
    const db = join(tmp.dir, 'plan.sqlite')
    const fc = (features: { id: string; name?: string; parent?: string; geometry: AreaGeometry }[]) =>
      JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: { code: f.id, name: f.name ?? f.id, parent: f.parent ?? null }, geometry: f.geometry })) })
    writeFileSync(join(tmp.dir, 'areas.geojson'), fc(city.areas))
    writeFileSync(join(tmp.dir, 'nbs.geojson'), fc(city.neighborhoods.map((n) => ({ ...n, parent: n.areaId }))))
    writeFileSync(join(tmp.dir, 'cad.geojson'), fc(beats))
    expect((await inProcess('init', '--db', db)).code).toBe(0)
    expect((await inProcess('import', '--db', db, '--layer', 'areas', '--file', join(tmp.dir, 'areas.geojson'), '--id-field', 'code', '--name-field', 'name')).code).toBe(0)
    expect((await inProcess('import', '--db', db, '--layer', 'neighborhoods', '--file', join(tmp.dir, 'nbs.geojson'), '--id-field', 'code', '--area-field', 'parent', '--name-field', 'name')).code).toBe(0)

    const csvOut = join(tmp.dir, 'crosswalk.csv')
    const r = await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'cad.geojson'), '--id-field', 'code', '--json', '--csv', csvOut)
    expect(r.err).toBe('')
    expect(r.code).toBe(1)
    const j = JSON.parse(r.out) as { split: string[]; beats: { id: string; parts: { neighborhoodId: string; share: number }[] }[] }
    expect(j.split).toEqual(['half', 'areas'])
    expect(j.beats.find((b) => b.id === 'half')!.parts.map((p) => [p.neighborhoodId, Number(p.share.toFixed(3))])).toEqual([['A1', 0.5], ['A2', 0.5]])
    expect(readFileSync(csvOut, 'utf8')).toContain('\r\nnearly,A2,East,A,North,0.004975,')

    const text = await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'cad.geojson'), '--id-field', 'code')
    expect(text.out).toContain('SPLIT half: West (A1, North) 50.0%; East (A2, North) 50.0%')
    expect((await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'cad.geojson'), '--id-field', 'code', '--tolerance', '60%')).code).toBe(0)

    const badField = await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'cad.geojson'), '--id-field', 'BEAT')
    expect(badField.code).toBe(2)
    expect(badField.err).toContain("cad.geojson has no field 'BEAT'; fields are: code, name, parent")
    const noFile = await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'nope.geojson'), '--id-field', 'code')
    expect(noFile).toMatchObject({ code: 2 })
    expect(noFile.err).toContain('nope.geojson')
    writeFileSync(join(tmp.dir, 'broken.geojson'), '{"type": "FeatureCollection", "features": [')
    const broken = await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'broken.geojson'), '--id-field', 'code')
    expect(broken.code).toBe(2)
    expect(broken.err).toContain('broken.geojson')
    expect((await inProcess('nesting', '--db', db, '--file', join(tmp.dir, 'cad.geojson'), '--id-field', 'code', '--tolerance', 'lots')).code).toBe(2)

    // workload: calls per shift for each area and neighborhood; a bad timestamp names file, line and field.
    const calls = join(tmp.dir, 'calls.csv')
    writeFileSync(calls, ['Longitude,Latitude,Datetime', '0.005,0.005,2024-03-04 14:00', '0.015,0.005,2024-03-04 23:00', '0.015,0.006,2024-03-05 03:00', '0.025,0.005,03/05/2024 06:00 AM'].join('\n'))
    const w = await inProcess('workload', '--db', db, '--calls', calls, '--json')
    expect(w.err).toBe('')
    expect(w.code).toBe(0)
    const wj = JSON.parse(w.out) as { areas: { id: string; calls: Record<string, number>; neighborhoods: { id: string; calls: Record<string, number> }[] }[] }
    expect(wj.areas.map((a) => [a.id, a.calls])).toEqual([['A', { Days: 0, Swing: 1, Nights: 2 }], ['B', { Days: 1, Swing: 0, Nights: 0 }]])
    expect(wj.areas[0].neighborhoods.map((n) => [n.id, n.calls])).toEqual([['A1', { Days: 0, Swing: 1, Nights: 0 }], ['A2', { Days: 0, Swing: 0, Nights: 2 }]])
    const two = await inProcess('workload', '--db', db, '--calls', calls, '--shifts', 'Early=05-17,Late=17-05', '--json')
    expect((JSON.parse(two.out) as typeof wj).areas.map((a) => a.calls)).toEqual([{ Early: 1, Late: 2 }, { Early: 1, Late: 0 }])
    writeFileSync(calls, ['Longitude,Latitude,Datetime', '0.005,0.005,2024-03-04 14:00', '0.015,0.005,2024-03-04 24:30'].join('\n'))
    const bad = await inProcess('workload', '--db', db, '--calls', calls)
    expect(bad.code).toBe(2)
    expect(bad.err).toBe('workload: calls.csv line 3, field "Datetime": Time "2024-03-04 24:30" has hour 24; nothing was counted')

    // The plan's shift setting (settings --shifts) is what workload uses without --shifts.
    const set = await inProcess('settings', '--db', db, '--shifts', 'Early=05-17,Late=17-05')
    expect(set.out).toContain('shifts: Early 05:00–17:00, Late 17:00–05:00')
    writeFileSync(calls, ['Longitude,Latitude,Datetime', '0.005,0.005,2024-03-04 04:59', '0.005,0.005,2024-03-04 05:00'].join('\n'))
    const own = await inProcess('workload', '--db', db, '--calls', calls, '--json')
    expect((JSON.parse(own.out) as typeof wj).areas[0].calls).toEqual({ Early: 1, Late: 1 })
    const refused = await inProcess('settings', '--db', db, '--shifts', 'Early=05-17,Late=16-05')
    expect(refused).toMatchObject({ code: 2, err: 'settings: --shifts: Shifts "Early" and "Late" overlap from 16:00 to 17:00; every hour of the day needs exactly one shift; nothing was changed' })
  })
})
