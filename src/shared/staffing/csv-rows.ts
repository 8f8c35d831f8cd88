import Papa from 'papaparse'

export interface CsvRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number
  cells: string[]
}

export interface CsvTable {
  headers: string[]
  rows: CsvRow[]
  /** Problems with the file as a whole or with one row's quoting. */
  errors: { line: number; message: string }[]
}

function countLineBreaks(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10) n++
    else if (c === 13) {
      n++
      if (s.charCodeAt(i + 1) === 10) i++
    }
  }
  return n
}

/**
 * Reads CSV text into rows that know their line number. Papaparse does not report
 * line numbers, so we count: each row takes one line plus the line breaks kept inside
 * its quoted cells. That is why empty lines are kept until here (they still take a line).
 */
export function readCsvTable(text: string, what: string): CsvTable {
  if (text.includes('\u0000')) {
    return { headers: [], rows: [], errors: [{ line: 1, message: `${what} is not a text CSV file (it contains binary data)` }] }
  }
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  })
  const errors: CsvTable['errors'] = []
  const data = parsed.data
  const lineOf: number[] = []
  let line = 1
  for (const cells of data) {
    lineOf.push(line)
    let inner = 0
    for (const c of cells) inner += countLineBreaks(c)
    line += 1 + inner
  }
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue
    const at = typeof e.row === 'number' && e.row < lineOf.length ? lineOf[e.row] : 1
    errors.push({ line: at, message: `${e.message} (${e.code})` })
  }
  const headerIdx = data.findIndex((cells) => cells.some((c) => c.trim() !== ''))
  if (headerIdx < 0) {
    errors.push({ line: 1, message: `${what} is empty: no header row` })
    return { headers: [], rows: [], errors }
  }
  const headers = data[headerIdx].map((h) => h.replace(/^\uFEFF/, '').trim())
  const rows: CsvRow[] = []
  for (let i = headerIdx + 1; i < data.length; i++) {
    if (data[i].every((c) => c.trim() === '')) continue
    rows.push({ line: lineOf[i], cells: data[i] })
  }
  return { headers, rows, errors }
}

/** Header names compared without case, spaces, punctuation: "Badge #" ~ "badge". */
export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/#/g, 'number').replace(/[^a-z0-9]/g, '')
}

/** RFC 4180 cell: quoted when it holds a delimiter, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab / CR) as a formula (OWASP "CSV injection").
 * A leading apostrophe makes them show it as text.
 */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
