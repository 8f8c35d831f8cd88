import type { ChangeOp, ChangeSet, Finding, PlanState } from '../../domain'
import { applyChangeSet } from '../../domain'
import { proposeRepair } from './propose'
import { RepairError, type RepairChoice, type RepairProposal, type SkippedRepair, type SliverRepairPlan } from './types'

/**
 * The rule "Repair all slivers" uses per kind: ground nobody or two hold goes by the longest
 * border (between neighborhoods, and between Area Commands); ground poking out of its area is
 * clipped back.
 */
const SLIVER_RULE: Partial<Record<Finding['kind'], RepairChoice['rule']>> = {
  gap: 'longest-border', overlap: 'longest-border', 'outside-area': 'clip', 'area-gap': 'longest-border', 'area-overlap': 'longest-border',
}

/** Whether "Repair all slivers" takes this finding on. */
export const isRepairableSliver = (f: Finding): boolean => f.sliver && SLIVER_RULE[f.kind] !== undefined && f.geometry !== undefined

/** A second look at each proposal before it is kept (the main process runs its edit guard here); a reason refuses it. */
export type SliverScreen = (p: RepairProposal, plan: PlanState) => string | null

/**
 * One row per entity: the first op's `before` and the last op's `after`, in the order each
 * entity first changed. The result is the same plan as applying the change sets one by one.
 */
export function combineChangeSets(label: string, sets: ChangeSet[]): ChangeSet {
  const rows = new Map<string, ChangeOp>()
  for (const cs of sets)
    for (const op of cs.ops) {
      const key = `${op.entity}:${op.id}`
      const had = rows.get(key)
      rows.set(key, had ? ({ ...had, after: op.after } as ChangeOp) : op)
    }
  return { label, ops: [...rows.values()] }
}

/**
 * Every sliver finding repaired by its rule, each on the plan as the ones before it left it,
 * so neighbours that two slivers share end up with both repairs. A sliver that cannot be
 * repaired, or that an earlier repair already removed, is skipped with the reason; the rest go on.
 */
export function proposeSliverRepairs(plan: PlanState, findings: Finding[], screen?: SliverScreen): SliverRepairPlan {
  const proposals: RepairProposal[] = []
  const skipped: SkippedRepair[] = []
  let working = plan
  for (const f of findings) {
    if (!isRepairableSliver(f)) continue
    let p: RepairProposal
    try {
      p = proposeRepair(working, f, { rule: SLIVER_RULE[f.kind]! })
    } catch (e) {
      if (!(e instanceof RepairError)) throw e
      skipped.push({ findingId: f.id, why: e.message })
      continue
    }
    if (!p.neighborhoods.length && !p.areas.length) {
      skipped.push({ findingId: f.id, why: 'Repairing it moves no ground at the plan\'s coordinate precision (0.1 mm), or an earlier repair in this batch already took it' })
      continue
    }
    const refused = screen?.(p, working)
    if (refused) {
      skipped.push({ findingId: f.id, why: refused })
      continue
    }
    proposals.push(p)
    working = applyChangeSet(working, p.changeSet)
  }
  const n = proposals.length
  return { proposals, skipped, changeSet: combineChangeSets(`Repair ${n} sliver${n === 1 ? '' : 's'}`, proposals.map((p) => p.changeSet)) }
}
