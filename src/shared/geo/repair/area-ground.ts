import { COORD_QUANTUM, type AreaCommand, type Finding, type PlanState } from '../../domain'
import { geometryIssues } from '../ops/clean'
import { areaM2, clip } from '../ops/clip'
import { bboxOf, bboxesMeet } from '../ops/geom'
import { insertPointsOnEdges, verticesOf } from '../ops/noding'
import { bordersAlong, overlapBorders } from './border'
import { gapCandidates, pieceOf, takeInArea } from './give-ground'
import { fmtM, fmtM2, nearbyBoundaries, reshape, toProposal, type Reshape } from './proposal'
import { RepairError, type RepairChoice, type RepairProposal } from './types'

/** Less than this (m²) of a neighborhood under the ground an area gives up is rounding, not ground it loses. */
const TRACE_M2 = 0.01

/**
 * Ground between Area Commands that none of them holds goes to the one bordering it longest,
 * and, where no neighborhood covers it yet, to that area's neighborhood bordering it longest
 * in the same step: left to a later pass it would be a gap in the area first, merged with any
 * gap next to it.
 */
export function giveAreaGap(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  if (choice.rule !== 'longest-border') throw new RepairError('Ground between Area Commands goes to the Area Command bordering it longest')
  const piece = pieceOf(f)
  const b = bboxOf(piece)
  const pad = 2 * COORD_QUANTUM
  const near = plan.areas.filter((a) => bboxesMeet(bboxOf(a.geometry), [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]))
  const borders = bordersAlong(piece, near.map((a) => a.geometry))
  const best = near.map((a, i) => ({ a, borderM: borders[i] })).filter((c) => c.borderM > 0).sort((x, y) => y.borderM - x.borderM || (x.a.id < y.a.id ? -1 : 1))[0]
  if (!best) throw new RepairError('The ground borders no Area Command')
  const noded = insertPointsOnEdges(best.a.geometry, verticesOf(piece)) ?? best.a.geometry
  const grown = clip('union', nearbyBoundaries(plan, piece), noded, piece)
  if (!grown) throw new RepairError(`Joining the ground to ${best.a.name} left no ground`)
  const shapes: Reshape[] = [[{ entity: 'area', id: best.a.id }, grown]]
  const ref = nearbyBoundaries(plan, piece)
  const covered = plan.neighborhoods.some((n) => bboxesMeet(bboxOf(n.geometry), b) && areaM2(clip('intersection', ref, n.geometry, piece)) >= TRACE_M2)
  const taker = covered ? undefined : gapCandidates(plan, piece, [best.a.id])[0]
  if (taker) {
    const merged = clip('union', ref, insertPointsOnEdges(taker.n.geometry, verticesOf(piece)) ?? taker.n.geometry, piece)
    if (merged) shapes.push([{ entity: 'neighborhood', id: taker.n.id }, merged])
  }
  const m2 = f.areaM2
  const to = shapes.length > 1 ? `${best.a.name} and its neighborhood ${taker!.n.name}` : best.a.name
  const cs = reshape(plan, `Give ${fmtM2(m2)} between Area Commands to ${to}`, shapes)
  return toProposal(f, { rule: choice.rule, targetId: best.a.id }, cs, m2, `Give the ${fmtM2(m2)} between Area Commands to ${to} (longest shared border, ${fmtM(best.borderM)}).`)
}

/**
 * Ground two Area Commands share stays with the one whose own ground borders it longest; the
 * other gives it up, and so do its neighborhoods there (clipped to the area as it becomes), or
 * they would be left outside their area.
 */
export function settleAreaOverlap(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  if (choice.rule !== 'longest-border') throw new RepairError('Ground two Area Commands share stays with the one bordering it longest')
  const piece = pieceOf(f)
  const pair = f.areaIds.map((id) => plan.areas.find((a) => a.id === id))
  if (pair.length !== 2) throw new RepairError('Ground beyond the city limit is repaired by moving the Area Command boundary by hand')
  if (!pair[0] || !pair[1]) throw new RepairError('The Area Commands of this overlap are no longer in the plan')
  const [a, b] = pair as [AreaCommand, AreaCommand]
  const [forA, forB] = overlapBorders(piece, a.geometry, b.geometry)
  const [keep, lose, borderM] = forA > forB || (forA === forB && a.id < b.id) ? [a, b, forA] : [b, a, forB]
  const ref = nearbyBoundaries(plan, piece)
  const cutter = geometryIssues(keep.geometry).length ? piece : keep.geometry
  const rest = clip('difference', ref, lose.geometry, cutter)
  if (!rest) throw new RepairError(`${lose.name} lies wholly inside ${keep.name}: giving up the overlap would leave it no ground`)
  const shapes: Reshape[] = [[{ entity: 'area', id: lose.id }, rest]]
  const clipped: string[] = []
  for (const n of plan.neighborhoods) {
    if (n.areaId !== lose.id || !bboxesMeet(bboxOf(n.geometry), bboxOf(piece))) continue
    const under = clip('intersection', ref, n.geometry, piece)
    if (!under || areaM2(under) < TRACE_M2) continue
    // Only the shared ground comes off: ground the neighborhood holds elsewhere outside its area is another finding's to repair.
    const kept = clip('difference', ref, n.geometry, piece)
    if (!kept) throw new RepairError(`${n.name} lies wholly in the ground ${lose.name} would give up`)
    shapes.push([{ entity: 'neighborhood', id: n.id }, kept])
    clipped.push(n.name)
  }
  // The kept ground goes to the keeper's neighborhood beside it, unless one of its neighborhoods holds it already.
  const taker = takeInArea(plan, piece, keep.id)
  if (taker) shapes.push([{ entity: 'neighborhood', id: taker.n.id }, taker.g])
  const m2 = f.areaM2
  const also = (clipped.length ? ` and from ${clipped.join(', ')}` : '') + (taker ? `; ${taker.n.name} takes it in` : '')
  const cs = reshape(plan, `Give ${fmtM2(m2)} Area Command overlap to ${keep.name}, off ${lose.name}`, shapes)
  return toProposal(f, { rule: choice.rule, targetId: keep.id }, cs, m2, `Keep the ${fmtM2(m2)} ${keep.name} and ${lose.name} share with ${keep.name} (longest shared border, ${fmtM(borderM)}), taking it off ${lose.name}${also}.`)
}
