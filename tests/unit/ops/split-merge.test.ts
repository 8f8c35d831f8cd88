import { describe, expect, it } from 'vitest'
import type { PlanState } from '../../../src/shared/domain'
import { insertVertex, mergeNeighborhoods, splitNeighborhood } from '../../../src/shared/geo/ops'
import { refusal } from './errors'
import { P, fixturePlan } from './fixture'
import { applyChecked, areaOf, hoodsOf, unionArea } from './plan-checks'

const geom = (plan: PlanState, id: string) => plan.neighborhoods.find((n) => n.id === id)?.geometry
const parts = (plan: PlanState, id: string) => {
  const g = geom(plan, id)!
  return g.type === 'Polygon' ? 1 : g.coordinates.length
}

describe('splitting a neighborhood with a line', () => {
  it('cuts a concave neighborhood in two whose areas add up; the left piece keeps the id and officers', () => {
    const plan = fixturePlan()
    const cs = splitNeighborhood(plan, { id: 's', line: [P(-10, 100), P(210, 100)], newId: 's2', names: ['Springtown North', 'Springtown South'] })
    expect(cs.label).toBe('Split Springtown')
    const after = applyChecked(plan, cs)
    expect(Math.abs(areaOf(geom(after, 's')) + areaOf(geom(after, 's2')) - areaOf(geom(plan, 's')))).toBeLessThan(0.1)
    expect(areaOf(geom(after, 's'))).toBeGreaterThan(areaOf(geom(after, 's2')))
    expect(after.neighborhoods.find((n) => n.id === 's')!.name).toBe('Springtown North')
    expect(after.officers.find((o) => o.id === 'o1')!.neighborhoodId).toBe('s')
    // The cut ends became vertices of the area boundary, the city limit and Vasco too.
    expect(cs.ops.map((o) => `${o.entity}:${o.id}`).sort()).toEqual(['area:ne', 'city:city', 'neighborhood:s', 'neighborhood:s2', 'neighborhood:v'])
  })

  it('refuses a line that misses the neighborhood or stops inside it', () => {
    const plan = fixturePlan()
    const split = (line: [number, number][]) => () => splitNeighborhood(plan, { id: 's', line: line.map(([x, y]) => P(x, y)), newId: 'x', names: ['A', 'B'] })
    expect(refusal(split([[-50, -50], [-10, 400]]))).toBe('line-misses: The line does not cross Springtown')
    expect(refusal(split([[-10, 100], [50, 100]]))).toMatch(/^line-misses: The line must start and end outside Springtown/)
    expect(refusal(split([[-10, 100], [50, 100], [50, 50], [-10, 200]]))).toMatch(/^line-crosses-itself/)
  })

  it('sends pieces left of a line crossing three times to one neighborhood and right pieces to the other', () => {
    const plan = fixturePlan()
    const line = [P(250, 160), P(250, -10), P(300, -10), P(300, 160), P(350, 160), P(350, -10)]
    const after = applyChecked(plan, splitNeighborhood(plan, { id: 'v', line, newId: 'v2', names: ['Vasco', 'Vasco West'] }))
    expect(parts(after, 'v')).toBe(2)
    expect(parts(after, 'v2')).toBe(2)
    expect(Math.abs(areaOf(geom(after, 'v')) + areaOf(geom(after, 'v2')) - areaOf(geom(plan, 'v')))).toBeLessThan(0.1)
    expect(Math.abs(areaOf(geom(after, 'v')) - areaOf(geom(after, 'v2')))).toBeLessThan(1)
    expect(Math.abs(unionArea(hoodsOf(after, 'so')) - unionArea(hoodsOf(plan, 'so')))).toBeLessThan(0.1)
  })

  it('splits a neighborhood with a hole into two pieces around it', () => {
    const plan = fixturePlan()
    const after = applyChecked(plan, splitNeighborhood(plan, { id: 'm', line: [P(275, 310), P(275, 140)], newId: 'm2', names: ['Midtown', 'Midtown East'] }))
    expect(Math.abs(areaOf(geom(after, 'm')) + areaOf(geom(after, 'm2')) - areaOf(geom(plan, 'm')))).toBeLessThan(0.1)
    expect(geom(after, 'm')!.type).toBe('Polygon')
  })

  it('leaves a part the line never touches with the original neighborhood', () => {
    const plan = fixturePlan()
    const after = applyChecked(plan, splitNeighborhood(plan, { id: 'r', line: [P(100, -210), P(100, -100), P(100, 10)], newId: 'r2', names: ['Ruby Hill', 'Ruby Hill East'] }))
    expect(parts(after, 'r')).toBe(2)
    expect(parts(after, 'r2')).toBe(1)
    expect(Math.abs(areaOf(geom(after, 'r')) + areaOf(geom(after, 'r2')) - areaOf(geom(plan, 'r')))).toBeLessThan(0.1)
    expect(after.officers.find((o) => o.id === 'o4')!.neighborhoodId).toBe('r')
  })
})

describe('merging neighborhoods', () => {
  it('merges two neighbours into the first, its officers adopting it, and drops vertices nobody else uses', () => {
    let plan = fixturePlan()
    plan = applyChecked(plan, insertVertex(plan, { areaId: 'ne', segment: [P(200, 0), P(200, 150)], at: P(200, 75) }))
    const cs = mergeNeighborhoods(plan, { ids: ['s', 'v'], name: 'Springtown' })
    expect(cs.label).toBe('Merge Vasco into Springtown')
    const after = applyChecked(plan, cs)
    expect(after.neighborhoods.map((n) => n.id)).not.toContain('v')
    expect(Math.abs(areaOf(geom(after, 's')) - areaOf(geom(plan, 's')) - areaOf(geom(plan, 'v')))).toBeLessThan(0.1)
    expect(after.officers.find((o) => o.id === 'o2')!.neighborhoodId).toBe('s')
    const ring = JSON.stringify(geom(after, 's'))
    expect(ring).not.toContain(JSON.stringify(P(200, 75)))
    for (const kept of [P(200, 0), P(200, 150), P(300, 0)]) expect(ring).toContain(JSON.stringify(kept))
  })

  it('split then merge gives back the same ground', () => {
    const plan = fixturePlan()
    const split = applyChecked(plan, splitNeighborhood(plan, { id: 's', line: [P(-10, 100), P(210, 100)], newId: 's2', names: ['N', 'S'] }))
    const merged = applyChecked(split, mergeNeighborhoods(split, { ids: ['s', 's2'], name: 'Springtown' }))
    expect(Math.abs(areaOf(geom(merged, 's')) - areaOf(geom(plan, 's')))).toBeLessThan(0.1)
  })

  it('refuses neighborhoods that are not adjacent or lie in different areas', () => {
    const plan = fixturePlan()
    expect(refusal(() => mergeNeighborhoods(plan, { ids: ['v', 'p'], name: 'X' }))).toBe(
      'not-adjacent: Vasco and Park are not adjacent: only neighboring neighborhoods can be merged',
    )
    expect(refusal(() => mergeNeighborhoods(plan, { ids: ['s', 'r'], name: 'X' }))).toMatch(/^different-areas: Springtown and Ruby Hill are in different Area Commands/)
    expect(refusal(() => mergeNeighborhoods(plan, { ids: ['s', 'v'], name: ' ' }))).toMatch(/^bad-name/)
  })
})
