import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Finding } from '../../src/shared/domain'
import { CHICAGO, chicagoPresent, chicagoSkip, spawnCli, tempDir } from './spawn-cli'

if (!chicagoPresent) console.warn(chicagoSkip)
const tmp = tempDir('acp-cli-chicago-s-')
afterAll(() => tmp.cleanup())

const over1 = (fs: Finding[], kind: string) => fs.filter((f) => f.kind === kind && f.areaM2 > 1)
const total = (fs: Finding[]) => fs.reduce((s, f) => s + f.areaM2, 0)
const within2pct = (got: number, want: number) => expect(Math.abs(got - want) / want, `${got} vs ${want}`).toBeLessThan(0.02)

describe.skipIf(!chicagoPresent)('issue 4 acceptance 2: the simplified (dirty) Chicago files through the real CLI', () => {
  it('import both layers, validate --json agrees with the GEOS ground truth within 2%; largest overlap 0833 × 0813; exit 1', () => {
    const truth = JSON.parse(readFileSync(join(CHICAGO, 'ground-truth.json'), 'utf8'))[1]
    const db = join(tmp.dir, 'dirty.sqlite')
    expect(spawnCli('init', '--db', db).code).toBe(0)
    const a = spawnCli('import', '--db', db, '--layer', 'areas', '--file', join(CHICAGO, 'districts-simplified.geojson'), '--id-field', 'DIST_NUM')
    expect(a.err).toBe('')
    const b = spawnCli('import', '--db', db, '--layer', 'neighborhoods', '--file', join(CHICAGO, 'beats-simplified.geojson'), '--id-field', 'BEAT_NUM', '--area-field', 'DISTRICT')
    expect(b.err).toBe('')
    expect(b.out).toMatch(/^Imported 275 neighborhoods/)

    const v = spawnCli('validate', '--db', db, '--json')
    expect(v.err).toBe('')
    expect(v.code).toBe(1)
    const { summary, findings } = JSON.parse(v.out) as { summary: { blocking: boolean }; findings: Finding[] }
    expect(summary.blocking).toBe(true)

    const overlaps = over1(findings, 'overlap')
    within2pct(overlaps.length, truth.beat_overlap_pairs)
    within2pct(total(overlaps), truth.beat_overlap_total_m2)
    const largest = [...overlaps].sort((x, y) => y.areaM2 - x.areaM2)[0]
    expect([...largest.neighborhoodIds].sort()).toEqual(['0813', '0833'])
    within2pct(largest.areaM2, truth.beat_overlap_max[2])

    const gaps = over1(findings, 'gap')
    within2pct(gaps.length, truth.uncovered_parts_gt1m2)
    within2pct(total(gaps), truth.uncovered_district_area_m2)

    const outside = over1(findings, 'outside-area')
    within2pct(outside.length, truth.beats_crossing_parent_gt1m2)
    within2pct(total(outside), truth.beats_crossing_outside_m2)
  })
})
