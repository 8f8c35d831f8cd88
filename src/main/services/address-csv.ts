import { cellOf, countLineBreaks, plainDecimal, scanCsvTable } from '../../shared/staffing/csv-rows'
import { showList, showValue } from '../../shared/text/bounded'

export interface ParsedAddresses {
  rows: { address: string; key: string; lon: number; lat: number }[]
  skipped: { line: number; message: string }[]
  columns: { address: string; lon: string; lat: string }
}

const GUESS = {
  address: [/^(full_?)?address$/i, /^(street|site|full|mailing|property)[ _]?address$/i, /^addr(ess)?[ _]?(line)?[ _]?1?$/i, /address/i],
  lon: [/^(lon|lng|long|longitude)$/i, /^x$/i, /lon(gitude)?$/i],
  lat: [/^(lat|latitude)$/i, /^y$/i, /lat(itude)?$/i],
}

function pick(headers: string[], patterns: RegExp[]): string | undefined {
  for (const re of patterns) {
    const h = headers.find((x) => re.test(x.trim()))
    if (h !== undefined) return h
  }
  return undefined
}

/** Lower case, single spaces, no punctuation at the ends: how type-ahead compares addresses. */
export function addressKey(s: string): string {
  // Most addresses are ASCII with single inner spaces and no comma: NFKC, the replace and the trim leave them as they are.
  let plain = true
  for (let i = 0, n = s.length; i < n && plain; i++) {
    const c = s.charCodeAt(i)
    plain = c > 32 ? c < 0x80 && c !== 44 : c === 32 && i > 0 && i < n - 1 && s.charCodeAt(i - 1) !== 32
  }
  if (plain) return s.toLowerCase()
  return s.normalize('NFKC').toLowerCase().replace(/[\s,]+/g, ' ').trim()
}

/** Address points as parallel columns, row i at position i (what `compare --addresses` reads 500,000 rows into). */
export interface AddressColumns {
  address: AddressTexts
  lon: Float64Array
  lat: Float64Array
}

/**
 * Each row's address as where it lies in the file's text, made into a string only when asked for:
 * `compare --addresses` reads 500,000 rows and names only the affected ones, and half a million
 * short strings cost more in garbage collection than cutting them does. Like an array of strings,
 * it has `length` and `at(i)`.
 */
export class AddressTexts {
  constructor(
    private readonly text: string,
    /** Row i's address is text[start[i], end[i]), trimmed. */
    private readonly start: Int32Array,
    private readonly end: Int32Array,
  ) {}

  get length(): number {
    return this.start.length
  }

  /** As Array.prototype.at: a negative i counts from the end; undefined past either end. */
  at(i: number): string | undefined {
    const k = i < 0 ? i + this.start.length : i
    return k >= 0 && k < this.start.length ? this.text.slice(this.start[k], this.end[k]) : undefined
  }
}

/**
 * Reads an address-points CSV (address, lon, lat), guessing the columns from the header.
 * A bad row is skipped and named by its line number; a file whose header has no address,
 * longitude or latitude column is refused as a whole. Rows are read by the same reader as the
 * roster (line endings normalised, a row whose cell count differs from the header's refused).
 */
export function parseAddressCsv(input: string, fileName: string): ParsedAddresses {
  const { points, skipped, columns } = readAddressColumns(input, fileName)
  const rows = new Array<ParsedAddresses['rows'][number]>(points.address.length)
  for (let i = 0; i < rows.length; i++) {
    const address = points.address.at(i)!
    rows[i] = { address, key: addressKey(address), lon: points.lon[i], lat: points.lat[i] }
  }
  return { rows, skipped, columns }
}

/** `parseAddressCsv` into columns, without the type-ahead keys: the same rows, skips (lines, messages) and columns, no object per row. */
export function readAddressColumns(input: string, fileName: string): { points: AddressColumns; skipped: ParsedAddresses['skipped']; columns: ParsedAddresses['columns'] } {
  // Sized from the line count, which no file's rows exceed unless its lines end in a bare CR (then grown).
  const cap = countLineBreaks(input) + 1
  let n = 0
  let lons = new Float64Array(cap)
  let lats = new Float64Array(cap)
  // Where each address lies: in the file's text when the rows are cut from it (a file without
  // quotes), else in a text of their own, the addresses joined, since a quoted cell is unquoted first.
  let starts = new Int32Array(cap)
  let ends = new Int32Array(cap)
  let shared = null as string | null
  let own = null as string[] | null
  let ownLength = 0
  const rowSkips: ParsedAddresses['skipped'] = []
  let address = ''
  let lon = ''
  let lat = ''
  const table = scanCsvTable(input, fileName, (all) => {
    const headers = all.filter((h) => h.trim() !== '')
    const found = [pick(headers, GUESS.address), pick(headers, GUESS.lon), pick(headers, GUESS.lat)]
    const missing = [!found[0] && 'address', !found[1] && 'longitude (lon)', !found[2] && 'latitude (lat)'].filter(Boolean)
    if (missing.length) {
      throw new Error(`${fileName}: line 1: no ${missing.join(', ')} column found among the headers ${headers.length ? showList(headers.map((h) => `"${h}"`)) : '(none)'}`)
    }
    ;[address, lon, lat] = found as string[]
    const [ai, xi, yi] = [address, lon, lat].map((h) => all.indexOf(h))
    return (row) => {
      const { text, bounds, line: l } = row
      // The address cell trimmed, as bounds: a string only when its ends are blank or not ASCII.
      let as = bounds[2 * ai]
      let ae = bounds[2 * ai + 1]
      if (as < ae && !(plainEnd(text.charCodeAt(as)) && plainEnd(text.charCodeAt(ae - 1)))) {
        const cell = text.slice(as, ae)
        const t = cell.trim()
        as += cell.length - cell.trimStart().length
        ae = as + t.length
      }
      const a = as < ae
      let x = plainDecimal(text, bounds[2 * xi], bounds[2 * xi + 1])
      let y = plainDecimal(text, bounds[2 * yi], bounds[2 * yi + 1])
      // Not a plain decimal: read as before (Number of the trimmed cell, an empty cell refused).
      if (x !== x) {
        const xs = cellOf(row, xi).trim()
        x = xs === '' ? NaN : Number(xs)
      }
      if (y !== y) {
        const ys = cellOf(row, yi).trim()
        y = ys === '' ? NaN : Number(ys)
      }
      if (!a) rowSkips.push({ line: l, message: `${fileName}: line ${l}: the ${showValue(address)} column is empty` })
      else if (!Number.isFinite(x) || Math.abs(x) > 180) rowSkips.push({ line: l, message: `${fileName}: line ${l}: ${showValue(lon)} "${showValue(cellOf(row, xi).trim())}" is not a longitude between -180 and 180` })
      else if (!Number.isFinite(y) || Math.abs(y) > 90) rowSkips.push({ line: l, message: `${fileName}: line ${l}: ${showValue(lat)} "${showValue(cellOf(row, yi).trim())}" is not a latitude between -90 and 90` })
      else {
        if (n === lons.length) {
          lons = grown(lons)
          lats = grown(lats)
          starts = grown(starts)
          ends = grown(ends)
        }
        if (shared === null && own === null) shared = text
        if (text === shared) {
          starts[n] = as
          ends[n] = ae
        } else {
          // Rows with texts of their own (the quoted path gives each row its own): from here on the
          // addresses are copied into one list, the ones read so far first.
          if (!own) {
            own = []
            for (let i = 0; i < n; i++) {
              const s = shared!.slice(starts[i], ends[i])
              own.push(s)
              starts[i] = ownLength
              ends[i] = ownLength += s.length
            }
            shared = null
          }
          const s = text.slice(as, ae)
          own.push(s)
          starts[n] = ownLength
          ends[n] = ownLength += s.length
        }
        lons[n] = x
        lats[n] = y
        n++
      }
    }
  })
  if (table.headers.length === 0) {
    throw new Error(`${fileName}: line 1: no address, longitude (lon), latitude (lat) column found among the headers (none)`)
  }
  // concat, not push(...rowSkips): a file of 200,000 bad rows would pass more arguments than a call takes.
  const skipped: ParsedAddresses['skipped'] = table.errors.map((e) => ({ line: e.line, message: `${fileName}: line ${e.line}: ${e.message}` })).concat(rowSkips)
  skipped.sort((p, q) => p.line - q.line)
  const texts = new AddressTexts(own ? own.join('') : shared ?? '', starts.subarray(0, n), ends.subarray(0, n))
  return { points: { address: texts, lon: lons.subarray(0, n), lat: lats.subarray(0, n) }, skipped, columns: { address, lon, lat } }
}

/** A character at either end of a cell that trimming would keep (printable ASCII, not a space). */
function plainEnd(c: number): boolean {
  return c > 32 && c < 127
}

/** A column twice as long, holding the same values first. */
function grown<T extends Float64Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(2 * a.length)
  b.set(a)
  return b
}
