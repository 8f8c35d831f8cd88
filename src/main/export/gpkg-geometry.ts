import type { AreaGeometry, Position } from '../../shared/domain'

/** [minX, maxX, minY, maxY]: the order of a GeoPackage envelope and of its R-tree columns. */
export type Envelope = [number, number, number, number]

export function envelopeOf(g: AreaGeometry): Envelope {
  const e: Envelope = [Infinity, -Infinity, Infinity, -Infinity]
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  for (const rings of polys) {
    for (const ring of rings) {
      for (const [x, y] of ring) {
        if (x < e[0]) e[0] = x
        if (x > e[1]) e[1] = x
        if (y < e[2]) e[2] = y
        if (y > e[3]) e[3] = y
      }
    }
  }
  return e
}

export function unionEnvelope(a: Envelope, b: Envelope): Envelope {
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.max(a[3], b[3])]
}

const WKB_POLYGON = 3
const WKB_MULTIPOLYGON = 6
/** Flags byte: bit 0 little-endian, bits 1-3 = 1 for a [minx, maxx, miny, maxy] envelope; not empty, standard WKB. */
const FLAGS_LE_XY_ENVELOPE = 0b0000_0011
const HEADER_BYTES = 8 + 4 * 8

/**
 * A boundary as a GeoPackageBinary blob (GeoPackage 1.3, clause 2.1.3): the 'GP' header with
 * the SRS id and envelope, then little-endian WKB. Always a MultiPolygon, because the layers
 * are declared MULTIPOLYGON and readers warn when a Polygon appears in such a layer.
 */
export function gpkgGeometry(g: AreaGeometry, srsId: number, env: Envelope): Uint8Array {
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  let size = HEADER_BYTES + 1 + 4 + 4
  for (const rings of polys) {
    size += 1 + 4 + 4
    for (const ring of rings) size += 4 + ring.length * 16
  }
  const buf = new ArrayBuffer(size)
  const v = new DataView(buf)
  let o = 0
  v.setUint8(o++, 0x47) // 'G'
  v.setUint8(o++, 0x50) // 'P'
  v.setUint8(o++, 0) // version 0 = GeoPackage 1.x
  v.setUint8(o++, FLAGS_LE_XY_ENVELOPE)
  v.setInt32(o, srsId, true)
  o += 4
  for (const d of env) {
    v.setFloat64(o, d, true)
    o += 8
  }
  const u32 = (n: number) => {
    v.setUint32(o, n, true)
    o += 4
  }
  v.setUint8(o++, 1)
  u32(WKB_MULTIPOLYGON)
  u32(polys.length)
  for (const rings of polys) {
    v.setUint8(o++, 1)
    u32(WKB_POLYGON)
    u32(rings.length)
    for (const ring of rings) {
      u32(ring.length)
      for (const p of ring) {
        v.setFloat64(o, p[0], true)
        v.setFloat64(o + 8, p[1], true)
        o += 16
      }
    }
  }
  return new Uint8Array(buf)
}
