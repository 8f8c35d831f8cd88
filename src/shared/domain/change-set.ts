import type { AreaCommand, CityLimit, Neighborhood, Officer } from './entities'
import type { PlanState } from './plan'

/**
 * One user gesture = one change set = one IPC call = one transaction = one undo step.
 * Each op carries the full row before and after, so the inverse is the same ops with
 * before/after swapped in reverse order, and the main process can refuse an op whose
 * `before` no longer matches what is stored (someone else changed it meanwhile).
 * before = null: the row is added; after = null: the row is removed.
 */
export type ChangeOp =
  | { entity: 'neighborhood'; id: string; before: Neighborhood | null; after: Neighborhood | null }
  | { entity: 'area'; id: string; before: AreaCommand | null; after: AreaCommand | null }
  | { entity: 'officer'; id: string; before: Officer | null; after: Officer | null }
  | { entity: 'city'; id: 'city'; before: CityLimit | null; after: CityLimit | null }

export type ChangeEntity = ChangeOp['entity']

export interface ChangeSet {
  /** What the user did, in their words: "Split Springtown", "Nguyen adopts Vasco". */
  label: string
  ops: ChangeOp[]
}

export function invertChangeSet(cs: ChangeSet): ChangeSet {
  return {
    label: cs.label,
    ops: [...cs.ops].reverse().map((op) => ({ ...op, before: op.after, after: op.before }) as ChangeOp),
  }
}

type Keyed = { id: string }
/** Marks a removed slot; removed slots are dropped in one pass at the end instead of a splice per op. */
const GONE: Keyed = { id: '' }
const WHAT = { neighborhood: 'neighborhood', area: 'Area Command', officer: 'officer' } as const

/**
 * The plan after a change set, without mutating it: the one apply the main process, the live
 * validator and the window all use. A changed row keeps its place, an added one goes to the
 * end, a removed one leaves. An op that does not fit the plan (adding a row that exists,
 * changing or removing one that does not, a city limit that does not match) throws: the
 * caller's view is stale. Ids are looked up in a map built once per list, so a roster of
 * 1,000,000 officers applies in linear time.
 */
export function applyChangeSet(plan: PlanState, cs: ChangeSet | readonly ChangeOp[]): PlanState {
  const ops = 'ops' in cs ? cs.ops : cs
  if (!ops.length) return plan
  const next: PlanState = { ...plan }
  const lists = new Map<string, { rows: Keyed[]; at: Map<string, number>; holes: boolean }>()
  const listOf = (entity: 'neighborhood' | 'area' | 'officer') => {
    let l = lists.get(entity)
    if (!l) {
      const key = entity === 'neighborhood' ? 'neighborhoods' : entity === 'area' ? 'areas' : 'officers'
      const rows = [...(plan[key] as Keyed[])]
      ;(next as unknown as Record<string, Keyed[]>)[key] = rows
      const at = new Map<string, number>()
      // The first of equal ids wins, as a search from the start would find it.
      for (let i = rows.length - 1; i >= 0; i--) at.set(rows[i].id, i)
      l = { rows, at, holes: false }
      lists.set(entity, l)
    }
    return l
  }
  for (const op of ops) {
    if (op.entity === 'city') {
      if ((op.before === null) !== (next.city === null)) throw new Error('Cannot change the city limit: it does not match the plan')
      next.city = op.after
      continue
    }
    const l = listOf(op.entity)
    const i = l.at.get(op.id)
    if (op.before === null) {
      if (i !== undefined) throw new Error(`Cannot add ${WHAT[op.entity]} ${op.id}: it already exists`)
      if (op.after) {
        l.at.set(op.id, l.rows.length)
        l.rows.push(op.after)
      }
      continue
    }
    if (i === undefined) throw new Error(`Cannot change ${WHAT[op.entity]} ${op.id}: it is not in the plan`)
    if (op.after) l.rows[i] = op.after
    else {
      l.rows[i] = GONE
      l.at.delete(op.id)
      l.holes = true
    }
  }
  for (const l of lists.values()) {
    if (!l.holes) continue
    let w = 0
    for (const x of l.rows) if (x !== GONE) l.rows[w++] = x
    l.rows.length = w
  }
  return next
}

/**
 * Two change sets applied one after the other, as one: each row keeps its first `before` and
 * its last `after`, so the pair is one undo step (an edge drag = add a vertex + move it).
 */
export function composeChangeSets(first: ChangeSet, second: ChangeSet, label: string): ChangeSet {
  const byKey = new Map<string, ChangeOp>()
  for (const op of [...first.ops, ...second.ops]) {
    const key = `${op.entity}:${op.id}`
    const prev = byKey.get(key)
    byKey.set(key, prev ? ({ ...prev, after: op.after } as ChangeOp) : op)
  }
  return { label, ops: [...byKey.values()].filter((op) => op.before !== op.after) }
}

/** Ids of the rows of one kind a change set touches; `{ kept: true }`: only those it adds or changes, not those it removes. */
export function idsTouched(cs: ChangeSet, entity: ChangeEntity, opts: { kept?: boolean } = {}): string[] {
  return [...new Set(cs.ops.filter((op) => op.entity === entity && (!opts.kept || op.after)).map((op) => op.id))]
}

/** Thrown by pure edit operations when a gesture cannot be turned into a valid change set. */
export class EditError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'EditError'
  }
}
