import type { AreaGeometry, ChangeSet, FindingKind, Profile } from '../../domain'

/**
 * The fixes a GIS analyst would choose for a geometric finding. Each becomes one change set,
 * stored through the same guard as a hand edit, so it is one undo step.
 */
export type RepairRule =
  /** Gap: to the neighbor with the longest shared border. Overlap: kept by the one of the two whose ground borders it longest (taken off the other). */
  | 'longest-border'
  /** Gap or overlap: to a chosen neighborhood (`targetId`). */
  | 'to-neighborhood'
  /** Outside-area: clip the neighborhood back to its Area Command. */
  | 'clip'
  /** Outside-area, Administration only: the Area Command takes the ground in (and any other area loses it, where it overlapped). */
  | 'move-area-boundary'
  /** Invalid-geometry: replace the shape with its repaired form. */
  | 'make-valid'

export const REPAIR_RULES: readonly RepairRule[] = ['longest-border', 'to-neighborhood', 'clip', 'move-area-boundary', 'make-valid']

/** What the user picked: a rule and, for `to-neighborhood`, the neighborhood. */
export interface RepairChoice {
  rule: RepairRule
  targetId?: string
}

export interface RepairOption extends RepairChoice {
  /** For a button or menu, e.g. "Give to Beat 1213 (longest shared border, 84 m)". */
  label: string
}

/** Who asks: the same profile the change service checks permissions with. */
export type RepairActor = Profile

export interface RepairPreviewShape {
  entity: 'neighborhood' | 'area'
  id: string
  name: string
  before: AreaGeometry
  /** null: nothing is left of it. */
  after: AreaGeometry | null
}

export interface RepairProposal {
  findingId: string
  kind: FindingKind
  rule: RepairRule
  targetId?: string
  /** Neighborhoods whose ground changes (those that only take a shared vertex are left out). */
  neighborhoods: string[]
  /** Area Commands whose ground changes. */
  areas: string[]
  /** Ground that changes hands (or is clipped off, or repaired), m²: the finding's ground as the plan check measured it. */
  m2Moved: number
  /** One sentence: what it will do, naming the neighborhoods and the m². */
  label: string
  /** Applied as ONE change set (its label is what the history shows). */
  changeSet: ChangeSet
  preview: RepairPreviewShape[]
}

export interface SkippedRepair {
  findingId: string
  /** Why this finding is left as it is, in plain words. */
  why: string
}

export interface SliverRepairPlan {
  proposals: RepairProposal[]
  skipped: SkippedRepair[]
  /** Every proposal's ops combined: one row per entity, its first `before` and last `after`. */
  changeSet: ChangeSet
}

/** A repair that cannot be made on this finding; the message says why. */
export class RepairError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RepairError'
  }
}
