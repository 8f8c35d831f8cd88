import { describe, expect, it } from 'vitest'
import type { PlanState } from '../../../src/shared/domain'
import { deleteNeighborhood, drawNeighborhood, recolorNeighborhood, redrawBoundary, renameNeighborhood, snapPoint } from '../../../src/shared/geo/ops'
import { orientLonLat } from '../../../src/shared/geo/kernel'
import { refusal } from './errors'
import { P, fixturePlan } from './fixture'
import { applyChecked, areaOf, hoodsOf, overlapM2, unionArea } from './plan-checks'

const geom = (plan: PlanState, id: string) => plan.neighborhoods.find((n) => n.id === id)?.geometry
const rect = (x0: number, y0: number, x1: number, y1: number) =>
  areaOf({ type: 'Polygon', coordinates: [[P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)]] })
// Crosses the area's east boundary (x = 500) and overlaps Vasco and Midtown.
const drawn = [P(350, 100), P(550, 100), P(550, 250), P(350, 250)]

describe('drawing a neighborhood', () => {
  it('takes only unassigned ground inside the area when not told to take from neighbours', () => {
    const plan = fixturePlan()
    const cs = drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'Newtown', ring: drawn, takeFromNeighbors: false })
    expect(cs.label).toBe('Draw Newtown')
    const after = applyChecked(plan, cs)
    const area = after.areas.find((a) => a.id === 'ne')!.geometry
    expect(Math.abs(overlapM2(geom(after, 'n')!, area) - areaOf(geom(after, 'n')))).toBeLessThan(0.1)
    expect(areaOf(geom(after, 'n')) / rect(400, 100, 500, 250)).toBeCloseTo(1, 2)
    expect(areaOf(geom(after, 'v'))).toBeCloseTo(areaOf(geom(plan, 'v')), 3)
  })

  it('takes exactly the drawn part from neighbours when told to', () => {
    const plan = fixturePlan()
    const cs = drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'Newtown', ring: drawn, takeFromNeighbors: true })
    expect(cs.label).toBe('Draw Newtown, taking ground from Vasco, Midtown')
    const after = applyChecked(plan, cs)
    expect(areaOf(geom(after, 'n')) / rect(350, 100, 500, 250)).toBeCloseTo(1, 2)
    expect(Math.abs(areaOf(geom(plan, 'v')) - areaOf(geom(after, 'v')) - rect(350, 100, 400, 150))).toBeLessThan(0.1)
    expect(Math.abs(unionArea(hoodsOf(after, 'ne')) - unionArea(hoodsOf(plan, 'ne')) - rect(400, 100, 500, 250))).toBeLessThan(0.1)
  })

  it('explains why nothing can be drawn', () => {
    const plan = fixturePlan()
    const inside = [P(250, 20), P(300, 20), P(300, 100), P(250, 100)]
    expect(refusal(() => drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'N', ring: inside, takeFromNeighbors: false }))).toMatch(/^no-free-ground: .*tick "Take this ground from neighbors"/)
    const south = [P(250, -20), P(300, -20), P(300, -100), P(250, -100)]
    expect(refusal(() => drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'N', ring: south, takeFromNeighbors: true }))).toBe('outside-area: The drawn outline does not overlap Northeast')
    const bow = [P(250, 20), P(300, 100), P(300, 20), P(250, 100)]
    expect(refusal(() => drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'N', ring: bow, takeFromNeighbors: true }))).toMatch(/^self-intersection/)
    expect(refusal(() => drawNeighborhood(plan, { areaId: 'ne', id: 'v', name: 'N', ring: drawn, takeFromNeighbors: true }))).toMatch(/^duplicate-id/)
    const park = [P(240, 190), P(310, 190), P(310, 260), P(240, 260)]
    expect(refusal(() => drawNeighborhood(plan, { areaId: 'ne', id: 'n', name: 'N', ring: park, takeFromNeighbors: true }))).toMatch(/^swallows-neighbor: The new outline covers all of Park/)
  })
})

describe('redrawing the boundary between two neighbours', () => {
  it('moves the strip between the old and new boundary, areas adding up', () => {
    const plan = fixturePlan()
    const cs = redrawBoundary(plan, { aId: 's', bId: 'v', line: [[P(150, 0)[0], P(150, 0)[1] - 2e-6], P(150, 80), [P(150, 150)[0], P(150, 150)[1] + 1e-6]] })
    expect(cs.label).toBe('Redraw boundary between Springtown and Vasco')
    const after = applyChecked(plan, cs)
    expect(Math.abs(areaOf(geom(after, 's')) + areaOf(geom(after, 'v')) - areaOf(geom(plan, 's')) - areaOf(geom(plan, 'v')))).toBeLessThan(0.1)
    expect(Math.abs(areaOf(geom(plan, 's')) - areaOf(geom(after, 's')) - rect(150, 0, 200, 150))).toBeLessThan(0.1)
  })

  it('refuses a line whose ends are off the outer edge', () => {
    const plan = fixturePlan()
    expect(refusal(() => redrawBoundary(plan, { aId: 's', bId: 'v', line: [P(150, 40), P(150, 150)] }))).toMatch(/^line-not-on-boundary/)
  })
})

describe('deleting a neighborhood', () => {
  it('leaves a gap and unassigns its officers when given to nobody', () => {
    const plan = fixturePlan()
    const after = applyChecked(plan, deleteNeighborhood(plan, { id: 'p' }))
    expect(after.neighborhoods.map((n) => n.id)).not.toContain('p')
    expect(after.officers.find((o) => o.id === 'o3')!.neighborhoodId).toBeNull()
    expect(unionArea(hoodsOf(plan, 'ne')) - unionArea(hoodsOf(after, 'ne'))).toBeCloseTo(areaOf(geom(plan, 'p')), 1)
  })

  it('gives the ground to an adjacent neighbour, filling its hole', () => {
    const plan = fixturePlan()
    const cs = deleteNeighborhood(plan, { id: 'p', giveTo: 'm' })
    expect(cs.label).toBe('Delete Park, giving its ground to Midtown')
    const after = applyChecked(plan, cs)
    expect(geom(after, 'm')!.coordinates).toHaveLength(1)
    expect(Math.abs(unionArea(hoodsOf(after, 'ne')) - unionArea(hoodsOf(plan, 'ne')))).toBeLessThan(0.1)
    expect(after.officers.find((o) => o.id === 'o3')!.neighborhoodId).toBeNull()
    expect(refusal(() => deleteNeighborhood(plan, { id: 'p', giveTo: 'v' }))).toMatch(/^not-adjacent/)
  })
})

describe('renaming, recolouring and snapping', () => {
  it('renames and recolours with checks', () => {
    const plan = fixturePlan()
    expect(applyChecked(plan, renameNeighborhood(plan, { id: 'v', name: ' Vasco Road ' })).neighborhoods[1].name).toBe('Vasco Road')
    expect(refusal(() => renameNeighborhood(plan, { id: 'v', name: 'x'.repeat(81) }))).toMatch(/^bad-name: .*longer than 80/)
    expect(refusal(() => renameNeighborhood(plan, { id: 'zz', name: 'A' }))).toBe('unknown-neighborhood: There is no neighborhood with id zz')
    expect(applyChecked(plan, recolorNeighborhood(plan, { id: 'v', color: '#AABBCC' })).neighborhoods[1].color).toBe('#aabbcc')
    expect(refusal(() => recolorNeighborhood(plan, { id: 'v', color: 'red' }))).toBe('bad-color: The color red is not of the form #rrggbb')
  })

  it('snaps to a vertex first, then to an edge, within the tolerance only', () => {
    const plan = fixturePlan()
    const near = (x: number, y: number): [number, number] => [P(x, y)[0] + 2e-6, P(x, y)[1] + 1e-6]
    expect(snapPoint(plan, { areaId: 'ne', point: near(200, 150), toleranceM: 5 })).toEqual(P(200, 150))
    expect(snapPoint(plan, { areaId: 'ne', point: near(200, 150), toleranceM: 5, exclude: [P(200, 150)] })).not.toEqual(P(200, 150))
    const onEdge = snapPoint(plan, { areaId: 'ne', point: near(200, 80), toleranceM: 5 })
    expect(orientLonLat(P(200, 0), P(200, 150), onEdge)).toBe(0)
    expect(snapPoint(plan, { areaId: 'ne', point: near(150, 80), toleranceM: 5 })).toEqual([P(150, 80)[0] + 2e-6, P(150, 80)[1] + 1e-6])
  })
})
