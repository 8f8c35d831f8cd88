import type { ChangeOp, PlanState, Tolerances } from '../../src/shared/domain'
import { DEFAULT_TOLERANCES } from '../../src/shared/domain'
import type { PlanValidator } from '../../src/shared/geo/validate/incremental'
import type { GeoChange } from '../../src/shared/geo/validate/geo-state'
import { PeopleMemo } from '../../src/shared/geo/validate/people-checks'
import { assemble, newGeoState } from '../../src/shared/geo/validate/run-checks'

/**
 * The peer: the validator as it was before issue 17 item 13, copied verbatim
 * (src/shared/geo/validate/incremental.ts at 2cf02be). `applyOps` searches the entity list with
 * findIndex for every op, so a roster import of n new officers costs n²/2 comparisons.
 */
export function oldApplyOps(plan: PlanState, ops: ChangeOp[]): PlanState {
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

export function createOldValidator(plan: PlanState, tol?: Tolerances): PlanValidator {
  const t = { ...DEFAULT_TOLERANCES, ...tol }
  let state = plan
  const geo = newGeoState(state, t)
  const memo = new PeopleMemo()
  let current = assemble(state, geo, t, memo)
  return {
    findings: () => current,
    apply(ops) {
      const prev = state
      state = oldApplyOps(state, ops)
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

/**
 * The peer's duplicate-employee-id grouping, verbatim from previewRosterCsv at 2cf02be: the
 * line list is copied on every row (quadratic when ids repeat), and every row of a repeated id
 * gets a message listing all of its lines.
 */
export function oldDuplicateMessages(rows: { line: number; emp: string }[], limitMessages: number): { groups: number; chars: number } {
  const linesByEmp = new Map<string, number[]>()
  for (const row of rows) {
    const k = row.emp.toLowerCase()
    if (k) linesByEmp.set(k, [...(linesByEmp.get(k) ?? []), row.line])
  }
  let chars = 0
  for (const row of rows.slice(0, limitMessages)) {
    const lines = linesByEmp.get(row.emp.toLowerCase()) ?? []
    if (lines.length > 1) chars += `Employee ID "${row.emp}" appears on several rows (lines ${lines.join(', ')})`.length
  }
  return { groups: linesByEmp.size, chars }
}
