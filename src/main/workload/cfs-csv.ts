import Papa from 'papaparse'
import { cellOf, countLineBreaks, normalizeHeader, plainDecimal, scanCsvTable, type CsvRowView } from '../../shared/staffing/csv-rows'
import { showList, showValue } from '../../shared/text/bounded'
import { callPointsOf, type CallColumns, type CallPoint } from '../../shared/staffing/workload'
import { parseWallTimeAt } from '../../shared/staffing/shifts'

export type { CallColumns, CallPoint }

/** App field -> CSV header. Only lon and lat are required. */
export interface CfsMapping {
  lon: string
  lat: string
  type?: string
  minutes?: string
  units?: string
  /** When the call came in (date and time in one cell); needed for workload by shift. */
  time?: string
}

export interface CfsRowError {
  line: number
  column: string
  message: string
}

const SYNONYMS: Record<keyof CfsMapping, string[]> = {
  lon: ['lon', 'long', 'longitude', 'lng', 'x', 'gpsx', 'pointx', 'xlon'],
  lat: ['lat', 'latitude', 'y', 'gpsy', 'pointy', 'ylat'],
  type: ['type', 'calltype', 'primarytype', 'nature', 'naturecode', 'incidenttype', 'eventtype', 'cfstype', 'category', 'finaltype'],
  minutes: ['minutes', 'handlingminutes', 'handlingtime', 'duration', 'durationminutes', 'timespent', 'serviceminutes', 'timeonscene', 'minutesonscene'],
  units: ['units', 'unitssent', 'unitcount', 'numunits', 'numberofunits', 'unitsassigned', 'unitsdispatched'],
  time: ['datetime', 'time', 'timestamp', 'calltime', 'calldatetime', 'receivedtime', 'received', 'receiveddatetime', 'timereceived', 'createdat', 'createdtime', 'entrytime', 'reportedtime', 'dispatchtime', 'incidentdatetime'],
}

/** The header row alone (for guessing the mapping before the file is read). */
export function csvHeaders(text: string): string[] {
  // Papaparse splits a quote-free text into all its lines before stopping at the first row (and again to guess the
  // delimiter from ten rows): ~0.3 s for a million calls. Without a quote in the first twelve lines, those lines give the same row.
  let head = 0
  for (let k = 0; k < 12 && head >= 0; k++) head = text.indexOf('\n', head + 1)
  const start = head < 0 ? text : text.slice(0, head)
  const r = Papa.parse<string[]>(start.includes('"') ? text : start, { preview: 1, delimitersToGuess: [',', ';', '\t', '|'] })
  return (r.data[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim())
}

/** Headers matched without case, spaces or punctuation. State-plane columns like "X Coordinate" are not taken for lon. */
export function guessCfsMapping(headers: string[]): Partial<CfsMapping> {
  const out: Partial<CfsMapping> = {}
  const byNorm = new Map<string, string>()
  for (const h of headers) {
    const n = normalizeHeader(h)
    if (n && !byNorm.has(n)) byNorm.set(n, h)
  }
  for (const field of Object.keys(SYNONYMS) as (keyof CfsMapping)[]) {
    for (const syn of SYNONYMS[field]) {
      const h = byNorm.get(syn)
      if (h !== undefined) {
        out[field] = h
        break
      }
    }
  }
  return out
}

const FIELD_LABEL: Record<keyof CfsMapping, string> = {
  lon: 'longitude',
  lat: 'latitude',
  type: 'call type',
  minutes: 'handling minutes',
  units: 'units sent',
  time: 'time received',
}

function number(cell: string): number {
  const s = cell.trim()
  // Number('') is 0 and Number('0x1f') is 31; neither is a coordinate someone meant.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN
  return Number(s)
}

/**
 * Reads calls for service. Each valid row becomes a point with hours = minutes / 60 (the
 * `defaultMinutes`, 30, when there is no minutes column or the cell is empty) and units
 * (1 when absent). A row with a bad value, or with more or fewer cells than the header, is skipped
 * and reported with its line (and column). The calls as objects: `readCfsColumns` reads the same
 * rows into columns.
 */
export function parseCfsCsv(
  text: string,
  mapping: CfsMapping,
  opts: { defaultMinutes?: number } = {},
): { points: CallPoint[]; errors: CfsRowError[]; headers: string[] } {
  const { calls, errors, headers } = readCfsColumns(text, mapping, opts)
  return { points: callPointsOf(calls), errors, headers }
}

/**
 * `parseCfsCsv` into columns (typed arrays for coordinates, hours, units and times): the same
 * rows, errors and headers, without an object per call. What the command line reads a
 * million-row file with.
 */
export function readCfsColumns(
  text: string,
  mapping: CfsMapping,
  opts: { defaultMinutes?: number } = {},
): { calls: CallColumns; errors: CfsRowError[]; headers: string[] } {
  const defaultMinutes = opts.defaultMinutes ?? 30
  const calls = new CallColumnsBuilder(mapping.time !== undefined && mapping.time !== '', countLineBreaks(text) + 1)
  const headerErrors: CfsRowError[] = []
  const rowErrors: CfsRowError[] = []
  const table = scanCsvTable(text, 'Calls-for-service file', (headers) => {
    const col: Partial<Record<keyof CfsMapping, number>> = {}
    for (const field of Object.keys(FIELD_LABEL) as (keyof CfsMapping)[]) {
      const header = mapping[field]
      if (header === undefined || header === '') {
        if (field === 'lon' || field === 'lat') {
          headerErrors.push({ line: 1, column: FIELD_LABEL[field], message: `No column is chosen for ${FIELD_LABEL[field]}` })
        }
        continue
      }
      const idx = headers.indexOf(header)
      if (idx < 0) {
        headerErrors.push({
          line: 1,
          column: header,
          message: `Column "${showValue(header)}" (${FIELD_LABEL[field]}) is not in the header; found: ${showList(headers.map((h) => `"${h}"`))}`,
        })
      } else col[field] = idx
    }
    if (col.lon === undefined || col.lat === undefined || headerErrors.some((e) => e.column !== '')) return undefined
    return readRow(col, mapping, defaultMinutes, calls, rowErrors)
  })
  const errors: CfsRowError[] = table.errors.map((e) => ({ line: e.line, column: '', message: e.message }))
  if (table.headers.length > 0) errors.push(...headerErrors, ...rowErrors)
  return { calls: calls.done(), errors, headers: table.headers }
}

/** Columns filled as rows are read; sized once from the line count (growing them cost copies and fresh pages), grown only when lines end in a bare CR. */
class CallColumnsBuilder {
  private n = 0
  private cap: number
  private lon: Float64Array
  private lat: Float64Array
  private hours: Float64Array
  private units: Float64Array
  private at: Float64Array | null
  private type: string[]

  constructor(timed: boolean, capacity: number) {
    this.cap = Math.max(1, capacity)
    this.lon = new Float64Array(this.cap)
    this.lat = new Float64Array(this.cap)
    this.hours = new Float64Array(this.cap)
    this.units = new Float64Array(this.cap)
    this.at = timed ? new Float64Array(this.cap) : null
    this.type = new Array<string>(this.cap)
  }

  push(lon: number, lat: number, type: string, hours: number, units: number, at: number): void {
    if (this.n === this.cap) this.grow()
    const i = this.n++
    this.lon[i] = lon
    this.lat[i] = lat
    this.hours[i] = hours
    this.units[i] = units
    if (this.at) this.at[i] = at
    this.type[i] = type
  }

  private grow(): void {
    this.cap *= 2
    const more = (a: Float64Array) => {
      const b = new Float64Array(this.cap)
      b.set(a)
      return b
    }
    this.lon = more(this.lon)
    this.lat = more(this.lat)
    this.hours = more(this.hours)
    this.units = more(this.units)
    if (this.at) this.at = more(this.at)
  }

  done(): CallColumns {
    const n = this.n
    this.type.length = n
    return { length: n, lon: this.lon.subarray(0, n), lat: this.lat.subarray(0, n), hours: this.hours.subarray(0, n), units: this.units.subarray(0, n), at: this.at ? this.at.subarray(0, n) : null, type: this.type }
  }
}

/** Reads one row into `calls`, or its problems into `errors`; numbers and times are read in place, a cell is cut out only to be kept or shown. */
function readRow(
  col: Partial<Record<keyof CfsMapping, number>>,
  mapping: CfsMapping,
  defaultMinutes: number,
  calls: CallColumnsBuilder,
  errors: CfsRowError[],
): (row: CsvRowView) => void {
  const [lonK, latK, minK, unitK, timeK, typeK] = [col.lon!, col.lat!, col.minutes ?? -1, col.units ?? -1, col.time ?? -1, col.type ?? -1]
  const cell = (row: CsvRowView, k: number) => (k < 0 ? '' : cellOf(row, k))
  const num = (row: CsvRowView, k: number) => {
    const v = plainDecimal(row.text, row.bounds[2 * k], row.bounds[2 * k + 1])
    return v === v ? v : number(cellOf(row, k))
  }
  const fail = (row: CsvRowView, f: keyof CfsMapping, message: string) => errors.push({ line: row.line, column: mapping[f]!, message })
  return (row) => {
    const { text, bounds } = row
    const lon = num(row, lonK)
    const lat = num(row, latK)
    let ok = true
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
      fail(row, 'lon', `Longitude "${showValue(cell(row, lonK))}" is not a number between -180 and 180`)
      ok = false
    }
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
      fail(row, 'lat', `Latitude "${showValue(cell(row, latK))}" is not a number between -90 and 90`)
      ok = false
    }
    let minutes = defaultMinutes
    if (minK >= 0 && !blankCell(text, bounds[2 * minK], bounds[2 * minK + 1])) {
      minutes = num(row, minK)
      if (!Number.isFinite(minutes) || minutes < 0) {
        fail(row, 'minutes', `Handling time "${showValue(cell(row, minK))}" is not a number of minutes`)
        ok = false
      }
    }
    let units = 1
    if (unitK >= 0 && !blankCell(text, bounds[2 * unitK], bounds[2 * unitK + 1])) {
      units = num(row, unitK)
      if (!Number.isFinite(units) || units < 0) {
        fail(row, 'units', `Units "${showValue(cell(row, unitK))}" is not a number of units`)
        ok = false
      }
    }
    let at = NaN
    if (timeK >= 0) {
      const t = parseWallTimeAt(text, bounds[2 * timeK], bounds[2 * timeK + 1])
      if (typeof t === 'string') {
        fail(row, 'time', cell(row, timeK).trim() === '' ? 'The time received is empty' : `Time "${showValue(cell(row, timeK))}" ${t}`)
        ok = false
      } else at = t
    }
    if (!ok) return
    calls.push(lon, lat, typeK < 0 ? '' : cellOf(row, typeK).trim(), minutes / 60, units, at)
  }
}

/** Whether a cell trims to nothing (the common non-empty case answered by its first character). */
function blankCell(text: string, from: number, to: number): boolean {
  if (from === to) return true
  const c = text.charCodeAt(from)
  if (c > 0x20 && c < 0x7f) return false
  return text.slice(from, to).trim() === ''
}
