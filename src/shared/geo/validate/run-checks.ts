import type { AreaGeometry, Finding, PlanState, Tolerances } from '../../domain'
import { plainFinding } from './finding-build'
import { legacyGeoFindings } from './legacy-checks'
import { overlayFindings, type Item } from './overlay-checks'
import { shapeOf } from './shape'
import { geometryProblems, type GeometryProblem } from './validity'
import { peopleFindings } from './people-checks'

const problemCache = new WeakMap<AreaGeometry, GeometryProblem[]>()
function problemsOf(g: AreaGeometry): GeometryProblem[] {
  let p = problemCache.get(g)
  if (!p) {
    p = geometryProblems(g)
    problemCache.set(g, p)
  }
  return p
}

export function runChecks(plan: PlanState, tol: Tolerances): Finding[] {
  const out: Finding[] = []
  const validItem = (kind: 'city' | 'area' | 'neighborhood', id: string, name: string, g: AreaGeometry): boolean => {
    const probs = problemsOf(g)
    for (const p of probs.slice(0, 3)) {
      const who = kind === 'city' ? 'The city limit' : kind === 'area' ? `Area Command ${name}` : `Neighborhood ${name}`
      out.push(
        plainFinding('invalid-geometry', 'error', kind === 'area' ? { areaIds: [id] } : kind === 'neighborhood' ? { neighborhoodIds: [id] } : {}, p.location, `${who} has invalid geometry: ${p.reason}`, p.reason),
      )
    }
    return probs.length === 0
  }
  const city = plan.city && validItem('city', 'city', plan.city.name, plan.city.geometry) ? shapeOf(plan.city.geometry) : null
  const areas: Item[] = []
  const areaIndex = new Map<string, number>()
  for (const a of plan.areas) {
    if (!validItem('area', a.id, a.name, a.geometry)) continue
    areaIndex.set(a.id, areas.length)
    areas.push({ id: a.id, name: a.name, shape: shapeOf(a.geometry) })
  }
  const areaExists = new Set(plan.areas.map((a) => a.id))
  const nbs: Item[] = []
  const nbAreaIds: string[] = []
  for (const n of plan.neighborhoods) {
    if (!validItem('neighborhood', n.id, n.name, n.geometry)) continue
    const ai = areaIndex.get(n.areaId ?? '')
    nbs.push({ id: n.id, name: n.name, shape: shapeOf(n.geometry), area: ai ?? (areaExists.has(n.areaId ?? '') ? -2 : -1) })
    nbAreaIds.push(n.areaId ?? '')
  }
  const geo = overlayFindings({ areas, nbs, city, nbAreaId: (i) => nbAreaIds[i] }, tol)
  out.push(...(geo ?? legacyGeoFindings(plan, tol, (g) => problemsOf(g).length === 0)))

  out.push(...peopleFindings(plan, tol))
  return out
}

