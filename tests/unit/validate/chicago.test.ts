import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { summarize, validatePlan } from '../../../src/shared/geo/validate'
import type { Finding } from '../../../src/shared/domain'
import { CHICAGO_DIR, chicagoAbsent, chicagoSkipMessage, loadChicago } from './chicago-plan'

if (chicagoAbsent) console.warn(chicagoSkipMessage)

const of = (fs: Finding[], kind: string, minM2 = 1) => fs.filter((f) => f.kind === kind && f.areaM2 > minM2)
const total = (fs: Finding[]) => fs.reduce((s, f) => s + f.areaM2, 0)

// Each case validates the whole city once (about 1-2 s each; loading the files dominates).
describe.skipIf(chicagoAbsent)('real Chicago beats and districts', () => {
  it('full data: no gap, overlap or invalid geometry; 0411 is the one blocking finding (outside its district, ~140 m², ~10 m wide); 0624 and 1654 are slivers', () => {
    const found = validatePlan(loadChicago('full'))
    expect(of(found, 'invalid-geometry', -1)).toEqual([])
    for (const kind of ['gap', 'overlap', 'area-gap', 'area-overlap']) expect(of(found, kind)).toEqual([])
    const outside = of(found, 'outside-area').sort((a, b) => b.areaM2 - a.areaM2)
    expect(outside.map((f) => f.neighborhoodIds)).toEqual([['0411'], ['0624'], ['1654']])
    expect(outside[0].areaM2).toBeGreaterThan(135)
    expect(outside[0].areaM2).toBeLessThan(145)
    expect(outside[0].widthM!).toBeGreaterThan(9)
    expect(outside[0].widthM!).toBeLessThan(11)
    expect(outside[0]).toMatchObject({ sliver: false, severity: 'error' })
    expect(outside[1].areaM2).toBeGreaterThan(64)
    expect(outside[1].areaM2).toBeLessThan(71)
    expect(outside[1]).toMatchObject({ sliver: true, severity: 'warning' })
    expect(outside[2].areaM2).toBeGreaterThan(1.3)
    expect(outside[2].areaM2).toBeLessThan(1.7)
    expect(outside[2]).toMatchObject({ sliver: true, severity: 'warning' })
    // validate exits 1 because of 0411 alone: it is the only error.
    expect(found.filter((f) => f.severity === 'error').map((f) => [f.kind, f.neighborhoodIds])).toEqual([['outside-area', ['0411']]])
    expect(summarize(found).blocking).toBe(true)
  })

  it('simplified data agrees with the GEOS ground truth within 2% on pieces over 1 m²', () => {
    const truth = JSON.parse(fs.readFileSync(path.join(CHICAGO_DIR, 'ground-truth.json'), 'utf8'))[1]
    const found = validatePlan(loadChicago('simplified'))
    const near = (got: number, want: number) => expect(Math.abs(got - want) / want).toBeLessThan(0.02)
    const overlaps = of(found, 'overlap')
    near(overlaps.length, truth.beat_overlap_pairs)
    near(total(overlaps), truth.beat_overlap_total_m2)
    const biggest = overlaps.sort((a, b) => b.areaM2 - a.areaM2)[0]
    expect(biggest.neighborhoodIds).toEqual(['0813', '0833'])
    near(biggest.areaM2, truth.beat_overlap_max[2])
    const gaps = of(found, 'gap')
    near(gaps.length, truth.uncovered_parts_gt1m2)
    near(total(gaps), truth.uncovered_district_area_m2)
    near(Math.max(...gaps.map((g) => g.areaM2)), truth.uncovered_max_m2)
    const outside = of(found, 'outside-area')
    near(outside.length, truth.beats_crossing_parent_gt1m2)
    near(total(outside), truth.beats_crossing_outside_m2)
    expect(outside.sort((a, b) => b.areaM2 - a.areaM2)[0].neighborhoodIds).toEqual(['1111'])
    const areaOverlaps = of(found, 'area-overlap')
    near(areaOverlaps.length, truth.district_overlap_pairs)
    near(total(areaOverlaps), truth.district_overlap_m2)
    expect(of(found, 'invalid-geometry', -1)).toEqual([])
  })
})
