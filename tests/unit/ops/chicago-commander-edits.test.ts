import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AreaGeometry, ChangeSet, PlanState } from '../../../src/shared/domain'
import { sameShape } from '../../../src/shared/domain/same-shape'
import { deleteNeighborhood, mergeNeighborhoods, splitNeighborhood } from '../../../src/shared/geo/ops'
import { makeServices } from '../../helpers/services'

const dir = path.resolve(__dirname, '../../../../shared/real-data/chicago')
const present = fs.existsSync(path.join(dir, 'beats.geojson'))
if (!present) console.warn(`Skipping the Area Commander edits on Chicago: ${dir} is absent`)

const keys = (g: AreaGeometry): Set<string> => new Set((g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).map((c) => `${c[0]},${c[1]}`))

/** Pairs of beats of one district sharing a stretch of boundary, each beat used once. */
function adjacentPairs(plan: PlanState): [string, string][] {
  const used = new Set<string>()
  const out: [string, string][] = []
  for (const a of plan.neighborhoods) {
    if (used.has(a.id)) continue
    const va = keys(a.geometry)
    const b = plan.neighborhoods.find((n) => n.id !== a.id && !used.has(n.id) && n.areaId === a.areaId && [...keys(n.geometry)].filter((k) => va.has(k)).length >= 6)
    if (!b) continue
    used.add(a.id).add(b.id)
    out.push([a.id, b.id])
  }
  return out
}

// Imported city layers rarely share every vertex: a district line runs past a beat's corner a
// fraction of a millimetre off, and beats of two districts meet with T-junctions. An Area
// Commander must still be able to merge, split and hand over ground inside their district.
describe.skipIf(!present)('an Area Commander editing real Chicago beats imported as they are', () => {
  let s: ReturnType<typeof makeServices>
  let pairs: [string, string][]
  beforeAll(async () => {
    s = makeServices({ seed: false })
    const admin = s.session.actor()
    await s.imports.apply(path.join(dir, 'districts.geojson'), { layer: 'areas', idField: 'DIST_NUM', nameField: 'DIST_LABEL', mode: 'replace' }, admin)
    await s.imports.apply(path.join(dir, 'beats.geojson'), { layer: 'neighborhoods', idField: 'BEAT_NUM', areaField: 'DISTRICT', mode: 'replace' }, admin)
    pairs = adjacentPairs(s.plans.load())
  })
  afterAll(() => s.cleanup())

  /** Applies as the commander of `areaId`; every row of another area in it may only gain or lose collinear vertices. */
  function asCommander(areaId: string, make: (p: PlanState) => ChangeSet): void {
    s.session.setProfile({ role: 'commander', areaId })
    try {
      const plan = s.plans.load()
      const cs = make(plan)
      for (const op of cs.ops) {
        if (op.entity === 'officer') continue
        const own = op.entity === 'neighborhood' && [op.before, op.after].every((r) => !r || r.areaId === areaId)
        if (!own) expect(op.before && op.after && sameShape(op.before.geometry, op.after.geometry), `${op.entity} ${op.id} changes shape`).toBe(true)
      }
      s.changes.apply(cs, s.session.actor())
    } finally {
      s.session.setProfile({ role: 'admin' })
    }
  }

  it('imports rings wound as RFC 7946 asks, whatever the file did', () => {
    const plan = s.plans.load()
    const signed = (r: number[][]) => r.slice(0, -1).reduce((acc, p, i) => acc + (r[i + 1][0] - p[0]) * (r[i + 1][1] + p[1]), 0)
    for (const n of [...plan.areas, ...plan.neighborhoods])
      for (const poly of n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates) {
        expect(signed(poly[0]), `${n.id} exterior`).toBeLessThan(0)
        for (const hole of poly.slice(1)) expect(signed(hole), `${n.id} hole`).toBeGreaterThan(0)
      }
  })

  it('merges two beats, keeping the ground of both', () => {
    for (const [a, b] of pairs.slice(0, 4)) {
      const areaId = s.plans.load().neighborhoods.find((n) => n.id === a)!.areaId
      asCommander(areaId, (p) => mergeNeighborhoods(p, { ids: [a, b], name: `Merged ${a}` }))
      expect(s.plans.load().neighborhoods.some((n) => n.id === b)).toBe(false)
    }
  })

  it('splits a beat with a line across it, also where the cut ends on the district line', () => {
    for (const [a] of pairs.slice(4, 8)) {
      const n = s.plans.load().neighborhoods.find((x) => x.id === a)!
      const cs = (n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates).flat(2)
      const xs = cs.map((c) => c[0]), ys = cs.map((c) => c[1])
      const y = (Math.min(...ys) + Math.max(...ys)) / 2 + 1e-6
      asCommander(n.areaId, (p) => splitNeighborhood(p, { id: a, line: [[Math.min(...xs) - 0.001, y], [Math.max(...xs) + 0.001, y]], newId: `${a}-south`, names: [`${a} North`, `${a} South`] }))
      expect(s.plans.load().neighborhoods.some((x) => x.id === `${a}-south`)).toBe(true)
    }
  })

  it('deletes a beat, giving its ground to the neighbour', () => {
    for (const [a, b] of pairs.slice(8, 12)) {
      const areaId = s.plans.load().neighborhoods.find((n) => n.id === a)!.areaId
      asCommander(areaId, (p) => deleteNeighborhood(p, { id: b, giveTo: a }))
      expect(s.plans.load().neighborhoods.some((n) => n.id === b)).toBe(false)
    }
  })
})
