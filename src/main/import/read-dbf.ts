import { ImportError } from './import-error'
import { showValue } from '../../shared/text/bounded'

export interface DbfTable {
  fields: string[]
  records: Record<string, unknown>[]
}

interface FieldDef {
  name: string
  type: string
  offset: number
  length: number
}

/** .cpg names the attribute encoding; without one, UTF-8 is tried and Windows-1252 (ESRI's old default) used when it fails. */
function decoderFor(file: string, cpg: string | null): (b: Uint8Array) => string {
  const label = cpg?.trim().toLowerCase()
  if (label) {
    const name = /^\d+$/.test(label) ? (label === '65001' ? 'utf-8' : `windows-${label}`) : label.replace(/^ansi_/, 'windows-')
    try {
      const d = new TextDecoder(name)
      return (b) => d.decode(b)
    } catch {
      throw new ImportError('unknown-encoding', `${file}: the .cpg names the encoding '${showValue(cpg?.trim(), 60)}', which this app cannot read`, { file })
    }
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  const cp1252 = new TextDecoder('windows-1252')
  return (b) => {
    try {
      return utf8.decode(b)
    } catch {
      return cp1252.decode(b)
    }
  }
}

function value(raw: string, type: string): unknown {
  const s = raw.trim()
  switch (type) {
    case 'N':
    case 'F': {
      if (s === '' || /^\*+$/.test(s)) return null
      const n = Number(s)
      return Number.isFinite(n) ? n : s
    }
    case 'L':
      if (/^[YyTt]$/.test(s)) return true
      if (/^[NnFf]$/.test(s)) return false
      return null
    case 'D':
      return s === '' ? null : /^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : s
    default:
      return s === '' ? null : s
  }
}

/** dBASE III/IV attribute table as written next to a .shp. */
export function readDbf(file: string, dbfName: string, bytes: Uint8Array, cpg: string | null): DbfTable {
  const bad = (what: string): ImportError => new ImportError('bad-dbf', `${file}: ${showValue(dbfName)} is not a readable attribute table (${what})`, { file })
  if (bytes.length < 32) throw bad('too short')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint32(4, true)
  const headerLen = view.getUint16(8, true)
  const recordLen = view.getUint16(10, true)
  if (headerLen < 33 || headerLen > bytes.length) throw bad('damaged header')
  const decode = decoderFor(file, cpg)
  const defs: FieldDef[] = []
  let offset = 1 // byte 0 of each record is the deletion flag
  for (let p = 32; p + 32 <= headerLen && bytes[p] !== 0x0d; p += 32) {
    const nameBytes = bytes.subarray(p, p + 11)
    const nul = nameBytes.indexOf(0)
    const name = decode(nul >= 0 ? nameBytes.subarray(0, nul) : nameBytes).trim()
    const length = bytes[p + 16]
    defs.push({ name, type: String.fromCharCode(bytes[p + 11]), offset, length })
    offset += length
  }
  if (offset > recordLen) throw bad('field sizes exceed the record size')
  const available = Math.floor((bytes.length - headerLen) / Math.max(recordLen, 1))
  if (recordLen === 0 || available < count) {
    throw bad(`header declares ${count} records but the file holds ${recordLen === 0 ? 0 : available}; it may be truncated`)
  }
  const records: Record<string, unknown>[] = []
  for (let r = 0; r < count; r++) {
    const base = headerLen + r * recordLen
    const rec: Record<string, unknown> = {}
    for (const d of defs) {
      rec[d.name] = value(decode(bytes.subarray(base + d.offset, base + d.offset + d.length)), d.type)
    }
    records.push(rec)
  }
  return { fields: defs.map((d) => d.name), records }
}
