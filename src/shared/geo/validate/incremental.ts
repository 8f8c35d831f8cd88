import type { ChangeOp, Finding, PlanState, Tolerances } from '../../domain'
import { DEFAULT_TOLERANCES } from '../../domain'
import type { GeoChange } from './geo-state'
import { PeopleMemo } from './people-checks'
import { assemble, newGeoState } from './run-checks'

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

function changeOf(ops: ChangeOp[]): GeoChange {
  const c: GeoChange = { city: false, areas: new Set(), nbs: new Set() }
  for (const op of ops) {
    if (op.entity === 'city') c.city = true
    else if (op.entity === 'area') c.areas.add(op.id)
    else if (op.entity === 'neighborhood') c.nbs.add(op.id)
  }
  return c
}

export function createValidator(plan: PlanState, tol?: Tolerances): PlanValidator {
  const t = { ...DEFAULT_TOLERANCES, ...tol }
  let state = plan
  const geo = newGeoState(state, t)
  const memo = new PeopleMemo()
  let current = assemble(state, geo, t, memo)
  return {
    findings: () => current,
    apply(ops) {
      const prev = state
      state = applyOps(state, ops)
      if (!geo.update(prev, state, changeOf(ops))) geo.build(state)
      current = assemble(state, geo, t, memo)
      return current
    },
    findingsFor(ids) {
      const want = new Set(ids)
      return current.filter((f) => f.areaIds.some((i) => want.has(i)) || f.neighborhoodIds.some((i) => want.has(i)))
    },
  }
}
