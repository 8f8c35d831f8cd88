import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { validatePlan } from '../../../src/shared/geo/validate'
import type { Finding } from '../../../src/shared/domain'
import { CHICAGO_DIR, chicagoAbsent, chicagoSkipMessage, loadChicago } from './chicago-plan'

if (chicagoAbsent) console.warn(chicagoSkipMessage)

const of = (fs: Finding[], kind: string, minM2 = 1) => fs.filter((f) => f.kind === kind && f.areaM2 > minM2)
const total = (fs: Finding[]) => fs.reduce((s, f) => s + f.areaM2, 0)

describe.skipIf(chicagoAbsent)('real Chicago beats and districts', () => {
  it('full data: no invalid geometry, no overlap, no real gap; 0411 is an outside-area error ~140 m² ~10 m wide, 0624 a sliver', () => {
    const found = validatePlan(loadChicago('full'))
    expect(of(found, 'invalid-geometry', -1)).toEqual([])
    expect(of(found, 'overlap', -1)).toEqual([])
    // Quantizing to 1e-7° leaves centimetre-wide slivers where beat and district lines
    // differ by less than a grid step; none of them is wider than a few centimetres.
    for (const f of [...of(found, 'gap', -1), ...of(found, 'area-gap', -1), ...of(found, 'area-overlap', -1)]) {
      expect(f.sliver).toBe(true)
      expect(f.widthM!).toBeLessThan(0.05)
    }
    const outside = of(found, 'outside-area').sort((a, b) => b.areaM2 - a.areaM2)
    expect(outside[0].neighborhoodIds).toEqual(['0411'])
    expect(outside[0].areaM2).toBeGreaterThan(135)
    expect(outside[0].areaM2).toBeLessThan(145)
    expect(outside[0].widthM!).toBeGreaterThan(9)
    expect(outside[0].widthM!).toBeLessThan(11)
    expect(outside[0].severity).toBe('error')
    expect(outside[1].neighborhoodIds).toEqual(['0624'])
    expect(outside[1].areaM2).toBeGreaterThan(64)
    expect(outside[1].areaM2).toBeLessThan(71)
    expect(outside[1]).toMatchObject({ sliver: true, severity: 'warning' })
    // Everything else outside its district is a centimetre sliver (1654 among them).
    for (const f of outside.slice(2)) {
      expect(f.widthM!).toBeLessThan(0.05)
      expect(f.severity).toBe('warning')
    }
    expect(of(found, 'outside-area', -1).some((f) => f.neighborhoodIds[0] === '1654')).toBe(true)
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
