import { afterEach, describe, expect, it } from 'vitest'
import { quantize, type Finding, type Neighborhood, type Officer, type Polygon } from '../../../src/shared/domain'
import { validatePlan } from '../../../src/shared/geo/validate'
import { mulberry32 } from '../../../scripts/lib/mulberry32'
import { AppError } from '../../../src/main/services/app-error'
import type { Actor } from '../../../src/main/services/actor'
import { makeServices } from '../../helpers/services'

const ADMIN: Actor = { osUser: 'tester', profile: { role: 'admin' } }
let s: ReturnType<typeof makeServices> | null = null
afterEach(() => {
  s?.cleanup()
  s = null
})

/** What the findings panel shows: ids, kinds, severities and who is involved; areas to 1e-6 relative. */
function shown(fs: Finding[]) {
  return fs
    .map((f) => ({ id: f.id, kind: f.kind, severity: f.severity, neighborhoodIds: f.neighborhoodIds, officerIds: f.officerIds, areaM2: Number(f.areaM2.toPrecision(6)) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Moves one corner of a neighborhood's outer ring by up to ~30 m: shared corners open gaps, others overlaps (refused). */
function nudge(n: Neighborhood, r: () => number): Neighborhood {
  const g = n.geometry as Polygon
  const ring = g.coordinates[0].map((p) => [...p])
  const i = Math.floor(r() * (ring.length - 1))
  ring[i] = [quantize(ring[i][0] + (r() - 0.5) * 0.0006), quantize(ring[i][1] + (r() - 0.5) * 0.0006)]
  if (i === 0) ring[ring.length - 1] = ring[0]
  return { ...n, geometry: { type: 'Polygon', coordinates: [ring, ...g.coordinates.slice(1)] } }
}

/** An officer leaves their neighborhood, or adopts another in their area: "has no adopting officer" comes and goes. */
function readopt(o: Officer, hoods: Neighborhood[], r: () => number): Officer {
  const mine = hoods.filter((n) => n.areaId === o.areaId)
  const to = o.neighborhoodId && r() < 0.5 ? null : (mine[Math.floor(r() * mine.length)]?.id ?? null)
  return { ...o, neighborhoodId: to }
}

describe('undo and redo keep the live check true', () => {
  it('after every edit, adoption, undo and redo in 20 random sequences, the live findings equal a fresh check of the stored plan', () => {
    s = makeServices()
    const tol = s.settings.get().tolerances
    const steps = { edit: 0, adopt: 0, undo: 0, redo: 0, refused: 0 }
    for (let seq = 0; seq < 20; seq++) {
      const r = mulberry32(1000 + seq)
      for (let step = 0; step < 10; step++) {
        const plan = s.plans.load()
        const pick = r()
        try {
          if (pick < 0.3) {
            const polys = plan.neighborhoods.filter((n) => n.geometry.type === 'Polygon')
            const n = polys[Math.floor(r() * polys.length)]
            s.changes.apply({ label: `Reshape ${n.name}`, ops: [{ entity: 'neighborhood', id: n.id, before: n, after: nudge(n, r) }] }, ADMIN)
            steps.edit++
          } else if (pick < 0.55) {
            const o = plan.officers[Math.floor(r() * plan.officers.length)]
            s.changes.apply({ label: `Adopt ${o.displayName}`, ops: [{ entity: 'officer', id: o.id, before: o, after: readopt(o, plan.neighborhoods, r) }] }, ADMIN)
            steps.adopt++
          } else if (pick < 0.85) {
            if (!s.changes.canUndo(ADMIN)) continue
            s.changes.undo(ADMIN)
            steps.undo++
          } else {
            if (!s.changes.canRedo(ADMIN)) continue
            s.changes.redo(ADMIN)
            steps.redo++
          }
        } catch (e) {
          if (!(e instanceof AppError) || e.code !== 'edit-refused') throw e
          steps.refused++
        }
        expect(shown(s.validation.findings()), `sequence ${seq}, step ${step}`).toEqual(shown(validatePlan(s.plans.load(), tol)))
      }
    }
    // The sequences must really exercise every path, refusals included.
    expect(steps.undo).toBeGreaterThan(20)
    expect(steps.redo).toBeGreaterThanOrEqual(5)
    expect(steps.edit).toBeGreaterThan(20)
    expect(steps.adopt).toBeGreaterThan(20)
  })

  it('undoing an adoption brings back "has no adopting officer" in the live check', () => {
    s = makeServices()
    const plan = s.plans.load()
    const n = plan.neighborhoods.find((h) => plan.officers.some((o) => o.neighborhoodId === h.id))!
    const theirs = plan.officers.filter((x) => x.neighborhoodId === n.id)
    const vacant = () => s!.validation.findings().some((f) => f.neighborhoodIds.includes(n.id) && /no adopting officer/i.test(f.message))
    expect(vacant()).toBe(false)
    s.changes.apply({ label: 'All leave', ops: theirs.map((o) => ({ entity: 'officer' as const, id: o.id, before: o, after: { ...o, neighborhoodId: null } })) }, ADMIN)
    expect(vacant()).toBe(true)
    s.changes.undo(ADMIN)
    expect(vacant()).toBe(false)
    s.changes.redo(ADMIN)
    expect(vacant()).toBe(true)
  })
})
