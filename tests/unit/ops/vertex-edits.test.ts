import { describe, expect, it } from 'vitest'
import { EditError } from '../../../src/shared/domain'
import { insertVertex, moveVertex, removeVertex } from '../../../src/shared/geo/ops'
import { P, fixturePlan } from './fixture'
import { applyChecked, areaOf, hoodsOf, unionArea } from './plan-checks'

const code = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    if (e instanceof EditError) return `${e.code}: ${e.message}`
    throw e
  }
  return 'no error'
}

describe('dragging a shared vertex', () => {
  it('moves it in every neighborhood that has it, keeping the area covered and nothing overlapping', () => {
    const plan = fixturePlan()
    const cs = moveVertex(plan, { areaId: 'ne', from: P(200, 150), to: P(215, 170), editAreas: false })
    expect(cs.label).toBe('Move vertex in Springtown, Vasco, Midtown')
    expect(cs.ops.map((o) => o.id).sort()).toEqual(['m', 's', 'v'])
    const after = applyChecked(plan, cs)
    expect(Math.abs(unionArea(hoodsOf(after, 'ne')) - unionArea(hoodsOf(plan, 'ne')))).toBeLessThan(0.1)
    const s = after.neighborhoods.find((n) => n.id === 's')!
    expect(areaOf(s.geometry)).toBeGreaterThan(areaOf(plan.neighborhoods[0].geometry))
  })

  it('refuses a drag that would make a boundary cross itself or a neighbour', () => {
    const plan = fixturePlan()
    expect(code(() => moveVertex(plan, { areaId: 'ne', from: P(100, 150), to: P(300, 100), editAreas: false }))).toMatch(/^self-intersection: Moving this vertex there would/)
    // Park's corner dragged out across Midtown's hole edge into Midtown itself.
    expect(code(() => moveVertex(plan, { areaId: 'ne', from: P(300, 250), to: P(240, 180), editAreas: false }))).toMatch(/^self-intersection/)
  })

  it('refuses to move a vertex on the Area Command boundary unless Administration edits areas', () => {
    const plan = fixturePlan()
    expect(code(() => moveVertex(plan, { areaId: 'ne', from: P(200, 0), to: P(200, 10), editAreas: false }))).toBe(
      'area-boundary: This vertex lies on the Area Command boundary of Northeast; only Administration can move it',
    )
    const cs = moveVertex(plan, { areaId: 'ne', from: P(200, 0), to: P(210, 10), editAreas: true })
    expect(cs.ops.map((o) => `${o.entity}:${o.id}`).sort()).toEqual(['area:ne', 'area:so', 'neighborhood:r', 'neighborhood:s', 'neighborhood:v', 'neighborhood:w'])
    const after = applyChecked(plan, cs)
    const all = (p: typeof plan) => unionArea(p.neighborhoods.map((n) => n.geometry))
    expect(Math.abs(all(after) - all(plan))).toBeLessThan(0.1)
  })

  it('says so when there is no vertex at the dragged point, or it lands on another vertex', () => {
    const plan = fixturePlan()
    expect(code(() => moveVertex(plan, { areaId: 'ne', from: P(150, 150), to: P(150, 160), editAreas: false }))).toMatch(/^no-vertex: No neighborhood of Northeast/)
    expect(code(() => moveVertex(plan, { areaId: 'ne', from: P(200, 150), to: P(100, 150), editAreas: false }))).toMatch(/^degenerate/)
  })
})

describe('adding and removing vertices', () => {
  it('adds a vertex to both neighbours of an edge, exactly on it, so dragging it drags the edge', () => {
    const plan = fixturePlan()
    const cs = insertVertex(plan, { areaId: 'ne', segment: [P(200, 150), P(200, 0)], at: [P(200, 75)[0] + 3e-9, P(200, 75)[1]] })
    expect(cs.ops.map((o) => o.id).sort()).toEqual(['s', 'v'])
    const after = applyChecked(plan, cs)
    expect(Math.abs(unionArea(hoodsOf(after, 'ne')) - unionArea(hoodsOf(plan, 'ne')))).toBeLessThan(0.1)
    const dragged = applyChecked(after, moveVertex(after, { areaId: 'ne', from: P(200, 75), to: P(240, 75), editAreas: false }))
    expect(Math.abs(unionArea(hoodsOf(dragged, 'ne')) - unionArea(hoodsOf(plan, 'ne')))).toBeLessThan(0.1)
    const removed = applyChecked(dragged, removeVertex(dragged, { areaId: 'ne', at: P(240, 75), editAreas: false }))
    expect(removed.neighborhoods.map((n) => n.geometry)).toEqual(plan.neighborhoods.map((n) => n.geometry))
  })

  it('refuses a point off the edge and an edge nobody has', () => {
    const plan = fixturePlan()
    expect(code(() => insertVertex(plan, { areaId: 'ne', segment: [P(200, 150), P(200, 0)], at: P(210, 75) }))).toMatch(/^not-on-edge/)
    expect(code(() => insertVertex(plan, { areaId: 'ne', segment: [P(0, 0), P(400, 300)], at: P(200, 150) }))).toMatch(/^(no-edge|degenerate)/)
  })

  it('refuses to leave a ring with fewer than three corners', () => {
    const plan = fixturePlan()
    const tri = applyChecked(plan, removeVertex(plan, { areaId: 'ne', at: P(300, 250), editAreas: false }))
    expect(code(() => removeVertex(tri, { areaId: 'ne', at: P(250, 250), editAreas: false }))).toMatch(/^too-few-vertices: (Park|Midtown) would be left with fewer than 3 corners/)
  })

  it('refuses a removal that makes a boundary cross itself', () => {
    const plan = fixturePlan()
    // Notch Park's bottom edge up to just below its top edge, then take away a top corner.
    let p = applyChecked(plan, insertVertex(plan, { areaId: 'ne', segment: [P(250, 200), P(300, 200)], at: P(275, 200) }))
    p = applyChecked(p, moveVertex(p, { areaId: 'ne', from: P(275, 200), to: P(275, 248), editAreas: false }))
    expect(code(() => removeVertex(p, { areaId: 'ne', at: P(300, 250), editAreas: false }))).toMatch(/^self-intersection: Removing this vertex would make the boundary of (Park|Midtown) cross/)
  })
})
