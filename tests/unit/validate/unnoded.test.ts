import { describe, expect, it } from 'vitest'
import { DEFAULT_TOLERANCES } from '../../../src/shared/domain'
import { summarize } from '../../../src/shared/geo/validate'
import { GeoState, type CheckShape } from '../../../src/shared/geo/validate/geo-state'
import { assemble } from '../../../src/shared/geo/validate/run-checks'
import { shapeOf, type Shape } from '../../../src/shared/geo/validate/shape'
import { guardRefusal } from '../../../src/main/services/validation-service'
import { cleanPlan, rect } from './fixtures'

/**
 * A plan whose boundaries cannot be noded into one arrangement. The real checks hand the
 * arrangement closed, valid (or repaired) rings only, which always node once snap-rounded;
 * so the test hands over, through GeoState's shape seam, one neighborhood checked as a ring
 * left open (a triangle inside its ground without its closing edge): its edges then have the
 * same face on both sides, in exact and in snap-rounded mode.
 */
const openTriangle = (): Shape => {
  const s = shapeOf(rect(300, 600, 700, 900))
  const r = s.rings[0]
  return { ...s, rings: [{ ...r, xs: r.xs.slice(0, 3), ys: r.ys.slice(0, 3) }], edgeCount: 2 }
}

describe('a plan that cannot be noded', () => {
  it('gets one blocking finding naming where and which boundaries, instead of a check that silently lists no gap', () => {
    const plan = cleanPlan()
    const vasco = plan.neighborhoods.find((n) => n.id === 'Vasco')!
    const check: CheckShape = (g) => ({ shape: g === vasco.geometry ? openTriangle() : shapeOf(g), repaired: false })
    const geo = new GeoState(DEFAULT_TOLERANCES, check)
    geo.build(plan)
    const findings = assemble(plan, geo, DEFAULT_TOLERANCES)
    const geometric = findings.filter((f) => !['unassigned-neighborhood', 'officer-outside-area', 'officer-multiple', 'no-commander'].includes(f.kind))
    expect(geometric).toHaveLength(1)
    const [f] = geometric
    expect(f.kind).toBe('coverage-unchecked')
    expect(f.severity).toBe('error')
    expect(f.neighborhoodIds).toContain('Vasco')
    expect(f.message).toMatch(/^Gaps, overlaps and ground outside the areas were not checked: the boundaries near -?\d+\.\d{6}, -?\d+\.\d{6} \(.*Vasco.*\) could not be joined into one consistent map/)
    // The place named is a corner of the open triangle, where the arrangement breaks.
    const corners = openTriangle().rings[0]
    const at = [Math.round(f.location![0] * 1e9), Math.round(f.location![1] * 1e9)]
    expect([0, 1, 2].some((i) => corners.xs[i] === at[0] && corners.ys[i] === at[1])).toBe(true)
    expect(summarize(findings).blocking).toBe(true)
    expect(summarize(findings).byKind['coverage-unchecked']).toBe(1)
  })

  it('is not raised for a plan that nodes', () => {
    const plan = cleanPlan()
    const geo = new GeoState(DEFAULT_TOLERANCES, (g) => ({ shape: shapeOf(g), repaired: false }))
    geo.build(plan)
    expect(geo.findings()).toEqual([])
  })

  it('makes the edit guard refuse a change that leaves the plan unchecked, but not one made while it already was', () => {
    const plan = cleanPlan()
    const vasco = plan.neighborhoods.find((n) => n.id === 'Vasco')!
    const geo = new GeoState(DEFAULT_TOLERANCES, (g) => ({ shape: g === vasco.geometry ? openTriangle() : shapeOf(g), repaired: false }))
    geo.build(plan)
    const unchecked = assemble(plan, geo, DEFAULT_TOLERANCES).filter((f) => f.kind === 'coverage-unchecked')
    expect(unchecked).toHaveLength(1)
    const refused = guardRefusal({ label: 'Move a vertex', ops: [] }, [], unchecked)
    expect(refused?.message).toMatch(/^"Move a vertex" was not stored: Gaps, overlaps and ground outside the areas were not checked/)
    expect(guardRefusal({ label: 'Move a vertex', ops: [] }, unchecked, unchecked)).toBeNull()
  })
})
