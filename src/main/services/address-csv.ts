import Papa from 'papaparse'

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
 * longitude or latitude column is refused as a whole.
 */
export function parseAddressCsv(input: string, fileName: string): ParsedAddresses {
  const text = input.replace(/^\uFEFF/, '')
  const data: { row: Record<string, string>; line: number }[] = []
  const problems: { line: number; message: string }[] = []
  let headers: string[] = []
  // Line numbers come from the parser's cursor, so blank lines and quoted newlines count right.
  let cursor = 0
  let line = 1
  const advanceTo = (pos: number) => {
    for (; cursor < pos; cursor++) if (text.charCodeAt(cursor) === 10) line++
  }
  const skipBlank = () => {
    while (cursor < text.length && (text[cursor] === '\n' || text[cursor] === '\r')) advanceTo(cursor + 1)
  }
  // The header line ends at the first newline outside quotes; papaparse reports it in meta.fields.
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    step: (r) => {
      if (!headers.length) {
        headers = (r.meta.fields ?? []).filter((h) => h.trim() !== '')
        advanceTo(text.indexOf('\n') < 0 ? text.length : text.indexOf('\n') + 1)
      }
      skipBlank()
      const at = line
      advanceTo(r.meta.cursor)
      for (const e of r.errors) if (e.type !== 'Delimiter') problems.push({ line: at, message: `${fileName}: line ${at}: ${e.message}` })
      data.push({ row: r.data, line: at })
    },
  })
  if (!headers.length) headers = (Papa.parse<string[]>(text.split(/\r?\n/)[0] ?? '').data[0] ?? []).filter((h) => h.trim() !== '')
  const address = pick(headers, GUESS.address)
  const lon = pick(headers, GUESS.lon)
  const lat = pick(headers, GUESS.lat)
  const missing = [!address && 'address', !lon && 'longitude (lon)', !lat && 'latitude (lat)'].filter(Boolean)
  if (missing.length) {
    throw new Error(`${fileName}: line 1: no ${missing.join(', ')} column found among the headers ${headers.length ? headers.map((h) => `"${h}"`).join(', ') : '(none)'}`)
  }
  const rows: ParsedAddresses['rows'] = []
  const skipped: ParsedAddresses['skipped'] = [...problems]
  const bad = new Set(problems.map((p) => p.line))
  for (const { row: r, line: l } of data) {
    if (bad.has(l)) continue
    const a = String(r[address!] ?? '').trim()
    const xs = String(r[lon!] ?? '').trim()
    const ys = String(r[lat!] ?? '').trim()
    const x = Number(xs)
    const y = Number(ys)
    if (!a) skipped.push({ line: l, message: `${fileName}: line ${l}: the ${address} column is empty` })
    else if (xs === '' || !Number.isFinite(x) || Math.abs(x) > 180) skipped.push({ line: l, message: `${fileName}: line ${l}: ${lon} "${xs}" is not a longitude between -180 and 180` })
    else if (ys === '' || !Number.isFinite(y) || Math.abs(y) > 90) skipped.push({ line: l, message: `${fileName}: line ${l}: ${lat} "${ys}" is not a latitude between -90 and 90` })
    else rows.push({ address: a, key: addressKey(a), lon: x, lat: y })
  }
  skipped.sort((p, q) => p.line - q.line)
  return { rows, skipped, columns: { address: address!, lon: lon!, lat: lat! } }
}
