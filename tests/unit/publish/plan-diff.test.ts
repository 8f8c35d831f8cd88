import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import type { PlanState, Position } from '../../../src/shared/domain'
import { diffPlans, diffToCsv } from '../../../src/shared/publish/plan-diff'
import { fixturePlan } from './fixture-plan'

function rect(w: number, s: number, e: number, n: number): Position[][] {
  return [[[w, s], [e, s], [e, n], [w, n], [w, s]]]
}

/** The fixture with the N1|N2 boundary moved from lon -121.75 to -121.74 and A. Nguyen moved to N2. */
function movedBoundary(): PlanState {
  const p = fixturePlan()
  p.neighborhoods[0].geometry = { type: 'Polygon', coordinates: rect(-121.8, 37.69, -121.74, 37.72) }
  p.neighborhoods[1].geometry = { type: 'MultiPolygon', coordinates: [rect(-121.74, 37.69, -121.7, 37.72)] }
  p.officers.find((o) => o.id === 'o-ann')!.neighborhoodId = 'n2'
  return p
}

describe('plan diff', () => {
  const from = fixturePlan()
  // Same shapes as the fixture, but written as the plain rectangles they are, so only the move differs.
  from.neighborhoods[0].geometry = { type: 'Polygon', coordinates: rect(-121.8, 37.69, -121.75, 37.72) }

  it('reports a moved shared boundary as the same square metres gained by one and lost by the other', () => {
    const d = diffPlans(from, movedBoundary())
    const strip = turf.area(turf.polygon(rect(-121.75, 37.69, -121.74, 37.72)))
    expect(strip).toBeGreaterThan(2_900_000)
    expect(d.neighborhoods.reshaped.map((r) => r.id)).toEqual(['n1', 'n2'])
    const [n1, n2] = d.neighborhoods.reshaped
    expect(Math.abs(n1.gainedM2 - strip)).toBeLessThan(0.5)
    expect(n1.lostM2).toBe(0)
    expect(n1.geometryLost).toBeUndefined()
    expect(Math.abs(n2.lostM2 - strip)).toBeLessThan(0.5)
    expect(n2.gainedM2).toBe(0)
    expect(Math.abs(turf.area(turf.feature(n1.geometryGained!)) - strip)).toBeLessThan(0.5)
    expect(d.neighborhoods.added).toEqual([])
    expect(d.neighborhoods.removed).toEqual([])
    expect(d.neighborhoods.renamed).toEqual([])
  })

  it('lists exactly the officer who moved, with both neighborhoods and areas', () => {
    const d = diffPlans(from, movedBoundary())
    expect(d.officers).toEqual([
      { id: 'o-ann', name: 'A. Nguyen', fromNeighborhoodId: 'n1', toNeighborhoodId: 'n2', fromAreaId: 'north', toAreaId: 'north' },
    ])
  })

  it('finds nothing between a plan and itself', () => {
    const d = diffPlans(fixturePlan(), fixturePlan())
    expect(d).toEqual({ neighborhoods: { added: [], removed: [], reshaped: [], renamed: [] }, officers: [] })
  })

  it('does not report a shape that was only rewritten (other start vertex, other winding)', () => {
    const to = fixturePlan()
    to.neighborhoods[1].geometry = { type: 'MultiPolygon', coordinates: [[[[-121.7, 37.72], [-121.75, 37.72], [-121.75, 37.69], [-121.7, 37.69], [-121.7, 37.72]]]] }
    expect(JSON.stringify(to.neighborhoods[1].geometry)).not.toBe(JSON.stringify(fixturePlan().neighborhoods[1].geometry))
    expect(diffPlans(fixturePlan(), to).neighborhoods.reshaped).toEqual([])
  })

  it('reports added, removed and renamed neighborhoods with their area', () => {
    const to = fixturePlan()
    to.neighborhoods = to.neighborhoods.filter((n) => n.id !== 's1')
    to.neighborhoods.push({ id: 's2', areaId: 'south', name: 'Downtown', color: null, geometry: { type: 'Polygon', coordinates: rect(-121.8, 37.65, -121.7, 37.69) } })
    to.neighborhoods[1].name = 'Vasco Road'
    to.officers = to.officers.filter((o) => o.id !== 'o-bad')
    const d = diffPlans(fixturePlan(), to)
    const south = turf.area(turf.polygon(rect(-121.8, 37.65, -121.7, 37.69)))
    const park = turf.area(turf.polygon(rect(-121.76, 37.66, -121.74, 37.67)))
    expect(d.neighborhoods.added.map((a) => a.id)).toEqual(['s2'])
    expect(Math.abs(d.neighborhoods.added[0].areaM2 - south)).toBeLessThan(0.5)
    expect(d.neighborhoods.removed.map((a) => [a.id, a.name])).toEqual([['s1', 'Sunset <South>']])
    expect(Math.abs(d.neighborhoods.removed[0].areaM2 - (south - park))).toBeLessThan(0.5)
    expect(d.neighborhoods.renamed).toEqual([{ id: 'n2', from: 'Vasco', to: 'Vasco Road' }])
    expect(d.neighborhoods.reshaped).toEqual([])
    expect(d.officers).toEqual([
      { id: 'o-bad', name: fixturePlan().officers[4].displayName, fromNeighborhoodId: 's1', toNeighborhoodId: null, fromAreaId: 'south', toAreaId: null },
    ])
  })

  it('writes one CSV row per change and keeps spreadsheet formulas as text', () => {
    const to = movedBoundary()
    to.neighborhoods[1].name = '=HYPERLINK("http://x","click")'
    to.officers.find((o) => o.id === 'o-zed')!.displayName = '+1 Adams, Z'
    to.officers.find((o) => o.id === 'o-zed')!.neighborhoodId = null
    const csv = diffToCsv(diffPlans(from, to))
    const lines = csv.split('\r\n')
    expect(lines.pop()).toBe('')
    expect(lines[0]).toBe('change,kind,id,name,from,to,area_m2,gained_m2,lost_m2')
    // 2 reshaped + 1 renamed + 2 officers
    expect(lines).toHaveLength(1 + 5)
    expect(lines.filter((l) => l.startsWith('reshaped,'))).toHaveLength(2)
    expect(lines).toContain(`renamed,neighborhood,n2,"'=HYPERLINK(""http://x"",""click"")",Vasco,"'=HYPERLINK(""http://x"",""click"")",,,`)
    expect(lines).toContain(`unassigned,officer,o-zed,"'+1 Adams, Z",n1,area north,,,`)
    expect(lines).toContain('moved,officer,o-ann,A. Nguyen,n1,n2,,,')
    for (const l of lines) expect(l).not.toMatch(/(^|,)"?[=+\-@]/)
  })
})
