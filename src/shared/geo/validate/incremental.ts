import type { ChangeOp, Finding, PlanState, Tolerances } from '../../domain'
import { applyChangeSet } from '../../domain'
import type { GeoChange } from './geo-state'
import { PeopleMemo } from './people-checks'
import { assemble, newGeoState } from './run-checks'
import { withDefaults } from './tolerances'

export interface PlanValidator {
  findings(): Finding[]
  /** Re-check only what the ops touch (the changed neighborhoods/areas and their neighbours). Returns the full new list. */
  apply(ops: ChangeOp[]): Finding[]
  /** Findings that involve any of these neighborhood/area ids (for "re-check the touched region" in the editor). */
  findingsFor(ids: string[]): Finding[]
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
  const t = withDefaults(tol)
  let state = plan
  const geo = newGeoState(state, t)
  const memo = new PeopleMemo()
  let current = assemble(state, geo, t, memo)
  return {
    findings: () => current,
    apply(ops) {
      const prev = state
      state = applyChangeSet(state, ops)
      if (!geo.update(prev, state, changeOf(ops))) geo.build(state)
      current = assemble(state, geo, t, memo)
      return current
    },
    findingsFor(ids) {
      const want = new Set(ids)
      // A plan that cannot be noded is everyone's concern: whatever a change touched, it is listed.
      return current.filter((f) => f.kind === 'coverage-unchecked' || f.areaIds.some((i) => want.has(i)) || f.neighborhoodIds.some((i) => want.has(i)))
    },
  }
}
