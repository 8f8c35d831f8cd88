import type { ChangeOp, ChangeSet, PlanState } from '../../domain'

function applyRows<T extends { id: string }>(rows: T[], op: { id: string; before: T | null; after: T | null }, what: string): T[] {
  const i = rows.findIndex((r) => r.id === op.id)
  if (op.before === null) {
    if (i >= 0) throw new Error(`Cannot add ${what} ${op.id}: it already exists`)
    return op.after ? [...rows, op.after] : rows
  }
  if (i < 0) throw new Error(`Cannot change ${what} ${op.id}: it is not in the plan`)
  const next = [...rows]
  if (op.after) next[i] = op.after
  else next.splice(i, 1)
  return next
}

/**
 * Applies a change set to a plan without mutating it, the way the main process does
 * in its transaction; the renderer uses it for optimistic previews. Rows keep their
 * order; added rows go at the end.
 */
export function applyChangeSet(plan: PlanState, cs: ChangeSet): PlanState {
  let next: PlanState = plan
  for (const op of cs.ops as ChangeOp[]) {
    switch (op.entity) {
      case 'neighborhood':
        next = { ...next, neighborhoods: applyRows(next.neighborhoods, op, 'neighborhood') }
        break
      case 'area':
        next = { ...next, areas: applyRows(next.areas, op, 'Area Command') }
        break
      case 'officer':
        next = { ...next, officers: applyRows(next.officers, op, 'officer') }
        break
      case 'city':
        if ((op.before === null) !== (next.city === null)) throw new Error('Cannot change the city limit: it does not match the plan')
        next = { ...next, city: op.after }
        break
    }
  }
  return next
}
