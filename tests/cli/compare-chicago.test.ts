import { bbox as turfBbox, booleanPointInPolygon, feature, point } from '@turf/turf'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../scripts/lib/mulberry32'
import { openPlan } from '../../src/main/cli/open-plan'
import type { PlanState } from '../../src/shared/domain'
import { CHICAGO, chicagoPresent, chicagoSkip, inProcess, spawnCli, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-cli-compare-chicago-')
afterAll(() => tmp.cleanup())

const N = 20_000

/** The fixture: N address points from a seeded PRNG, uniform over the city's bounding box, the same on every run. */
function writeAddresses(plan: PlanState, file: string): { lon: number[]; lat: number[] } {
  const [x0, y0, x1, y1] = turfBbox({ type: 'FeatureCollection', features: plan.areas.map((a) => feature(a.geometry)) })
  const rand = mulberry32(13_2026)
  const lon: number[] = []
  const lat: number[] = []
  const rows = ['address,lon,lat']
  for (let i = 0; i < N; i++) {
    // Seven decimals: what the CSV says is exactly what both sides read.
    lon.push(Number((x0 + rand() * (x1 - x0)).toFixed(7)))
    lat.push(Number((y0 + rand() * (y1 - y0)).toFixed(7)))
    rows.push(`${i + 1} Generated St,${lon[i]},${lat[i]}`)
  }
  writeFileSync(file, rows.join('\n'))
  return { lon, lat }
}

/** Every beat holding each point by turf's booleanPointInPolygon (edges count as inside), with a bbox test first. */
function turfBeats(plan: PlanState, pts: { lon: number[]; lat: number[] }): string[][] {
  const beats = plan.neighborhoods.map((n) => ({ id: n.id, f: feature(n.geometry), b: turfBbox(feature(n.geometry)) }))
  return pts.lon.map((x, i) => {
    const y = pts.lat[i]
    const p = point([x, y])
    return beats.filter((n) => x >= n.b[0] && x <= n.b[2] && y >= n.b[1] && y <= n.b[3] && booleanPointInPolygon(p, n.f)).map((n) => n.id)
  })
}

describe.skipIf(!chicagoPresent)('issue 13 acceptance 2: compare on Chicago, full beats published as version 1, simplified beats as version 2', () => {
  it('lists exactly the address points that change beat (checked with turf), and the figures are the same on a second run', async () => {
    const db = join(tmp.dir, 'chicago.sqlite')
    const ok = async (...argv: string[]) => expect((await inProcess(...argv)).err).toBe('')
    // Set up in this process (faster); the comparison itself runs through the real CLI below.
    await ok('init', '--db', db)
    await ok('settings', '--db', db, '--department-name', 'Chicago Police Department', '--department-phone', '312-746-6000')
    await ok('import', '--db', db, '--layer', 'areas', '--file', join(CHICAGO, 'districts.geojson'), '--id-field', 'DIST_NUM', '--name-field', 'DIST_LABEL')
    await ok('import', '--db', db, '--layer', 'neighborhoods', '--file', join(CHICAGO, 'beats.geojson'), '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT')
    await ok('export', '--db', db, '--out', join(tmp.dir, 'v1.geojson'), '--force')
    await ok('import', '--db', db, '--layer', 'neighborhoods', '--file', join(CHICAGO, 'beats-simplified.geojson'), '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT')
    await ok('export', '--db', db, '--out', join(tmp.dir, 'v2.geojson'), '--force')
    {
      const p = await openPlan(db, { readOnly: true })
      const v1 = p.services.repos.versions.snapshot(1)!
      const v2 = p.services.repos.versions.snapshot(2)!
      p.close()
      expect(v1.neighborhoods.length).toBeGreaterThan(250)
      const csv = join(tmp.dir, 'addresses.csv')
      const pts = writeAddresses(v1, csv)

      const r = spawnCli('compare', '--db', db, '--from', '1', '--to', '2', '--addresses', csv, '--json')
      expect(r.err).toBe('')
      expect(r.code).toBe(0)
      const out = JSON.parse(r.out) as { continuity: Record<string, unknown>; affected: { address: string; from: { neighborhood: string | null }; to: { neighborhood: string | null } }[] }
      // Chicago's beats have no officers: nothing to lose.
      expect(out.continuity).toMatchObject({ neighborhoods: 1, residents: 1, workload: null })

      const before = turfBeats(v1, pts)
      const after = turfBeats(v2, pts)
      const listed = new Map(out.affected.map((a) => [Number.parseInt(a.address, 10) - 1, a]))
      let changed = 0
      let ambiguous = 0
      for (let i = 0; i < N; i++) {
        const a = listed.get(i)
        if (before[i].length > 1 || after[i].length > 1) {
          // In an overlap of two beats (the simplified layer has some) either answer is a beat that holds the point.
          ambiguous++
          if (a) {
            expect(before[i]).toContain(a.from.neighborhood)
            expect(after[i]).toContain(a.to.neighborhood)
          }
          continue
        }
        const b0 = before[i][0] ?? null
        const b1 = after[i][0] ?? null
        if (b0 !== b1) changed++
        expect(a ? [a.from.neighborhood, a.to.neighborhood] : 'not listed', `point ${i + 1} (${pts.lon[i]}, ${pts.lat[i]})`).toEqual(b0 !== b1 ? [b0, b1] : 'not listed')
      }
      expect(changed, `${changed} points change beat, ${ambiguous} lie in an overlap`).toBeGreaterThan(10)
      expect(ambiguous).toBeLessThan(N / 100)

      const again = (await inProcess('compare', '--db', db, '--from', '1', '--to', '2', '--addresses', csv, '--json')).out
      expect(again.trimEnd()).toBe(r.out.trimEnd())
    }
    // Two imports and two publications of real Chicago on a shared 2-core machine.
  }, 300_000)
})
