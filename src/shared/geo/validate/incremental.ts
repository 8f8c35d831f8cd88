import type { ChangeOp, Finding, PlanState, Tolerances } from '../../domain'
import { DEFAULT_TOLERANCES } from '../../domain'
import { sortFindings } from './finding-build'
import { runChecks } from './run-checks'

export interface PlanValidator {
  findings(): Finding[]
  /** Re-check only what the ops touch (the changed neighborhoods/areas and their neighbours). Returns the full new list. */
  apply(ops: ChangeOp[]): Finding[]
  /** Findings that involve any of these neighborhood/area ids (for "re-check the touched region" in the editor). */
  findingsFor(ids: string[]): Finding[]
}

export function applyOps(plan: PlanState, ops: ChangeOp[]): PlanState {
  const next: PlanState = { city: plan.city, areas: [...plan.areas], neighborhoods: [...plan.neighborhoods], officers: [...plan.officers] }
  for (const op of ops) {
    if (op.entity === 'city') {
      next.city = op.after
      continue
    }
    const list = (op.entity === 'neighborhood' ? next.neighborhoods : op.entity === 'area' ? next.areas : next.officers) as { id: string }[]
    const i = list.findIndex((x) => x.id === op.id)
    if (op.after === null) {
      if (i >= 0) list.splice(i, 1)
    } else if (i >= 0) list[i] = op.after
    else list.push(op.after)
  }
  return next
}

export function createValidator(plan: PlanState, tol?: Tolerances): PlanValidator {
  const t = { ...DEFAULT_TOLERANCES, ...tol }
  let state = plan
  let current = sortFindings(runChecks(state, t))
  return {
    findings: () => current,
    apply(ops) {
      state = applyOps(state, ops)
      current = sortFindings(runChecks(state, t))
      return current
    },
    findingsFor(ids) {
      const want = new Set(ids)
      return current.filter((f) => f.areaIds.some((i) => want.has(i)) || f.neighborhoodIds.some((i) => want.has(i)))
    },
  }
}
