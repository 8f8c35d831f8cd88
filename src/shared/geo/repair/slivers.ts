import type { ChangeOp, ChangeSet, Finding, PlanState } from '../../domain'
import { applyChangeSet } from '../../domain'
import { overlapCandidates } from './give-ground'
import { proposeRepair } from './propose'
import { RepairError, type RepairChoice, type RepairProposal, type SkippedRepair, type SliverRepairPlan } from './types'

/**
 * The rules "Repair all slivers" uses per kind, the first that works: ground nobody or two hold
 * goes by the longest border (between neighborhoods, and between Area Commands); ground poking
 * out of its area is clipped back, or, where clipping would leave that ground to a gap of the
 * other area (none of its neighborhoods covers it), its own area's boundary takes it in
 * (Administration only: the edit rules refuse it to a commander). An overlap whose cut off the
 * neighborhood that loses it moves no ground at the 0.1 mm grid (a hairline a few millimetres
 * wide along a long edge) is cut off the other one instead.
 */
const SLIVER_RULES: Partial<Record<Finding['kind'], RepairChoice['rule'][]>> = {
  gap: ['longest-border'], overlap: ['longest-border'], 'outside-area': ['clip', 'move-area-boundary'], 'area-gap': ['longest-border'], 'area-overlap': ['longest-border'],
}

/** Whether "Repair all slivers" takes this finding on. */
export const isRepairableSliver = (f: Finding): boolean => f.sliver && SLIVER_RULES[f.kind] !== undefined && f.geometry !== undefined

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

/** The choices tried for one sliver, in order: its kind's rules, then for an overlap the neighborhood that would lose it keeping it. */
function choicesFor(plan: PlanState, f: Finding): RepairChoice[] {
  const choices: RepairChoice[] = SLIVER_RULES[f.kind]!.map((rule) => ({ rule }))
  if (f.kind === 'overlap') {
    try {
      for (const c of overlapCandidates(plan, f).slice(1)) choices.push({ rule: 'to-neighborhood', targetId: c.n.id })
    } catch (e) {
      if (!(e instanceof RepairError)) throw e
    }
  }
  return choices
}

/** The proposal of one choice for one finding, or why it cannot be used. */
function attempt(plan: PlanState, f: Finding, choice: RepairChoice, screen?: SliverScreen): RepairProposal | string {
  let p: RepairProposal
  try {
    p = proposeRepair(plan, f, choice)
  } catch (e) {
    if (!(e instanceof RepairError)) throw e
    return e.message
  }
  if (!p.neighborhoods.length && !p.areas.length) return 'Repairing it moves no ground at the plan\'s coordinate precision (0.1 mm), or an earlier repair in this batch already took it'
  return screen?.(p, plan) ?? p
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
    // The first rule's reason is the one to give: the others are fallbacks the user did not ask about.
    let why: string | null = null
    for (const choice of choicesFor(working, f)) {
      const p = attempt(working, f, choice, screen)
      if (typeof p === 'string') {
        why ??= p
        continue
      }
      proposals.push(p)
      working = applyChangeSet(working, p.changeSet)
      why = null
      break
    }
    if (why) skipped.push({ findingId: f.id, why })
  }
  const n = proposals.length
  return { proposals, skipped, changeSet: combineChangeSets(`Repair ${n} sliver${n === 1 ? '' : 's'}`, proposals.map((p) => p.changeSet)) }
}
