import type { Officer, OfficerStatus } from '../../shared/domain'
import { csvCell, defuseFormula, readCsvTable } from '../../shared/staffing/csv-rows'
import { showList, showValue } from '../../shared/text/bounded'
import { ROSTER_FIELDS, ROSTER_HEADERS, guessRosterMapping, type ColumnMapping, type FlatOfficer } from './roster-fields'
import { matchArea, matchNeighborhood, newOfficerId, type NamedArea, type NamedNeighborhood } from './roster-match'

export { ROSTER_FIELDS, guessRosterMapping }
export type { ColumnMapping, FlatOfficer }

export interface RosterRowError {
  line: number
  column: string
  message: string
}

export interface RosterPreview {
  headers: string[]
  mapping: ColumnMapping
  officers: { line: number; officer: Officer }[]
  errors: RosterRowError[]
  totalRows: number
  /** Headers no app field is mapped to; their cells are ignored. */
  unknownHeaders: string[]
}

export interface RosterContext {
  areas: NamedArea[]
  neighborhoods: NamedNeighborhood[]
  existing: Officer[]
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const STATUS_WORDS: Record<string, OfficerStatus> = { active: 'active', leave: 'leave', 'on leave': 'leave', vacant: 'vacant' }

/** Undo the export's formula guard so "+1 555..." survives a round trip. */
function cellValue(raw: string | undefined): string {
  const v = (raw ?? '').trim()
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v
}

function blankOfficer(id: string): Officer {
  return {
    id,
    displayName: '',
    rank: '',
    email: '',
    deskPhone: '',
    shift: '',
    status: 'active',
    areaId: null,
    neighborhoodId: null,
    private: { employeeId: '', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
  }
}

const PRIVATE_FIELDS = ['employeeId', 'badge', 'personalPhone', 'personalEmail', 'homeAddress', 'notes'] as const
const PUBLIC_FIELDS = ['displayName', 'rank', 'email', 'deskPhone', 'shift'] as const
/** Only these may span lines; a line break in any other cell means rows were merged or a quote is missing. */
const MULTILINE_FIELDS: ReadonlySet<keyof FlatOfficer> = new Set(['homeAddress', 'notes'])

/**
 * Checks a roster CSV against the plan without changing anything.
 * - A row whose employee id matches an existing officer updates that officer: it keeps its `id`,
 *   and columns that are not mapped keep their stored values.
 * - The same employee id on several rows of the file is an error on every one of those rows,
 *   since the file does not say which is right.
 * - A row with any error yields no officer.
 * - New officers get `off-<employee id>` (or `off-h<hash of name, email, badge>` without one).
 */
export function previewRosterCsv(text: string, ctx: RosterContext, mapping?: ColumnMapping): RosterPreview {
  const table = readCsvTable(text, 'Roster file')
  const map = mapping ?? guessRosterMapping(table.headers)
  const errors: RosterRowError[] = table.errors.map((e) => ({ line: e.line, column: '', message: e.message }))
  const preview = (officers: RosterPreview['officers']): RosterPreview => ({
    headers: table.headers,
    mapping: map,
    officers,
    errors: errors.sort((a, b) => a.line - b.line),
    totalRows: table.rowCount,
    unknownHeaders: table.headers.filter((h) => !Object.values(map).includes(h)),
  })
  if (table.headers.length === 0) return preview([])

  const col = new Map<keyof FlatOfficer, number>()
  for (const field of ROSTER_FIELDS) {
    const header = map[field]
    if (header === undefined || header === '') continue
    const idx = table.headers.indexOf(header)
    if (idx < 0) errors.push({ line: 1, column: header, message: `Column "${showValue(header)}" mapped to ${ROSTER_HEADERS[field]} is not in the file's header` })
    else col.set(field, idx)
  }
  if (!col.has('displayName')) {
    if (map.displayName === undefined || map.displayName === '') {
      errors.push({ line: 1, column: ROSTER_HEADERS.displayName, message: 'The roster has no name column: map one of the headers to Name' })
    }
    return preview([])
  }

  const existingByEmp = new Map<string, Officer[]>()
  for (const o of ctx.existing) {
    const k = o.private.employeeId.trim().toLowerCase()
    if (!k) continue
    const same = existingByEmp.get(k)
    if (same) same.push(o)
    else existingByEmp.set(k, [o])
  }
  // First line of each employee id, and every line of the ids that repeat: no array per row of a 1,000,000-row roster.
  const firstLine = new Map<string, number>()
  const linesByEmp = new Map<string, number[]>()
  if (col.has('employeeId')) {
    const at = col.get('employeeId')!
    for (const row of table.rows) {
      const k = cellValue(row.cells[at]).toLowerCase()
      if (!k) continue
      const first = firstLine.get(k)
      if (first === undefined) firstLine.set(k, row.line)
      else {
        const lines = linesByEmp.get(k)
        if (lines) lines.push(row.line)
        else linesByEmp.set(k, [first, row.line])
      }
    }
  }
  // 20,000 rows sharing one id get one message each: list a bounded head of the lines, once per id.
  const duplicateLines = new Map<string, string>()

  const existingById = new Map(ctx.existing.map((o) => [o.id, o]))
  const takenIds = new Set(existingById.keys())
  const officers: RosterPreview['officers'] = []
  const fields = [...col.keys()]
  const cellIndex = [...col.values()]
  const header = (f: keyof FlatOfficer): string => map[f] ?? ROSTER_HEADERS[f]
  // One error list and one `fail` for the whole file, reset per row: a million rows allocate neither.
  const rowErrors: RosterRowError[] = []
  let line = 0
  const fail = (f: keyof FlatOfficer, message: string) => rowErrors.push({ line, column: header(f), message })
  for (const row of table.rows) {
    line = row.line
    rowErrors.length = 0
    // Each mapped cell is read once; unmapped fields stay undefined so the stored value is kept.
    const v: Partial<Record<keyof FlatOfficer, string>> = {}
    for (let k = 0; k < fields.length; k++) v[fields[k]] = cellValue(row.cells[cellIndex[k]])

    for (const f of fields) {
      if (!MULTILINE_FIELDS.has(f) && v[f]!.includes('\n')) {
        fail(f, `${ROSTER_HEADERS[f]} holds a line break, which only ${ROSTER_HEADERS.homeAddress} and ${ROSTER_HEADERS.notes} may: a missing quote or mixed line endings may have merged rows`)
      }
    }
    if (rowErrors.length > 0) {
      // A merged row's values cannot be trusted; one error per bad cell is enough.
      errors.push(...rowErrors)
      continue
    }

    const name = v.displayName ?? ''
    if (!name) fail('displayName', 'Name is empty')

    const emp = v.employeeId ?? ''
    const empKey = emp.toLowerCase()
    let base: Officer | null = null
    if (empKey) {
      const lines = linesByEmp.get(empKey)
      if (lines) {
        let shown = duplicateLines.get(empKey)
        if (shown === undefined) duplicateLines.set(empKey, (shown = showList(lines)))
        fail('employeeId', `Employee ID "${showValue(emp)}" appears on ${lines.length.toLocaleString('en-US')} rows (lines ${shown})`)
      }
      const matches = existingByEmp.get(empKey) ?? []
      if (matches.length > 1) fail('employeeId', `Employee ID "${showValue(emp)}" belongs to ${matches.length} officers already in the plan`)
      else if (matches.length === 1) base = matches[0]
    } else {
      // Without an employee id, the fingerprint id is how a re-imported export finds its officer again.
      const same = existingById.get(newOfficerId('', name, v.email ?? '', v.badge ?? '', new Set()))
      if (same && !same.private.employeeId) base = same
    }

    for (const f of ['email', 'personalEmail'] as const) {
      const cell = v[f]
      if (cell && !EMAIL.test(cell)) fail(f, `"${showValue(cell)}" is not an email address`)
    }

    const statusCell = v.status
    let status: OfficerStatus = base?.status ?? 'active'
    if (statusCell) {
      const s = STATUS_WORDS[statusCell.toLowerCase()]
      if (s) status = s
      else fail('status', `Status "${showValue(statusCell)}" is not one of active, leave, vacant`)
    }

    let areaId = base?.areaId ?? null
    let neighborhoodId = base?.neighborhoodId ?? null
    const areaCell = v.area
    const nbCell = v.neighborhood
    if (areaCell !== undefined) {
      areaId = null
      if (areaCell) {
        const a = matchArea(ctx.areas, areaCell)
        if (a) areaId = a.id
        else fail('area', `Unknown area "${showValue(areaCell)}"`)
      }
    }
    if (nbCell !== undefined) {
      neighborhoodId = null
      if (nbCell) {
        const areaKnown = !areaCell || areaId !== null
        const nb = matchNeighborhood(ctx.neighborhoods, nbCell, areaId)
        if (!nb) fail('neighborhood', `Unknown neighborhood "${showValue(nbCell)}"`)
        else if (areaCell && areaKnown && nb.areaId !== areaId) {
          fail('neighborhood', `Neighborhood "${showValue(nbCell)}" is not in area "${showValue(areaCell)}"`)
        } else {
          neighborhoodId = nb.id
          if (!areaCell) areaId = nb.areaId
        }
      }
    } else if (areaCell !== undefined && neighborhoodId !== null) {
      // The area changed and the file says nothing about the neighborhood: drop an adoption outside the new area.
      const nb = ctx.neighborhoods.find((n) => n.id === neighborhoodId)
      if (!nb || nb.areaId !== areaId) neighborhoodId = null
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors)
      continue
    }
    const officer: Officer = base
      ? { ...base, private: { ...base.private } }
      : blankOfficer(newOfficerId(emp, name, v.email ?? '', v.badge ?? '', takenIds))
    if (!base) takenIds.add(officer.id)
    for (const f of PUBLIC_FIELDS) {
      const cell = v[f]
      if (cell !== undefined) officer[f] = cell
    }
    for (const f of PRIVATE_FIELDS) {
      const cell = v[f]
      if (cell !== undefined) officer.private[f] = cell
    }
    officer.status = status
    officer.areaId = areaId
    officer.neighborhoodId = neighborhoodId
    officers.push({ line: row.line, officer })
  }
  return preview(officers)
}

/**
 * Internal export with every field (private ones included), areas and neighborhoods by name,
 * RFC 4180 quoting, CRLF line ends, and formula-looking cells prefixed with an apostrophe.
 */
export function rosterToCsv(officers: Officer[], ctx: { areas: NamedArea[]; neighborhoods: NamedNeighborhood[] }): string {
  const areaName = new Map(ctx.areas.map((a) => [a.id, a.name]))
  const nbName = new Map(ctx.neighborhoods.map((n) => [n.id, n.name]))
  const lines = [ROSTER_FIELDS.map((f) => csvCell(ROSTER_HEADERS[f])).join(',')]
  for (const o of officers) {
    const flat: FlatOfficer = {
      displayName: o.displayName,
      rank: o.rank,
      email: o.email,
      deskPhone: o.deskPhone,
      ...o.private,
      shift: o.shift,
      status: o.status,
      area: o.areaId === null ? '' : (areaName.get(o.areaId) ?? o.areaId),
      neighborhood: o.neighborhoodId === null ? '' : (nbName.get(o.neighborhoodId) ?? o.neighborhoodId),
    }
    lines.push(ROSTER_FIELDS.map((f) => csvCell(defuseFormula(flat[f] ?? ''))).join(','))
  }
  return lines.join('\r\n') + '\r\n'
}
