import Papa from 'papaparse'

export interface CsvRow {
  /** 1-based line in the file where the row starts (the header is line 1). */
  line: number
  cells: string[]
}

export interface CsvTable {
  headers: string[]
  rows: CsvRow[]
  /** Non-blank rows after the header, including those left out of `rows` for an error. */
  rowCount: number
  /** Problems with the file as a whole, or with one row (its quoting, its cell count). */
  errors: { line: number; message: string }[]
}

/**
 * One kind of line ending before parsing. Papaparse guesses the newline from the start of the
 * file; in a file that mixes CRLF with LF (or a bare CR), the other kind then stays inside
 * cells and merges rows ("Days\nBert"). Line breaks inside quoted cells become LF as well.
 */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Line breaks (LF) in the text. */
export function countLineBreaks(s: string): number {
  let n = 0
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Reads CSV text into rows that know their line number. Papaparse does not report
 * line numbers, so we count: each row takes one line plus the line breaks kept inside
 * its quoted cells. That is why empty lines are kept until here (they still take a line).
 *
 * A row is left out of `rows`, with an error naming its line, when its quoting is broken or its
 * cell count differs from the header's: an unquoted comma in one cell shifts every later value
 * into the wrong column (a personal phone into the public desk phone), so such a row is never
 * guessed at. `rowCount` counts every non-blank row after the header, the rejected ones included.
 */
const PARSE: Papa.ParseConfig<string[]> = { skipEmptyLines: false, newline: '\n', delimitersToGuess: [',', ';', '\t', '|'] }

/**
 * Text with no quote character at all: no cell can hold a delimiter or a line break, so rows are
 * the lines and cells the pieces between delimiters, exactly as papaparse would cut them. The
 * delimiter is papaparse's own guess, which it makes from the first rows. Several times faster
 * on a million-row calls-for-service file.
 */
function splitUnquoted(input: string): { data: string[][]; errors: Papa.ParseError[] } {
  // papaparse drops a byte order mark.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  let head = 0
  for (let k = 0; k < 12 && head >= 0; k++) head = text.indexOf('\n', head + 1)
  const delimiter = Papa.parse<string[]>(head < 0 ? text : text.slice(0, head), PARSE).meta.delimiter || ','
  if (text === '') return { data: [], errors: [] }
  const lines = text.split('\n')
  const data = new Array<string[]>(lines.length)
  for (let i = 0; i < lines.length; i++) data[i] = lines[i].split(delimiter)
  return { data, errors: [] }
}

export function readCsvTable(input: string, what: string): CsvTable {
  if (input.includes('\u0000')) {
    return { headers: [], rows: [], rowCount: 0, errors: [{ line: 1, message: `${what} is not a text CSV file (it contains binary data)` }] }
  }
  const text = normalizeLineEndings(input)
  // Without a quote no cell can hold a line break, so row i starts on line i + 1 (most rosters).
  const quoted = text.includes('"')
  const parsed = quoted ? Papa.parse<string[]>(text, PARSE) : splitUnquoted(text)
  const errors: CsvTable['errors'] = []
  const data = parsed.data
  const lineOf: number[] = new Array<number>(data.length)
  let line = 1
  for (let i = 0; i < data.length; i++) {
    lineOf[i] = line
    line++
    if (quoted) for (const c of data[i]) line += countLineBreaks(c)
  }
  const broken = new Set<number>()
  for (const e of parsed.errors) {
    if (e.code === 'UndetectableDelimiter') continue
    const known = typeof e.row === 'number' && e.row < lineOf.length
    if (known) broken.add(e.row!)
    errors.push({ line: known ? lineOf[e.row!] : 1, message: `${e.message} (${e.code})` })
  }
  const headerIdx = data.findIndex((cells) => cells.some((c) => c.trim() !== ''))
  if (headerIdx < 0) {
    errors.push({ line: 1, message: `${what} is empty: no header row` })
    return { headers: [], rows: [], rowCount: 0, errors }
  }
  const headers = data[headerIdx].map((h) => h.replace(/^\uFEFF/, '').trim())
  const rows: CsvRow[] = []
  let rowCount = 0
  for (let i = headerIdx + 1; i < data.length; i++) {
    const cells = data[i]
    if (cells[0].trim() === '' && cells.every((c) => c.trim() === '')) continue
    rowCount++
    if (broken.has(i)) continue
    if (cells.length !== headers.length) {
      errors.push({ line: lineOf[i], message: cellCountMessage(cells.length, headers.length) })
      continue
    }
    rows.push({ line: lineOf[i], cells })
  }
  return { headers, rows, rowCount, errors }
}

/**
 * One data row seen by `scanCsvTable`: cell k is `text.slice(bounds[2k], bounds[2k + 1])`. The
 * text is the whole file for a quote-free file (no cell is cut out unless asked for), or the
 * row's cells joined by NUL otherwise (a NUL refuses the file, so it never occurs in a cell).
 * The view is reused from row to row: copy what must outlive the call.
 */
export interface CsvRowView {
  line: number
  text: string
  bounds: Int32Array
}

/** Cell k of a row view, as a string. */
export function cellOf(row: CsvRowView, k: number): string {
  return row.text.slice(row.bounds[2 * k], row.bounds[2 * k + 1])
}

const isBlankCell = (c: string) => c.trim() === ''

/**
 * `readCsvTable` without a string and an array per row: the same headers, errors (same lines and
 * messages, same order), `rowCount` and rows (same lines and cells), but each row is handed to
 * the visitor that `start` returns for the headers (none: rows are not read) as a reused view.
 * A quote-free file is cut by indexOf on the one string; a file with a quote goes through
 * `readCsvTable` itself.
 */
export function scanCsvTable(
  input: string,
  what: string,
  start: (headers: string[]) => ((row: CsvRowView) => void) | undefined,
): Omit<CsvTable, 'rows'> {
  if (input.includes('\u0000') || input.includes('"')) {
    const table = readCsvTable(input, what)
    const visit = table.headers.length ? start(table.headers) : undefined
    if (visit) {
      const bounds = new Int32Array(2 * table.headers.length)
      for (const r of table.rows) {
        let at = 0
        for (let k = 0; k < r.cells.length; k++) {
          bounds[2 * k] = at
          at += r.cells[k].length
          bounds[2 * k + 1] = at
          at++
        }
        visit({ line: r.line, text: r.cells.join('\u0000'), bounds })
      }
    }
    return { headers: table.headers, rowCount: table.rowCount, errors: table.errors }
  }
  const norm = normalizeLineEndings(input)
  // papaparse drops a byte order mark; the delimiter is papaparse's own guess from the first rows.
  const text = norm.charCodeAt(0) === 0xfeff ? norm.slice(1) : norm
  const errors: CsvTable['errors'] = []
  if (text === '') {
    errors.push({ line: 1, message: `${what} is empty: no header row` })
    return { headers: [], rowCount: 0, errors }
  }
  let head = 0
  for (let k = 0; k < 12 && head >= 0; k++) head = text.indexOf('\n', head + 1)
  const delimiter = Papa.parse<string[]>(head < 0 ? text : text.slice(0, head), PARSE).meta.delimiter || ','
  const dc = delimiter.charCodeAt(0)
  const len = text.length
  // A line is blank when every cell trims to nothing; a first character that is neither space nor the delimiter settles it.
  const blank = (from: number, to: number): boolean => {
    if (from === to) return true
    const c = text.charCodeAt(from)
    if (c > 0x20 && c < 0x7f && c !== dc) return false
    return text.slice(from, to).split(delimiter).every(isBlankCell)
  }
  let pos = 0
  let line = 1
  let headers: string[] | null = null
  for (; pos <= len; line++) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = len
    const from = pos
    pos = end + 1
    if (!blank(from, end)) {
      headers = text.slice(from, end).split(delimiter).map((h) => h.replace(/^\uFEFF/, '').trim())
      line++
      break
    }
  }
  if (!headers) {
    errors.push({ line: 1, message: `${what} is empty: no header row` })
    return { headers: [], rowCount: 0, errors }
  }
  const visit = start(headers)
  const n = headers.length
  const bounds = new Int32Array(2 * n)
  const view: CsvRowView = { line: 0, text, bounds }
  let rowCount = 0
  for (; pos <= len; line++) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = len
    const from = pos
    pos = end + 1
    if (blank(from, end)) continue
    rowCount++
    let cells = 0
    let at = from
    for (;;) {
      let d = text.indexOf(delimiter, at)
      if (d < 0 || d > end) d = end
      if (cells < n) {
        bounds[2 * cells] = at
        bounds[2 * cells + 1] = d
      }
      cells++
      if (d === end) break
      at = d + delimiter.length
    }
    if (cells !== n) {
      errors.push({ line, message: cellCountMessage(cells, n) })
      continue
    }
    if (visit) {
      view.line = line
      visit(view)
    }
  }
  return { headers, rowCount, errors }
}

/**
 * A plain decimal ("-87.6298", "12", ".5", "+3.") read from `text` between `from` and `to`, spaces
 * and tabs around it allowed; NaN for anything else (exponents, other spaces, long mantissas),
 * which the caller then reads its usual way. The value is the one Number() gives: a mantissa below
 * 2^53 divided by an exact power of ten is correctly rounded.
 */
export function plainDecimal(text: string, from: number, to: number): number {
  while (from < to && (text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9)) from++
  while (to > from && (text.charCodeAt(to - 1) === 32 || text.charCodeAt(to - 1) === 9)) to--
  if (from === to) return NaN
  let i = from
  let neg = false
  const s = text.charCodeAt(i)
  if (s === 45 || s === 43) {
    neg = s === 45
    i++
  }
  let m = 0
  let digits = 0
  let scale = 0
  let dot = false
  for (; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48)
      digits++
      if (dot) scale++
    } else if (c === 46 && !dot) dot = true
    else return NaN
  }
  if (digits === 0 || digits > 15 || scale > 22) return NaN
  const v = scale ? m / POW10[scale] : m
  return neg ? -v : v
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k)

function cellCountMessage(found: number, expected: number): string {
  const more = found > expected
  return (
    `The row has ${found} cell${found === 1 ? '' : 's'} but the header has ${expected}, so its values would land in the wrong columns: ` +
    (more ? 'a cell probably holds an unquoted comma (put such a cell in double quotes)' : 'cells are missing (an empty cell still needs its comma)')
  )
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
