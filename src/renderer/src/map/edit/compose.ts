import type { ChangeOp, ChangeSet } from '../../../../shared/domain'

/**
 * Two change sets applied one after the other, as one: each row keeps its first `before`
 * and its last `after`, so the pair is one undo step (an edge drag = add vertex + move it).
 */
export function composeChangeSets(first: ChangeSet, second: ChangeSet, label: string): ChangeSet {
  const byKey = new Map<string, ChangeOp>()
  for (const op of [...first.ops, ...second.ops]) {
    const key = `${op.entity}:${op.id}`
    const prev = byKey.get(key)
    byKey.set(key, prev ? ({ ...prev, after: op.after } as ChangeOp) : op)
  }
  const ops = [...byKey.values()].filter((op) => op.before !== op.after)
  return { label, ops }
}

/** Ids of the neighborhoods a change set adds or changes (not those it removes). */
export function neighborhoodsTouched(cs: ChangeSet): string[] {
  return cs.ops.filter((op) => op.entity === 'neighborhood' && op.after).map((op) => op.id)
}
