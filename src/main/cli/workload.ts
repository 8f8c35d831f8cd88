import { statSync } from 'node:fs'
import { basename } from 'node:path'
import { aggregateByShift, shiftReport, type UnitShiftLoad } from '../../shared/staffing/shift-workload'
import { clockText, DAYS, parseShiftSpec, shiftText, type Shift } from '../../shared/staffing/shifts'
import { MAX_CALLS_CSV_CHARS } from '../../shared/ipc/features/staffing-channels'
import { showList, showValue } from '../../shared/text/bounded'
import { safeLine } from '../../shared/text/safe-text'
import { DEFAULT_MOVE_TOLERANCE } from '../services/staffing-service'
import { csvHeaders, guessCfsMapping, readCfsColumns } from '../workload/cfs-csv'
import { bool, str } from './args'
import { EXIT, InputError, UsageError, type CliCommand, type CliIo } from './command'
import { openTarget, TARGET_FLAGS } from './open-target'
import { readTextFile } from './read-text'

/** Calls per shift keyed by shift name, in the order of the shifts. */
const byName = <T>(shifts: Shift[], xs: T[]): Record<string, T> => Object.fromEntries(shifts.map((s, i) => [s.name, xs[i]]))

function unitJson(shifts: Shift[], u: UnitShiftLoad) {
  return {
    id: u.id,
    name: u.name,
    calls: byName(shifts, u.calls),
    workload: byName(shifts, u.workload.map((w) => Math.round(w * 1000) / 1000)),
    status: byName(shifts, u.status),
    byDay: Object.fromEntries(DAYS.map((d, i) => [d, byName(shifts, u.byDay[i])])),
  }
}

function readCalls(file: string): string {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new InputError(`workload: there is no calls file at ${file}`)
  }
  if (size > MAX_CALLS_CSV_CHARS * 2) throw new InputError(`workload: ${file} is larger than ${Math.round((MAX_CALLS_CSV_CHARS * 2) / 1e6)} MB; split it by quarter`)
  return readTextFile(file)
}

function printTable(io: CliIo, shifts: Shift[], areas: UnitShiftLoad[], nbs: UnitShiftLoad[]): void {
  const cell = (u: UnitShiftLoad, i: number) => `${u.calls[i]}${u.status[i] === 'ok' ? '' : ` ${u.status[i]}`}`
  const rows: string[][] = [['Area Command / neighborhood', ...shifts.map((s) => s.name)]]
  for (const a of areas) {
    rows.push([`${a.name} (${a.id})`, ...shifts.map((_, i) => cell(a, i))])
    for (const n of nbs.filter((x) => x.areaId === a.id)) rows.push([`  ${n.name} (${n.id})`, ...shifts.map((_, i) => cell(n, i))])
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  for (const r of rows) io.out(safeLine(r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ')))
}

export const workloadCommand: CliCommand = {
  name: 'workload',
  summary: 'Calls for service per shift in each Area Command and neighborhood of the plan (the draft), flagged over or under.',
  flags: {
    db: TARGET_FLAGS.db,
    server: TARGET_FLAGS.server,
    calls: { type: 'string', required: true, arg: '<csv>', help: 'calls for service: longitude, latitude and the time each came in (optional call type, minutes, units)' },
    shifts: { type: 'string', arg: '"Days=06-14,Swing=14-22,Nights=22-06"', help: 'the shifts (default: the plan\'s shift setting)' },
    json: { type: 'boolean', help: 'print the figures as JSON' },
  },
  notes: [
    'A shift runs from its start up to its end: a call at exactly 14:00 is in the shift starting at 14:00. An overnight call',
    'counts for the day its shift started (Tuesday 03:00 in Nights 22-06 is Monday\'s Nights). Times are the department\'s',
    'clock as written (2024-03-05 14:00, or 03/05/2024 02:00 PM). Over/under: more than 10% from the mean of the areas',
    '(neighborhoods: of all neighborhoods) in that shift, the rule of the staffing balance. Any bad line stops with exit 2.',
  ],
  async run(flags, io) {
    let shifts: Shift[] | null = null
    const spec = str(flags, 'shifts')
    if (spec !== undefined) {
      try {
        shifts = parseShiftSpec(spec)
      } catch (e) {
        throw new UsageError(`workload: --shifts: ${(e as Error).message}`)
      }
    }
    const file = str(flags, 'calls')!
    const name = basename(file)
    const text = readCalls(file)
    const headers = csvHeaders(text)
    const guessed = guessCfsMapping(headers)
    const found = showList(headers.map((h) => `"${h}"`))
    if (!guessed.lon || !guessed.lat) throw new InputError(`workload: ${name} line 1: no longitude and latitude columns (found: ${found})`)
    if (!guessed.time) throw new InputError(`workload: ${name} line 1: no column with the time each call came in, such as "Time Received" or "Datetime" (found: ${found})`)
    const parsed = readCfsColumns(text, { lon: guessed.lon, lat: guessed.lat, ...guessed })
    if (parsed.errors.length) {
      const e = parsed.errors[0]
      const more = new Set(parsed.errors.map((x) => x.line)).size - 1
      throw new InputError(
        `workload: ${name} line ${e.line}${e.column ? `, field "${showValue(e.column)}"` : ''}: ${e.message}${more > 0 ? ` (and ${more} more line${more === 1 ? '' : 's'} with errors)` : ''}; nothing was counted`,
      )
    }
    const plan = await openTarget('workload', flags, { readOnly: true })
    try {
      const state = plan.services.plans.load()
      const use = shifts ?? plan.services.workload.shifts()
      const report = shiftReport(state, aggregateByShift(parsed.calls, state, use), DEFAULT_MOVE_TOLERANCE)
      const outside = report.outside.reduce((a, b) => a + b, 0)
      if (bool(flags, 'json')) {
        io.out(
          JSON.stringify(
            {
              file: name,
              shifts: use.map((s) => ({ name: s.name, start: clockText(s.start), end: clockText(s.end) })),
              tolerance: report.tolerance,
              calls: { read: parsed.calls.length, inCity: report.timed - outside, outside },
              areas: report.areas.map((a) => ({ ...unitJson(use, a), neighborhoods: report.neighborhoods.filter((n) => n.areaId === a.id).map((n) => unitJson(use, n)) })),
              outside: byName(use, report.outside),
            },
            null,
            2,
          ),
        )
      } else {
        io.out(safeLine(`Workload by shift: ${parsed.calls.length.toLocaleString('en-US')} calls from ${name}, ${outside.toLocaleString('en-US')} outside every Area Command; shifts ${use.map(shiftText).join(', ')}.`))
        io.out(`Calls per shift; "over"/"under": more than ${Math.round(report.tolerance * 100)}% from the mean of the areas (or of all neighborhoods) in that shift.`)
        printTable(io, use, report.areas, report.neighborhoods)
      }
      return EXIT.ok
    } finally {
      await plan.closeAll()
    }
  },
}
