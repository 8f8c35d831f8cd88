import type { ChangeSet, Finding, FindingSummary } from '../domain'
import type { FindingsDelta } from '../domain/findings-delta'
import type { RepairOption } from '../geo/repair/types'
import type { PublishStatus } from './features/publish-contract'
import type { ShiftLoadOut, StaffingSummaryOut } from './features/staffing-outputs'
import type { HistoryEntry, Settings } from './outputs'

/**
 * The findings after a write: as a delta of the list the window was last given (numbered
 * `base`), or whole when the plan check started afresh. `version` numbers the list after it;
 * a window holding another list than `base` asks for the whole list instead of guessing.
 */
export type FindingsUpdate = { summary: FindingSummary; touched: Finding[]; version: number } & ({ base: number; delta: FindingsDelta } | { all: Finding[] })

/** Where the profile's undo history stands. */
export interface HistoryHead {
  canUndo: boolean
  canRedo: boolean
  /** The newest audit row (the write's own, after a write); null in an empty log. */
  last: (HistoryEntry & { refSeq: number | null }) | null
}

/** The figures beside the plan that the window shows while open and a write can change. */
export const VIEW_NAMES = ['staffing', 'byShift', 'repairOptions'] as const
export type ViewName = (typeof VIEW_NAMES)[number]

/**
 * The shown views a write changed, worked out again in the main process (only those the window
 * has open, only when the write touched what they count): the window takes them as they are.
 */
export interface ViewsUpdate {
  staffing?: StaffingSummaryOut
  byShift?: ShiftLoadOut
  repairOptions?: { findingId: string; options: RepairOption[] }
}

/**
 * What every write (an edit, undo, redo, an import, a roster import, a repair) answers: all the
 * window needs to show the plan as stored without asking again. The window applies `changeSet`
 * to its plan, `findings` to its findings list, and takes `publish` and `history` as they are.
 */
export interface WriteResult {
  /** Audit sequence number of the step. */
  seq: number
  /** The change set as stored (coordinates quantized); for undo/redo, the one that was applied. */
  changeSet: ChangeSet
  findings: FindingsUpdate
  publish: PublishStatus
  history: HistoryHead
  /** The open views this write changed; absent when none. */
  views?: ViewsUpdate
  /** The settings in use after the write, when it changed them (the settings form, or the plan's settings followed from a department server). */
  settings?: Settings
}
