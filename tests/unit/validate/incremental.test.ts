import { describe, expect, it } from 'vitest'
import { createValidator, validatePlan } from '../../../src/shared/geo/validate'
import type { ChangeOp, Finding, Neighborhood, PlanState, Polygon } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'
import { applyChangeSet as applyOps } from '../../../src/shared/domain'
import { chicagoAbsent, chicagoSkipMessage, loadChicago } from './chicago-plan'
import { cleanPlan, hood, rect } from './fixtures'

/** Same findings: ids, kinds, severities and involved ids exactly; areas to 1e-6 relative. */
function expectSame(got: Finding[], want: Finding[]) {
  const strip = (fs: Finding[]) => fs.map((f) => ({ id: f.id, kind: f.kind, severity: f.severity, sliver: f.sliver, areaIds: f.areaIds, neighborhoodIds: f.neighborhoodIds, officerIds: f.officerIds, message: f.message.replace(/[\d,.]+ m²/, 'N m²') }))
  expect(strip(got)).toEqual(strip(want))
  got.forEach((f, i) => expect(Math.abs(f.areaM2 - want[i].areaM2)).toBeLessThanOrEqual(1e-6 * Math.max(1, want[i].areaM2)))
}

function rng(seed: number) {
  let s = seed
  return () => ((s = (s * 48271) % 2147483647) / 2147483647)
}

/** Moves one vertex (not the closing one) of the outer ring by up to `deg`. */
function moveVertex(n: Neighborhood, r: () => number, deg: number): Neighborhood {
  const g = n.geometry as Polygon
  const ring = g.coordinates[0].map((p) => [...p])
  const i = Math.floor(r() * (ring.length - 1))
  const p = [quantize(ring[i][0] + (r() - 0.5) * deg), quantize(ring[i][1] + (r() - 0.5) * deg)]
  ring[i] = p
  if (i === 0) ring[ring.length - 1] = p
  return { ...n, geometry: { type: 'Polygon', coordinates: [ring, ...g.coordinates.slice(1)] } }
}

function randomEdits(plan: PlanState, steps: number, seed: number, deg: number, extra?: (p: PlanState, r: () => number) => ChangeOp | null) {
  const r = rng(seed)
  const v = createValidator(plan)
  let state = plan
  expectSame(v.findings(), validatePlan(state))
  for (let s = 0; s < steps; s++) {
    const polys = state.neighborhoods.filter((n) => n.geometry.type === 'Polygon')
    const before = polys[Math.floor(r() * polys.length)]
    const op: ChangeOp = (extra && r() < 0.3 && extra(state, r)) || { entity: 'neighborhood', id: before.id, before, after: moveVertex(before, r, deg) }
    const got = v.apply([op])
    state = applyOps(state, [op])
    expectSame(got, validatePlan(state))
  }
  return v
}

describe('incremental re-check', () => {
  it('gives exactly what a fresh validation gives after random vertex moves and replacements (hand-made plan)', () => {
    randomEdits(cleanPlan(), 40, 3, 0.002, (p, r) => {
      const n = p.neighborhoods[Math.floor(r() * p.neighborhoods.length)]
      const x = Math.floor(r() * 1800), y = Math.floor(r() * 800)
      return { entity: 'neighborhood', id: n.id, before: n, after: hood(n.id, n.areaId, rect(x, y, x + 50 + r() * 400, y + 50 + r() * 400)) }
    })
  })

  it('gives exactly what a fresh validation gives after area moves, deletions, re-adds, renames and reassignments', () => {
    const removed: Neighborhood[] = []
    randomEdits(cleanPlan(), 40, 9, 0.003, (p, r) => {
      const pick = r()
      if (pick < 0.25) {
        const a = p.areas[Math.floor(r() * p.areas.length)]
        const x = Math.floor(r() * 300) - 150
        return { entity: 'area', id: a.id, before: a, after: { ...a, geometry: rect(a.id === 'N' ? x : 1000 + x, 0, a.id === 'N' ? 1000 + x : 2000, 1000) } }
      }
      if (pick < 0.45 && p.neighborhoods.length > 2) {
        const n = p.neighborhoods[Math.floor(r() * p.neighborhoods.length)]
        removed.push(n)
        return { entity: 'neighborhood', id: n.id, before: n, after: null }
      }
      if (pick < 0.65 && removed.length) {
        const n = removed.pop()!
        return { entity: 'neighborhood', id: n.id, before: null, after: n }
      }
      const n = p.neighborhoods[Math.floor(r() * p.neighborhoods.length)]
      return { entity: 'neighborhood', id: n.id, before: n, after: { ...n, name: n.name + '*', areaId: r() < 0.5 ? n.areaId : r() < 0.5 ? 'N' : 'S' } }
    })
  })

  it('lists the findings that involve given neighborhoods or areas', () => {
    const p = cleanPlan()
    p.neighborhoods.push(hood('Inner', 'N', rect(100, 100, 200, 200)))
    const v = createValidator(p)
    expect(v.findingsFor(['Inner']).map((f) => f.kind).sort()).toEqual(['overlap', 'unassigned-neighborhood'])
    expect(v.findingsFor(['Downtown'])).toEqual([])
  })

  it.skipIf(chicagoAbsent)('gives exactly what a fresh validation gives after random vertex moves on Chicago', () => {
    if (chicagoAbsent) console.warn(chicagoSkipMessage)
    randomEdits(loadChicago('full'), 8, 5, 0.0004)
  })

  it.skipIf(chicagoAbsent)('gives exactly what a fresh validation gives after random vertex moves on the dirty simplified Chicago layers', () => {
    if (chicagoAbsent) console.warn(chicagoSkipMessage)
    randomEdits(loadChicago('simplified'), 24, 17, 0.002)
  })
})
