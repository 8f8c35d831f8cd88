import type { AreaGeometry, Finding, PlanState, Tolerances } from '../../domain'
import { plainFinding, sortFindings } from './finding-build'
import { GeoState, type Ignored } from './geo-state'
import { geometryProblems, type GeometryProblem } from './validity'
import { repairedShape } from '../make-valid'
import { shapeOf, type Shape } from './shape'
import { peopleFindings, type PeopleMemo } from './people-checks'

const problemCache = new WeakMap<AreaGeometry, GeometryProblem[]>()
function problemsOf(g: AreaGeometry): GeometryProblem[] {
  let p = problemCache.get(g)
  if (!p) {
    p = geometryProblems(g)
    problemCache.set(g, p)
  }
  return p
}
export const isValid = (g: AreaGeometry) => problemsOf(g).length === 0

const repairedCache = new WeakMap<AreaGeometry, { shape: Shape; repaired: boolean } | null>()
/** A valid boundary is checked as it is; an invalid one in its repaired form, so no check passes it over. */
export function checkShape(g: AreaGeometry): { shape: Shape; repaired: boolean } | null {
  if (isValid(g)) return { shape: shapeOf(g), repaired: false }
  let c = repairedCache.get(g)
  if (c === undefined) {
    const shape = repairedShape(g)
    c = shape ? { shape, repaired: true } : null
    repairedCache.set(g, c)
  }
  return c
}

/** Findings lists handed out, with what they left out below the piece floor (read by `summarize`). */
export const ignoredOf = new WeakMap<Finding[], Ignored>()

function validityFindings(plan: PlanState): Finding[] {
  const out: Finding[] = []
  const check = (kind: 'city' | 'area' | 'neighborhood', id: string, name: string, g: AreaGeometry) => {
    for (const p of problemsOf(g).slice(0, 3)) {
      const who = kind === 'city' ? 'The city limit' : kind === 'area' ? `Area Command ${name}` : `Neighborhood ${name}`
      out.push(plainFinding('invalid-geometry', 'error', kind === 'area' ? { areaIds: [id] } : kind === 'neighborhood' ? { neighborhoodIds: [id] } : {}, p.location, `${who} has invalid geometry: ${p.reason}`, p.reason))
    }
  }
  if (plan.city) check('city', 'city', plan.city.name, plan.city.geometry)
  for (const a of plan.areas) check('area', a.id, a.name, a.geometry)
  for (const n of plan.neighborhoods) check('neighborhood', n.id, n.name, n.geometry)
  return out
}

/** Every rule of the plan: geometric findings kept in `geo`, the cheap rest redone. */
export function assemble(plan: PlanState, geo: GeoState, tol: Tolerances, memo?: PeopleMemo): Finding[] {
  const out = sortFindings([...validityFindings(plan), ...geo.findings(), ...peopleFindings(plan, tol, memo)])
  ignoredOf.set(out, geo.ignoredTotal())
  return out
}

export function newGeoState(plan: PlanState, tol: Tolerances): GeoState {
  const geo = new GeoState(tol, checkShape)
  geo.build(plan)
  return geo
}
