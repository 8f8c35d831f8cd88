import { existsSync, readFileSync, statSync } from 'node:fs'
import { MAX_ROSTER_CSV_CHARS } from '../../shared/ipc/features/staffing-channels'
import { showList } from '../../shared/text/bounded'
import { AppError } from '../services/app-error'
import { rosterErrorsSummary, type RosterImportReport } from '../services/officer-service'
import type { RowError } from '../../shared/ipc/features/staffing-outputs'
import { bool, str } from './args'
import { EXIT, InputError, type CliCommand, type CliIo } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'

/** The roster's text, refused before the plan is opened when it is missing, a folder or over the app's size limit. */
function readRoster(file: string): string {
  if (!existsSync(file)) throw new InputError(`There is no roster file at ${file}`)
  const st = statSync(file)
  if (st.isDirectory()) throw new InputError(`${file} is a folder, not a roster CSV file`)
  // Bytes are at least as many as characters, so a file within the limit in bytes is within it in characters.
  if (st.size > MAX_ROSTER_CSV_CHARS * 4) throw new InputError(`${file} is larger than ${MAX_ROSTER_CSV_CHARS / 1e6} MB; split it or remove unused columns`)
  const text = readFileSync(file, 'utf8')
  if (text.length > MAX_ROSTER_CSV_CHARS) throw new InputError(`${file} is larger than ${MAX_ROSTER_CSV_CHARS / 1e6} MB; split it or remove unused columns`)
  return text
}

function report(file: string, r: RosterImportReport, io: CliIo): void {
  const counts = `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`
  const step = r.applied ? `Undoable as one step (#${r.applied.seq}).` : 'Nothing changed.'
  io.out(`Imported the roster from ${file}: ${counts}. ${step}`)
  if (r.skippedRows > 0) {
    const more = r.skippedRows - r.skippedLines.length
    const lines = showList(r.skippedLines, r.skippedLines.length) + (more > 0 ? `, … and ${more.toLocaleString('en-US')} more` : '')
    io.out(`Skipped ${r.skippedRows} row${r.skippedRows === 1 ? '' : 's'} with errors: line${r.skippedRows === 1 ? '' : 's'} ${lines} (run without --skip-error-rows to see why).`)
  }
}

export const rosterCommand: CliCommand = {
  name: 'roster',
  summary: 'Import a roster CSV (officers added or updated by employee id) in one undoable step; columns are matched by their headers.',
  flags: {
    db: TARGET_FLAGS.db,
    server: { ...TARGET_FLAGS.server, help: `${TARGET_FLAGS.server.help}; a commander's login may import only officers of their own area` },
    file: { type: 'string', required: true, arg: '<roster.csv>', help: `the roster: a CSV with a header row, at most ${MAX_ROSTER_CSV_CHARS / 1e6} MB` },
    'skip-error-rows': { type: 'boolean', help: 'store the rows without errors and list the lines left out (default: refuse the whole file)' },
    json: { type: 'boolean', help: 'print {added, updated, unchanged, skippedRows, skippedLines, seq} as JSON on stdout' },
  },
  notes: [
    'Headers are matched as the app\'s roster import guesses them (Name, Employee ID, Desk phone, Personal phone, Shift, Area, ...).',
    'A row whose employee id matches an officer in the plan updates that officer; columns the file lacks keep their stored values.',
    'A row with more or fewer cells than the header, a line break in a cell other than notes or home address, or an unknown',
    'area is an error: without --skip-error-rows nothing is stored and the first bad line and column are named.',
  ],
  async run(flags, io) {
    const file = str(flags, 'file')!
    const skip = bool(flags, 'skip-error-rows')
    const text = readRoster(file)
    const plan = await openTarget('roster', flags, { purpose: 'import a roster into it' })
    try {
      const { officers } = plan.services
      const result = officers.import(text, undefined, skip, plan.actor)
      await plan.finish()
      if (bool(flags, 'json')) {
        const { added, updated, unchanged, skippedRows, skippedLines } = result
        io.out(JSON.stringify({ added, updated, unchanged, skippedRows, skippedLines, seq: result.applied?.seq ?? null }))
      } else report(file, result, io)
      return EXIT.ok
    } catch (e) {
      if (e instanceof AppError && e.code === 'roster-has-errors') {
        const { errors, rowsWithErrors } = e.details as { errors: RowError[]; rowsWithErrors: number }
        throw new InputError(`Nothing was imported from ${file}: ${rosterErrorsSummary(errors, rowsWithErrors)}. Fix the file, or rerun with --skip-error-rows to store the other rows.`)
      }
      if (e instanceof AppError) throw new InputError(`${file}: ${e.message}`)
      throw e
    } finally {
      await plan.closeAll()
    }
  },
}
