import type { ChangeSet } from '../../domain'
import type { BalanceSummary } from '../../staffing/balance'
import type { ShiftReport } from '../../staffing/shift-workload'
import type { Shift } from '../../staffing/shifts'
import type { NestingReport } from '../../geo/nesting'
import type { ApplyResult } from '../outputs'

export interface RowError {
  line: number
  column: string
  message: string
}

export interface RosterFieldInfo {
  field: string
  label: string
  /** Private fields never leave the building; the mapping step says so. */
  private: boolean
}

export interface RosterPreviewRow {
  line: number
  officerId: string
  displayName: string
  rank: string
  shift: string
  status: string
  areaName: string
  neighborhoodName: string
  action: 'add' | 'update' | 'unchanged'
}

export interface RosterPreviewOut {
  headers: string[]
  mapping: Record<string, string | undefined>
  fields: RosterFieldInfo[]
  totalRows: number
  validRows: number
  adds: number
  updates: number
  unchanged: number
  /** Every row error, up to 1000; errorCount is the full number. */
  errors: RowError[]
  errorCount: number
  /** Lines that have at least one error. */
  rowsWithErrors: number
  unknownHeaders: string[]
  /** The first 200 valid rows, for the preview table. */
  sample: RosterPreviewRow[]
}

export interface RosterImportOut {
  /** Null when every valid row already matched the stored officer. */
  applied: ApplyResult | null
  added: number
  updated: number
  skippedRows: number
}

export interface CallsImportMetaOut {
  fileName: string
  importedAt: string
  osUser: string
  rowsRead: number
  rowsSkipped: number
  defaultMinutes: number
}

export interface CallsImportOut {
  stored: boolean
  headers: string[]
  mapping: Record<string, string | undefined>
  rowsRead: number
  accepted: number
  errors: RowError[]
  errorCount: number
  /** Accepted calls that fall in no Area Command of the current plan. */
  outside: number
  outsideSample: [number, number][]
  inCity: number
}

export interface AreaStaffing {
  areaId: string
  name: string
  color: string
  commanderName: string | null
  officers: { active: number; leave: number; vacant: number }
  /** Active officers per shift ('' = no shift given). */
  activeByShift: Record<string, number>
  neighborhoods: number
  unassignedNeighborhoods: { id: string; name: string }[]
  /** Active officers of the area who adopt no neighborhood. */
  officersWithoutNeighborhood: number
  areaKm2: number
  calls: number
  /** Unit-hours. */
  workload: number
}

export interface SuggestionOut {
  officerId: string
  officerName: string
  fromAreaId: string
  fromName: string
  toAreaId: string
  toName: string
  reason: string
  /** Applying it is one change set: the officer moves to the area and leaves their neighborhood. */
  changeSet: ChangeSet
}

export interface ContinuityOut {
  share: number
  kept: number
  considered: number
}

export interface StaffingSummaryOut {
  areas: AreaStaffing[]
  balance: BalanceSummary
  calls: {
    total: number
    inCity: number
    outside: number
    outsideWorkload: number
    outsideSample: [number, number][]
    /** Calls inside an area's boundary but in none of its neighborhoods. */
    unassignedInArea: number
    import: CallsImportMetaOut | null
  }
  tolerance: number
  suggestions: SuggestionOut[]
  /** Share of adopting officers keeping their neighborhood if every suggestion is applied. */
  continuityIfApplied: ContinuityOut
  /** Against the baseline snapshot (taken when staffing was first looked at, or reset by the user). */
  continuitySinceBaseline: ContinuityOut & { baselineAt: string }
}

/** Workload by shift: the stored calls replayed onto the draft, per shift, with the balance's tolerance rule. */
export interface ShiftLoadOut {
  shifts: Shift[]
  /** Quarters the stored timed calls fall in ("2024-Q1"), oldest first. */
  quarters: string[]
  /** The quarter replayed, or null for every stored call. */
  quarter: string | null
  /** Null when no stored call has a time. */
  report: ShiftReport | null
  /** The shift the suggestions are for, or null. */
  shift: string | null
  /** Transfers of that shift's officers that balance that shift's workload. */
  suggestions: SuggestionOut[]
  /** Active officers per area working that shift (roster shift text matching its name). */
  shiftOfficers: Record<string, number>
}

export interface NestingOut extends NestingReport {
  file: string
  notices: string[]
  withCalls: boolean
  /** The crosswalk CSV for the CAD administrator. */
  crosswalk: string
}
