import type { Position } from '../../../../src/shared/domain/geometry'

/** What one record of the test Shapefile holds: polygons as GeoJSON rings (shells counter-clockwise), or a special shape. */
export type ShpShape =
  | { kind: 'polygon'; polygons: Position[][][]; z?: boolean }
  | { kind: 'null' }
  | { kind: 'polyline'; line: Position[] }

export interface DbfField {
  name: string
  type: 'C' | 'N'
  length: number
}

function ringsFor(shape: Extract<ShpShape, { kind: 'polygon' }>, project: (p: Position) => Position): Position[][] {
  // Shapefile order is the reverse of RFC 7946: shells clockwise, holes counter-clockwise.
  return shape.polygons.flatMap((rings) => rings.map((ring) => [...ring].reverse().map(project)))
}

function content(shape: ShpShape, project: (p: Position) => Position): { type: number; bytes: Uint8Array } {
  if (shape.kind === 'null') {
    const b = new Uint8Array(4)
    return { type: 0, bytes: b }
  }
  const rings = shape.kind === 'polygon' ? ringsFor(shape, project) : [shape.line.map(project)]
  const type = shape.kind === 'polyline' ? 3 : shape.z ? 15 : 5
  const points = rings.flat()
  const zBytes = type === 15 ? 16 + points.length * 8 : 0
  const b = new Uint8Array(44 + rings.length * 4 + points.length * 16 + zBytes)
  const v = new DataView(b.buffer)
  v.setInt32(0, type, true)
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  ;[Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((n, i) => v.setFloat64(4 + i * 8, n, true))
  v.setInt32(36, rings.length, true)
  v.setInt32(40, points.length, true)
  let k = 0
  rings.forEach((ring, i) => {
    v.setInt32(44 + i * 4, k, true)
    k += ring.length
  })
  const pointsAt = 44 + rings.length * 4
  points.forEach((p, i) => {
    v.setFloat64(pointsAt + i * 16, p[0], true)
    v.setFloat64(pointsAt + i * 16 + 8, p[1], true)
  })
  if (type === 15) {
    const zAt = pointsAt + points.length * 16
    v.setFloat64(zAt, 0, true)
    v.setFloat64(zAt + 8, 100, true)
    points.forEach((_, i) => v.setFloat64(zAt + 16 + i * 8, 100, true))
  }
  return { type, bytes: b }
}

/** A minimal but spec-conforming .shp + .shx pair (ESRI whitepaper, 1998). */
export function writeShp(shapes: ShpShape[], project: (p: Position) => Position = (p) => p): { shp: Uint8Array; shx: Uint8Array } {
  const records = shapes.map((s) => content(s, project))
  const shpLen = 100 + records.reduce((s, r) => s + 8 + r.bytes.length, 0)
  const shp = new Uint8Array(shpLen)
  const shx = new Uint8Array(100 + records.length * 8)
  const header = (buf: Uint8Array, len: number): void => {
    const v = new DataView(buf.buffer)
    v.setInt32(0, 9994, false)
    v.setInt32(24, len / 2, false)
    v.setInt32(28, 1000, true)
    v.setInt32(32, records.find((r) => r.type !== 0)?.type ?? 5, true)
  }
  header(shp, shpLen)
  header(shx, shx.length)
  const sv = new DataView(shp.buffer)
  const xv = new DataView(shx.buffer)
  let p = 100
  records.forEach((r, i) => {
    sv.setInt32(p, i + 1, false)
    sv.setInt32(p + 4, r.bytes.length / 2, false)
    shp.set(r.bytes, p + 8)
    xv.setInt32(100 + i * 8, p / 2, false)
    xv.setInt32(104 + i * 8, r.bytes.length / 2, false)
    p += 8 + r.bytes.length
  })
  return { shp, shx }
}

/** dBASE III table; text is written as UTF-8 (a .cpg saying so goes beside it). */
export function writeDbf(fields: DbfField[], rows: Record<string, string | number | null>[]): Uint8Array {
  const enc = new TextEncoder()
  const headerLen = 32 + fields.length * 32 + 1
  const recordLen = 1 + fields.reduce((s, f) => s + f.length, 0)
  const b = new Uint8Array(headerLen + rows.length * recordLen + 1)
  const v = new DataView(b.buffer)
  b[0] = 0x03
  b.set([125, 1, 1], 1)
  v.setUint32(4, rows.length, true)
  v.setUint16(8, headerLen, true)
  v.setUint16(10, recordLen, true)
  fields.forEach((f, i) => {
    b.set(enc.encode(f.name).subarray(0, 10), 32 + i * 32)
    b[32 + i * 32 + 11] = f.type.charCodeAt(0)
    b[32 + i * 32 + 16] = f.length
  })
  b[headerLen - 1] = 0x0d
  rows.forEach((row, r) => {
    let p = headerLen + r * recordLen
    b[p++] = 0x20
    for (const f of fields) {
      const value = row[f.name]
      const text = value === null || value === undefined ? '' : String(value)
      const cell = enc.encode(f.type === 'N' ? text.padStart(f.length) : text.padEnd(f.length))
      b.fill(0x20, p, p + f.length)
      b.set(cell.subarray(0, f.length), p)
      p += f.length
    }
  })
  b[b.length - 1] = 0x1a
  return b
}
