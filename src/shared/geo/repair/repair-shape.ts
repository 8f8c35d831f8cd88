import type { AreaCommand, Finding, Neighborhood, PlanState } from '../../domain'
import { makeValid } from '../make-valid'
import { cleanGeometry } from '../ops/clean'
import { areaM2 } from '../ops/clip'
import { fmtM2, reshape, toProposal, type Reshape } from './proposal'
import { RepairError, type RepairChoice, type RepairProposal } from './types'

type Target = { entity: 'neighborhood'; row: Neighborhood } | { entity: 'area'; row: AreaCommand }

function targetOf(plan: PlanState, f: Finding): Target | null {
  const n = f.neighborhoodIds[0] !== undefined ? plan.neighborhoods.find((x) => x.id === f.neighborhoodIds[0]) : undefined
  if (n) return { entity: 'neighborhood', row: n }
  const a = f.areaIds[0] !== undefined ? plan.areas.find((x) => x.id === f.areaIds[0]) : undefined
  return a ? { entity: 'area', row: a } : null
}

/** An invalid neighborhood or Area Command can be replaced by its repaired form (the city limit is imported again instead). */
export const shapeRepairAvailable = (plan: PlanState, f: Finding): boolean => f.kind === 'invalid-geometry' && targetOf(plan, f) !== null

/**
 * The shape becomes the repaired form the plan check already uses for it (GEOS MakeValid,
 * "structure"), so the other findings stay as they are and the invalid-geometry one goes.
 * m² moved is how much the ground its stored rings enclose, read as plain polygons, differs
 * from the repaired ground (a bow-tie's second lobe, say).
 */
export function repairShape(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  const t = targetOf(plan, f)
  if (!t) throw new RepairError(f.neighborhoodIds.length || f.areaIds.length ? 'The shape of this finding is no longer in the plan' : 'The city limit\'s shape is repaired by importing it again')
  const name = t.row.name
  const fixed = makeValid(t.row.geometry)
  const clean = fixed && cleanGeometry(fixed)
  if (!clean) throw new RepairError(`Nothing is left of ${name}'s shape once repaired (every ring collapses); redraw it`)
  const shapes: Reshape[] = [[{ entity: t.entity, id: t.row.id }, clean]]
  const m2 = Math.abs(areaM2(clean) - areaM2(t.row.geometry))
  const cs = reshape(plan, `Repair the shape of ${name}`, shapes)
  const why = f.reason ? ` (${f.reason})` : ''
  return toProposal(f, choice, cs, m2, `Replace the invalid shape of ${name}${why} with its repaired form, ${fmtM2(m2)} different from its rings read as drawn.`)
}
