import type { AreaCommand, CityLimit, Neighborhood, Officer } from './entities'

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
