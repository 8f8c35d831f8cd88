import { stableStringify, type ChangeOp, type Officer } from '../../shared/domain'
import { jsonEqual } from '../../shared/domain/json-equal'
import { officerSchema } from '../../shared/ipc/entity-schemas'
import type { RosterImportOut, RosterPreviewOut, RosterPreviewRow, RowError } from '../../shared/ipc/features/staffing-outputs'
import type { Repos } from '../db/repos'
import { guessRosterMapping, previewRosterCsv, rosterToCsv, type ColumnMapping, type RosterPreview } from '../roster/roster-csv'
import { surelyValidOfficer } from '../roster/officer-fast-check'
import { ROSTER_FIELDS, ROSTER_HEADERS } from '../roster/roster-fields'
import { showValue } from '../../shared/text/bounded'
import { countOf } from '../../shared/units/words'
import type { Actor } from './actor'
import { AppError } from './app-error'
import type { ChangeService } from './change-service'

const PRIVATE = new Set(['employeeId', 'badge', 'personalPhone', 'personalEmail', 'homeAddress', 'notes'])
const MAX_ERRORS = 1000
const SAMPLE_ROWS = 200
/** How many skipped lines an import report names; the count says how many more there are. */
export const SKIPPED_LINES_LISTED = 20

/** What an import did, for the command line: the app's result plus what stayed as it was and which lines were left out. */
export interface RosterImportReport extends RosterImportOut {
  unchanged: number
  /** The first SKIPPED_LINES_LISTED lines left out for errors; `skippedRows` counts them all. */
  skippedLines: number[]
}

const sameOfficer = (a: Officer, b: Officer): boolean => jsonEqual(a, b)

/** "3 rows have errors (first: line 4, column "Shift": ...)": how a refused roster is described, in the app and on the command line. */
export function rosterErrorsSummary(errors: readonly RowError[], rowsWithErrors: number): string {
  const first = errors[0]
  const where = `line ${first.line}${first.column ? `, column "${showValue(first.column)}"` : ''}`
  return `${rowsWithErrors.toLocaleString('en-US')} row${rowsWithErrors === 1 ? ' has' : 's have'} errors (first: ${where}: ${first.message})`
}

interface Checked {
  preview: RosterPreview
  /** Valid rows with what each would do to the stored roster. */
  rows: { line: number; officer: Officer; before: Officer | null }[]
  errors: RowError[]
}

/** Roster import and export: the CSV checks of src/main/roster plus the plan's own limits, applied as one change set. */
export class OfficerService {
  /**
   * The last preview's check, kept for the import that follows it (the dialog previews, then
   * imports the same file with the mapping shown): checking a million rows again is ~10 s of the
   * import. Used only while the text, the mapping and the stored plan are all unchanged, and once.
   */
  private lastCheck: { text: string; mapping: string; plan: string; checked: Checked } | null = null

  constructor(
    private readonly repos: Repos,
    private readonly changes: ChangeService,
  ) {}

  preview(text: string, mapping?: ColumnMapping): RosterPreviewOut {
    this.lastCheck = null
    const checked = this.check(text, mapping)
    this.lastCheck = { text, mapping: stableStringify(checked.preview.mapping), plan: this.planState(), checked }
    const { preview, rows, errors } = checked
    const areaName = new Map(this.repos.areas.list().map((a) => [a.id, a.name]))
    const nbName = new Map(this.repos.neighborhoods.list().map((n) => [n.id, n.name]))
    // Once per row: comparing two officers serialises both.
    const actions = rows.map((r): RosterPreviewRow['action'] => (r.before === null ? 'add' : sameOfficer(r.before, r.officer) ? 'unchanged' : 'update'))
    const count = (a: RosterPreviewRow['action']) => actions.reduce((n, x) => (x === a ? n + 1 : n), 0)
    return {
      headers: preview.headers,
      mapping: preview.mapping,
      fields: ROSTER_FIELDS.map((f) => ({ field: f, label: ROSTER_HEADERS[f], private: PRIVATE.has(f) })),
      totalRows: preview.totalRows,
      validRows: rows.length,
      adds: count('add'),
      updates: count('update'),
      unchanged: count('unchanged'),
      errors: errors.slice(0, MAX_ERRORS),
      errorCount: errors.length,
      rowsWithErrors: new Set(errors.map((e) => e.line)).size,
      unknownHeaders: preview.unknownHeaders,
      sample: rows.slice(0, SAMPLE_ROWS).map((r, i) => ({
        line: r.line,
        officerId: r.officer.id,
        displayName: r.officer.displayName,
        rank: r.officer.rank,
        shift: r.officer.shift,
        status: r.officer.status,
        areaName: r.officer.areaId ? (areaName.get(r.officer.areaId) ?? r.officer.areaId) : '',
        neighborhoodName: r.officer.neighborhoodId ? (nbName.get(r.officer.neighborhoodId) ?? r.officer.neighborhoodId) : '',
        action: actions[i],
      })),
    }
  }

  /**
   * Applies every valid row as one change set (one transaction, one audit row, one undo step).
   * A file with errors is refused unless `skipErrorRows` says the user chose to leave those rows out.
   * Without a mapping (the command line), columns are matched by their headers as the preview guesses them.
   */
  import(text: string, mapping: ColumnMapping | undefined, skipErrorRows: boolean, actor: Actor): RosterImportReport {
    const { rows, errors } = this.checkedByPreview(text, mapping) ?? this.check(text, mapping)
    const badLines = new Set(errors.map((e) => e.line))
    if (errors.length > 0 && !skipErrorRows) {
      throw new AppError(
        'roster-has-errors',
        `Nothing was imported: ${rosterErrorsSummary(errors, badLines.size)}. Fix the file, or choose to skip the rows with errors.`,
        { errors: errors.slice(0, MAX_ERRORS), rowsWithErrors: badLines.size },
      )
    }
    if (errors.some((e) => e.line <= 1)) {
      throw new AppError('roster-unreadable', `Nothing was imported: ${errors.find((e) => e.line <= 1)!.message}`)
    }
    const ops: ChangeOp[] = []
    let added = 0
    let updated = 0
    for (const r of rows) {
      if (r.before && sameOfficer(r.before, r.officer)) continue
      ops.push({ entity: 'officer', id: r.officer.id, before: r.before, after: r.officer })
      if (r.before) updated++
      else added++
    }
    const skippedRows = badLines.size
    const report = { added, updated, unchanged: rows.length - added - updated, skippedRows, skippedLines: [...badLines].slice(0, SKIPPED_LINES_LISTED) }
    if (ops.length === 0) return { applied: null, ...report }
    const label = `Import roster: ${added} added, ${updated} updated${skippedRows ? `, ${countOf(skippedRows, 'row')} skipped` : ''}`
    // recheck: the validator follows the new adoptions without a full rebuild.
    const applied = this.changes.apply({ label, ops }, actor, 'import', { recheck: true })
    return { applied, ...report }
  }

  exportCsv(): { csv: string; fileName: string; officers: number } {
    const officers = this.repos.officers.list()
    const csv = rosterToCsv(officers, { areas: this.repos.areas.list(), neighborhoods: this.repos.neighborhoods.list() })
    return { csv, fileName: `roster-${new Date().toISOString().slice(0, 10)}.csv`, officers: officers.length }
  }

  /** What any write to the plan changes: this connection's row changes, and other connections' commits. */
  private planState(): string {
    const { changes } = this.repos.db.prepare<[], { changes: number }>('SELECT total_changes() AS changes').get()!
    return `${changes}:${String(this.repos.db.pragma('data_version', { simple: true }))}`
  }

  /** The preview's check of this same file, mapping and plan, if that is what is being imported; taken once. */
  private checkedByPreview(text: string, mapping?: ColumnMapping): Checked | null {
    const last = this.lastCheck
    this.lastCheck = null
    if (!last || last.text !== text) return null
    // No mapping means the guessed one, which the preview recorded as the mapping it used.
    if (mapping !== undefined && stableStringify(mapping) !== last.mapping) return null
    if (mapping === undefined && stableStringify(guessRosterMapping(last.checked.preview.headers)) !== last.mapping) return null
    return last.plan === this.planState() ? last.checked : null
  }

  private check(text: string, mapping?: ColumnMapping): Checked {
    const existing = this.repos.officers.list()
    const preview = previewRosterCsv(text, { areas: this.repos.areas.list(), neighborhoods: this.repos.neighborhoods.list(), existing }, mapping)
    const byId = new Map(existing.map((o) => [o.id, o]))
    const errors: RowError[] = [...preview.errors]
    const rows: Checked['rows'] = []
    for (const { line, officer } of preview.officers) {
      // The stored officer must fit the same limits as one typed in the app (lengths, id form);
      // zod only for the rows the quick check cannot pass, and to word their messages.
      const parsed = surelyValidOfficer(officer) ? null : officerSchema.safeParse(officer)
      if (parsed && !parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          const field = String(issue.path[issue.path.length - 1] ?? '')
          const column = preview.mapping[field] ?? ROSTER_HEADERS[field as keyof typeof ROSTER_HEADERS] ?? field
          errors.push({ line, column, message: `${ROSTER_HEADERS[field as keyof typeof ROSTER_HEADERS] ?? field}: ${issue.message}` })
        }
        continue
      }
      rows.push({ line, officer, before: byId.get(officer.id) ?? null })
    }
    errors.sort((a, b) => a.line - b.line)
    return { preview, rows, errors }
  }
}
