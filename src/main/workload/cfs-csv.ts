import Papa from 'papaparse'
import { normalizeHeader, readCsvTable } from '../../shared/staffing/csv-rows'
import { showList, showValue } from '../../shared/text/bounded'
import type { CallPoint } from '../../shared/staffing/workload'
import { parseWallTime } from '../../shared/staffing/shifts'

export type { CallPoint }

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
  const r = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: [',', ';', '\t', '|'] })
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
 * and reported with its line (and column).
 */
export function parseCfsCsv(
  text: string,
  mapping: CfsMapping,
  opts: { defaultMinutes?: number } = {},
): { points: CallPoint[]; errors: CfsRowError[]; headers: string[] } {
  const defaultMinutes = opts.defaultMinutes ?? 30
  const table = readCsvTable(text, 'Calls-for-service file')
  const errors: CfsRowError[] = table.errors.map((e) => ({ line: e.line, column: '', message: e.message }))
  const points: CallPoint[] = []
  if (table.headers.length === 0) return { points, errors, headers: table.headers }

  const col: Partial<Record<keyof CfsMapping, number>> = {}
  for (const field of Object.keys(FIELD_LABEL) as (keyof CfsMapping)[]) {
    const header = mapping[field]
    if (header === undefined || header === '') {
      if (field === 'lon' || field === 'lat') {
        errors.push({ line: 1, column: FIELD_LABEL[field], message: `No column is chosen for ${FIELD_LABEL[field]}` })
      }
      continue
    }
    const idx = table.headers.indexOf(header)
    if (idx < 0) {
      errors.push({
        line: 1,
        column: header,
        message: `Column "${showValue(header)}" (${FIELD_LABEL[field]}) is not in the header; found: ${showList(table.headers.map((h) => `"${h}"`))}`,
      })
    } else col[field] = idx
  }
  if (col.lon === undefined || col.lat === undefined || errors.some((e) => e.line === 1 && e.column !== '')) {
    return { points, errors, headers: table.headers }
  }

  for (const row of table.rows) {
    const cell = (f: keyof CfsMapping) => (col[f] === undefined ? '' : (row.cells[col[f]!] ?? ''))
    const fail = (f: keyof CfsMapping, message: string) => errors.push({ line: row.line, column: mapping[f]!, message })
    const lon = number(cell('lon'))
    const lat = number(cell('lat'))
    let ok = true
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
      fail('lon', `Longitude "${showValue(cell('lon'))}" is not a number between -180 and 180`)
      ok = false
    }
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
      fail('lat', `Latitude "${showValue(cell('lat'))}" is not a number between -90 and 90`)
      ok = false
    }
    let minutes = defaultMinutes
    if (col.minutes !== undefined && cell('minutes').trim() !== '') {
      minutes = number(cell('minutes'))
      if (!Number.isFinite(minutes) || minutes < 0) {
        fail('minutes', `Handling time "${showValue(cell('minutes'))}" is not a number of minutes`)
        ok = false
      }
    }
    let units = 1
    if (col.units !== undefined && cell('units').trim() !== '') {
      units = number(cell('units'))
      if (!Number.isFinite(units) || units < 0) {
        fail('units', `Units "${showValue(cell('units'))}" is not a number of units`)
        ok = false
      }
    }
    let at: number | undefined
    if (col.time !== undefined) {
      const t = parseWallTime(cell('time'))
      if (typeof t === 'string') {
        fail('time', cell('time').trim() === '' ? 'The time received is empty' : `Time "${showValue(cell('time'))}" ${t}`)
        ok = false
      } else at = t
    }
    if (!ok) continue
    points.push(at === undefined ? { lon, lat, type: cell('type').trim(), hours: minutes / 60, units } : { lon, lat, type: cell('type').trim(), hours: minutes / 60, units, at })
  }
  return { points, errors, headers: table.headers }
}
