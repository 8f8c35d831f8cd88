import { area as turfArea } from '@turf/area'
import type { AreaCommand } from './entities'
import type { Finding } from './finding'
import type { AreaGeometry } from './geometry'
import type { PlanState } from './plan'

/** How much of one Area Command its neighborhoods cover, from the plan check's gaps and overlaps. */
export interface AreaCoverage {
  areaId: string
  areaM2: number
  coveredM2: number
  coveredPct: number
  gapM2: number
  overlapM2: number
}

// An area's outline is only ever replaced whole: its size is measured once per geometry.
const sizes = new WeakMap<AreaGeometry, number>()
function areaM2Of(a: AreaCommand): number {
  let m2 = sizes.get(a.geometry)
  if (m2 === undefined) sizes.set(a.geometry, (m2 = turfArea(a.geometry)))
  return m2
}

/** Each area's coverage: the command line's report and the window's area list both show it. */
export function areaCoverage(plan: PlanState, findings: readonly Finding[]): AreaCoverage[] {
  const gapM2 = new Map<string, number>()
  const overlapNbs: Finding[] = []
  for (const f of findings) {
    if (f.kind === 'gap') for (const id of f.areaIds) gapM2.set(id, (gapM2.get(id) ?? 0) + f.areaM2)
    else if (f.kind === 'overlap') overlapNbs.push(f)
  }
  const areaOf = new Map(plan.neighborhoods.map((n) => [n.id, n.areaId]))
  return plan.areas.map((a) => {
    const areaM2 = areaM2Of(a)
    const gap = gapM2.get(a.id) ?? 0
    const overlapM2 = overlapNbs.filter((f) => f.neighborhoodIds.some((id) => areaOf.get(id) === a.id)).reduce((s, f) => s + f.areaM2, 0)
    const coveredM2 = Math.max(0, areaM2 - gap)
    return { areaId: a.id, areaM2, coveredM2, coveredPct: areaM2 > 0 ? (100 * coveredM2) / areaM2 : 0, gapM2: gap, overlapM2 }
  })
}
