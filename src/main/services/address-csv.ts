import { readCsvTable } from '../../shared/staffing/csv-rows'
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
  return s.normalize('NFKC').toLowerCase().replace(/[\s,]+/g, ' ').trim()
}

/**
 * Reads an address-points CSV (address, lon, lat), guessing the columns from the header.
 * A bad row is skipped and named by its line number; a file whose header has no address,
 * longitude or latitude column is refused as a whole. Rows are read by the same reader as the
 * roster (line endings normalised, a row whose cell count differs from the header's refused).
 */
export function parseAddressCsv(input: string, fileName: string): ParsedAddresses {
  const table = readCsvTable(input, fileName)
  const headers = table.headers.filter((h) => h.trim() !== '')
  const address = pick(headers, GUESS.address)
  const lon = pick(headers, GUESS.lon)
  const lat = pick(headers, GUESS.lat)
  const missing = [!address && 'address', !lon && 'longitude (lon)', !lat && 'latitude (lat)'].filter(Boolean)
  if (missing.length) {
    throw new Error(`${fileName}: line 1: no ${missing.join(', ')} column found among the headers ${headers.length ? showList(headers.map((h) => `"${h}"`)) : '(none)'}`)
  }
  const [ai, xi, yi] = [address!, lon!, lat!].map((h) => table.headers.indexOf(h))
  const rows: ParsedAddresses['rows'] = []
  const skipped: ParsedAddresses['skipped'] = table.errors.map((e) => ({ line: e.line, message: `${fileName}: line ${e.line}: ${e.message}` }))
  for (const { cells, line: l } of table.rows) {
    const a = cells[ai].trim()
    const xs = cells[xi].trim()
    const ys = cells[yi].trim()
    const x = Number(xs)
    const y = Number(ys)
    if (!a) skipped.push({ line: l, message: `${fileName}: line ${l}: the ${showValue(address)} column is empty` })
    else if (xs === '' || !Number.isFinite(x) || Math.abs(x) > 180) skipped.push({ line: l, message: `${fileName}: line ${l}: ${showValue(lon)} "${showValue(xs)}" is not a longitude between -180 and 180` })
    else if (ys === '' || !Number.isFinite(y) || Math.abs(y) > 90) skipped.push({ line: l, message: `${fileName}: line ${l}: ${showValue(lat)} "${showValue(ys)}" is not a latitude between -90 and 90` })
    else rows.push({ address: a, key: addressKey(a), lon: x, lat: y })
  }
  skipped.sort((p, q) => p.line - q.line)
  return { rows, skipped, columns: { address: address!, lon: lon!, lat: lat! } }
}
