import type { ChangeOp, ChangeSet, PlanState } from '../../shared/domain'

/** A whole plan as one change set that adds every row: how a plan moves onto or off a server. */
export function planAsAdds(plan: PlanState, label: string): ChangeSet {
  const ops: ChangeOp[] = [
    ...(plan.city ? [{ entity: 'city', id: 'city', before: null, after: plan.city } as ChangeOp] : []),
    ...plan.areas.map((a): ChangeOp => ({ entity: 'area', id: a.id, before: null, after: a })),
    ...plan.neighborhoods.map((n): ChangeOp => ({ entity: 'neighborhood', id: n.id, before: null, after: n })),
    ...plan.officers.map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: null, after: o })),
  ]
  return { label, ops }
}
