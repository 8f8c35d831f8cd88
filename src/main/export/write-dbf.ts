import type { PublicField, PublicValue } from './public-fields'

/** dBase III caps a field name at 10 characters and a character field at 254 bytes. */
export const DBF_NAME_MAX = 10
export const DBF_TEXT_MAX = 254
/** Integers are written 9 digits wide: GDAL and ArcGIS read such a field as a 32-bit integer, not Integer64 or Real. */
const INTEGER_WIDTH = 9

/**
 * The dBase name of each field: cut to 10 characters, and where two cut names meet (ignoring case,
 * as readers compare them) the later one ends in a number instead: commander_name → 'commander_',
 * commander_rank → 'commander1'. It depends on the field list only, so every export of the same
 * layer uses the same names.
 */
export function dbaseNames(fields: readonly string[]): string[] {
  const taken = new Set<string>()
  return fields.map((full) => {
    const base = full.replace(/[^A-Za-z0-9_]/g, '_').slice(0, DBF_NAME_MAX) || 'field'
    let name = base
    for (let n = 1; taken.has(name.toLowerCase()); n++) name = base.slice(0, DBF_NAME_MAX - String(n).length) + n
    taken.add(name.toLowerCase())
    return name
  })
}

const DBF_TYPE: Record<PublicField['type'], string> = { text: 'C', integer: 'N', date: 'D' }

const utf8 = new TextEncoder()

/** At most `max` bytes of UTF-8, cut before a character that would not fit whole. */
export function cutUtf8(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.length <= max) return bytes
  let end = max
  // 10xxxxxx bytes continue a character; back up to the byte that starts one.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end)
}

export interface DbfResult {
  dbf: Uint8Array
  /** Per field, how many values were longer than 254 bytes and cut. */
  cut: number[]
}

/**
 * A dBase III table (.dbf) with UTF-8 text, as the .cpg beside it says: text fields as wide as
 * their longest value (1–254 bytes), integers right-aligned, dates as YYYYMMDD, an empty value left blank (dBase has
 * no null; readers take a blank as null). `date` is the last-update date in the header.
 */
export function writeDbf(fields: readonly PublicField[], names: readonly string[], rows: readonly PublicValue[][], date: [number, number, number]): DbfResult {
  const cut = fields.map(() => 0)
  const cells: Uint8Array[][] = rows.map((row) =>
    fields.map((f, i) => {
      const v = row[i]
      if (v === null || v === undefined) return new Uint8Array(0)
      // A date is stored as dBase D, 'YYYYMMDD'.
      if (f.type === 'date') return utf8.encode(String(v).replace(/-/g, ''))
      const full = utf8.encode(String(v))
      if (f.type === 'integer') return full
      const bytes = cutUtf8(full, DBF_TEXT_MAX)
      if (bytes.length < full.length) cut[i]++
      return bytes
    }),
  )
  const widths = fields.map((f, i) => {
    const longest = cells.reduce((m, r) => Math.max(m, r[i].length), 0)
    if (f.type === 'date') return 8
    return f.type === 'integer' ? Math.max(INTEGER_WIDTH, longest) : Math.max(1, longest)
  })
  const headerLen = 32 + fields.length * 32 + 1
  const recordLen = 1 + widths.reduce((a, b) => a + b, 0)
  const out = new Uint8Array(headerLen + rows.length * recordLen + 1)
  const view = new DataView(out.buffer)
  out[0] = 0x03 // dBase III without memo
  out[1] = Math.min(Math.max(date[0] - 1900, 0), 255)
  out[2] = date[1]
  out[3] = date[2]
  view.setUint32(4, rows.length, true)
  view.setUint16(8, headerLen, true)
  view.setUint16(10, recordLen, true)
  fields.forEach((f, i) => {
    const p = 32 + i * 32
    out.set(utf8.encode(names[i]).subarray(0, DBF_NAME_MAX), p)
    out[p + 11] = DBF_TYPE[f.type].charCodeAt(0)
    out[p + 16] = widths[i]
    out[p + 17] = 0 // decimals
  })
  out[headerLen - 1] = 0x0d
  out.fill(0x20, headerLen, headerLen + rows.length * recordLen) // deletion flag ' ' and blank padding
  cells.forEach((row, r) => {
    let p = headerLen + r * recordLen + 1
    row.forEach((bytes, i) => {
      // Numbers are right-aligned in their field, text left-aligned.
      out.set(bytes, fields[i].type === 'integer' ? p + widths[i] - bytes.length : p)
      p += widths[i]
    })
  })
  out[out.length - 1] = 0x1a // end of file
  return { dbf: out, cut }
}
