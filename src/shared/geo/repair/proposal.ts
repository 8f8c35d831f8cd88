import { EditError, type AreaGeometry, type ChangeSet, type Finding, type PlanState } from '../../domain'
import { sameShape } from '../../domain/same-shape'
import { formatSquareMetres } from '../../units/format'
import { bboxOf, bboxesMeet } from '../ops/geom'
import { holdersOf } from '../ops/holders'
import { PlanEdit } from '../ops/plan-edit'
import type { RepairChoice, RepairPreviewShape, RepairProposal } from './types'

export const fmtM2 = formatSquareMetres
export const fmtM = (m: number): string => (m < 10 ? `${m.toFixed(1)} m` : `${Math.round(m).toLocaleString('en-US')} m`)

/** Boundaries near a piece, for the clipper to slide new vertices onto. */
export function nearbyBoundaries(plan: PlanState, g: AreaGeometry): AreaGeometry[] {
  const box = bboxOf(g)
  return holdersOf(plan).map((h) => h.geometry).filter((x) => bboxesMeet(bboxOf(x), box))
}

/** A boundary a repair gives a new shape. */
export type Reshape = [{ entity: 'neighborhood' | 'area'; id: string }, AreaGeometry]

/**
 * The change set giving these boundaries their new shapes, noded with their neighbours so
 * shared edges keep identical vertices. Noding a whole boundary can put a neighbour's vertex a
 * grid step beside one of its own corners far from the repair and fold the ring there; the
 * repaired shapes are whole without it (the plan check nodes what stays a T-junction), so
 * they are tried as they are before the repair is given up.
 */
export function reshape(plan: PlanState, label: string, shapes: Reshape[]): ChangeSet {
  const edit = (noded: boolean) => {
    const e = new PlanEdit(plan)
    for (const [ref, g] of shapes) e.setGeometry(ref, g)
    if (noded) e.node()
    return e.build(label)
  }
  try {
    return edit(true)
  } catch (e) {
    if (!(e instanceof EditError)) throw e
    return edit(false)
  }
}

/**
 * The proposal for a change set: what changes ground (a neighbour that only took a shared
 * vertex moves nothing, so it is neither listed nor previewed).
 */
export function toProposal(finding: Finding, choice: RepairChoice, cs: ChangeSet, m2Moved: number, label: string): RepairProposal {
  const neighborhoods: string[] = []
  const areas: string[] = []
  const preview: RepairPreviewShape[] = []
  for (const op of cs.ops) {
    if ((op.entity !== 'neighborhood' && op.entity !== 'area') || !op.before) continue
    if (op.after && sameShape(op.before.geometry, op.after.geometry)) continue
    ;(op.entity === 'neighborhood' ? neighborhoods : areas).push(op.id)
    preview.push({ entity: op.entity, id: op.id, name: op.before.name, before: op.before.geometry, after: op.after?.geometry ?? null })
  }
  const p: RepairProposal = { findingId: finding.id, kind: finding.kind, rule: choice.rule, neighborhoods, areas, m2Moved, label, changeSet: cs, preview }
  if (choice.targetId !== undefined) p.targetId = choice.targetId
  return p
}
