import type { AreaCommand, Finding, Neighborhood, PlanState } from '../../domain'
import { geometryIssues } from '../ops/clean'
import { areaM2, clip } from '../ops/clip'
import { bboxOf, bboxesMeet } from '../ops/geom'
import { pieceOf, takeInArea } from './give-ground'
import { fmtM2, nearbyBoundaries, reshape, toProposal, type Reshape } from './proposal'
import { RepairError, type RepairChoice, type RepairProposal } from './types'

/** Less than this (m²) of another area under the moved ground is rounding, not ground it loses. */
const TRACE_M2 = 0.01

function parties(plan: PlanState, f: Finding): { n: Neighborhood; area: AreaCommand } {
  const n = plan.neighborhoods.find((x) => x.id === f.neighborhoodIds[0])
  if (!n) throw new RepairError('The neighborhood of this finding is no longer in the plan')
  const area = plan.areas.find((a) => a.id === n.areaId)
  if (!area) throw new RepairError(`${n.name}'s Area Command "${n.areaId}" does not exist, so there is no boundary to clip it back to; give it an existing Area Command first`)
  return { n, area }
}

/** The neighborhood is cut back to its Area Command: by the area itself when valid, so the new edge is the area's own. */
export function clipToArea(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  const piece = pieceOf(f)
  const { n, area } = parties(plan, f)
  const ref = nearbyBoundaries(plan, n.geometry)
  const clipped = geometryIssues(area.geometry).length ? clip('difference', ref, n.geometry, piece) : clip('intersection', ref, n.geometry, area.geometry)
  if (!clipped) throw new RepairError(`${n.name} lies wholly outside ${area.name}: clipping would leave it no ground`)
  const shapes: Reshape[] = [[{ entity: 'neighborhood', id: n.id }, clipped]]
  // Ground clipped off into another Area Command goes to that area's neighborhood beside it, where none holds it yet.
  const takers: string[] = []
  for (const other of plan.areas) {
    if (other.id === area.id || !bboxesMeet(bboxOf(other.geometry), bboxOf(piece))) continue
    const part = clip('intersection', ref, piece, other.geometry)
    if (!part || areaM2(part) < TRACE_M2) continue
    const t = takeInArea(plan, part, other.id, n.id)
    if (!t || shapes.some(([e]) => e.id === t.n.id)) continue
    shapes.push([{ entity: 'neighborhood', id: t.n.id }, t.g])
    takers.push(`${t.n.name} in ${other.name}`)
  }
  const m2 = f.areaM2
  const to = takers.length ? `, and give it to ${takers.join(' and ')}` : ''
  const cs = reshape(plan, `Clip ${n.name} to ${area.name}`, shapes)
  return toProposal(f, choice, cs, m2, `Clip ${fmtM2(m2)} off ${n.name}, back to its Area Command ${area.name}${to}.`)
}

/**
 * The Area Command takes the ground in. Another Area Command that held it loses it, or the
 * two would overlap; whatever that strands (its own neighborhoods there) the edit guard names.
 */
export function moveAreaBoundary(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  pieceOf(f)
  const { n, area } = parties(plan, f)
  if (geometryIssues(area.geometry).length) throw new RepairError(`${area.name}'s boundary is invalid; repair its shape before moving it`)
  const ref = nearbyBoundaries(plan, n.geometry)
  const outside = clip('difference', ref, n.geometry, area.geometry)
  if (!outside) throw new RepairError(`${n.name} no longer reaches outside ${area.name}`)
  // The area takes the neighborhood's own edges, vertex for vertex.
  const grown = clip('union', ref, area.geometry, n.geometry)
  if (!grown) throw new RepairError(`Moving ${area.name}'s boundary left no ground`)
  const shapes: Reshape[] = [[{ entity: 'area', id: area.id }, grown]]
  const losers: string[] = []
  for (const other of plan.areas) {
    if (other.id === area.id || !bboxesMeet(bboxOf(other.geometry), bboxOf(outside))) continue
    const shared = clip('intersection', ref, other.geometry, outside)
    if (!shared || areaM2(shared) < TRACE_M2) continue
    // Its neighborhoods there would be left outside it: that trades one finding for another.
    const held = plan.neighborhoods.find((m) => m.areaId === other.id && m.id !== n.id && bboxesMeet(bboxOf(m.geometry), bboxOf(shared)) && areaM2(clip('intersection', ref, m.geometry, shared)) >= TRACE_M2)
    if (held) throw new RepairError(`${n.name}'s ground outside ${area.name} is part of ${held.name} in ${other.name}; moving the boundary would leave ${held.name} outside its Area Command. Settle the overlap of ${n.name} and ${held.name} first`)
    const rest = clip('difference', ref, other.geometry, outside)
    if (!rest) throw new RepairError(`${other.name} lies wholly under ${n.name}: moving ${area.name}'s boundary would leave it no ground`)
    shapes.push([{ entity: 'area', id: other.id }, rest])
    losers.push(other.name)
  }
  const m2 = f.areaM2
  const off = losers.length ? `, taking it off ${losers.join(', ')}` : ''
  const cs = reshape(plan, `Move ${area.name}'s boundary to take in ${n.name}`, shapes)
  return toProposal(f, choice, cs, m2, `Move ${area.name}'s boundary to take in the ${fmtM2(m2)} of ${n.name} outside it${off}.`)
}
