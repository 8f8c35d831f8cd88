import type { RawGeometry } from './types'

/** Why a geometry blob could not be read; the caller names the file, layer and feature. */
export class BlobError extends Error {}

/** ISO WKB type codes 1-17 (the base, without the Z/M thousands). */
const WKB_NAMES = [
  '',
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
  'CircularString',
  'CompoundCurve',
  'CurvePolygon',
  'MultiCurve',
  'MultiSurface',
  'Curve',
  'Surface',
  'PolyhedralSurface',
  'TIN',
  'Triangle',
]
const LINESTRING = 2
const POLYGON = 3
const MULTILINESTRING = 5
const MULTIPOLYGON = 6
/** Types whose parts may be arcs: the planner stores straight edges only. */
const CURVED = new Set([8, 9, 10, 11, 12, 13, 14])

/** A geometry the planner cannot store, by its WKB name; `curved` when converting curves to straight segments would help. */
export class UnsupportedGeometry extends Error {
  constructor(
    public typeName: string,
    public curved: boolean,
  ) {
    super(typeName)
  }
}

class Wkb {
  private o: number
  constructor(
    private v: DataView,
    start: number,
    /** Reference layers (streets) also take LineString and MultiLineString. */
    private lines = false,
  ) {
    this.o = start
  }

  private need(n: number): void {
    if (this.o + n > this.v.byteLength) throw new BlobError(`the geometry ends early (at byte ${this.v.byteLength} of ${this.o + n} needed)`)
  }

  private byteOrder(): boolean {
    this.need(1)
    const b = this.v.getUint8(this.o++)
    if (b > 1) throw new BlobError(`the WKB byte order marker is ${b}, not 0 or 1`)
    return b === 1
  }

  private u32(le: boolean): number {
    this.need(4)
    const n = this.v.getUint32(this.o, le)
    this.o += 4
    return n
  }

  private f64(le: boolean): number {
    const x = this.v.getFloat64(this.o, le)
    this.o += 8
    return x
  }

  /** Header of one WKB geometry: its base type and how many ordinates a point has (2 to 4). */
  private header(): { le: boolean; base: number; dims: number } {
    const le = this.byteOrder()
    const raw = this.u32(le)
    // ISO codes (1003 = Polygon Z, 2003 = M, 3003 = ZM), and the older 0x80000000 / 0x40000000 Z and M flags.
    const flagZ = (raw & 0x80000000) !== 0
    const flagM = (raw & 0x40000000) !== 0
    const code = raw & 0x0fffffff
    const iso = Math.floor(code / 1000)
    const base = code % 1000
    if (iso > 3) throw new BlobError(`the WKB geometry type ${raw} is not one GeoPackage defines`)
    const hasZ = flagZ || iso === 1 || iso === 3
    const hasM = flagM || iso === 2 || iso === 3
    return { le, base, dims: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0) }
  }

  private count(le: boolean, itemBytes: number, what: string): number {
    const n = this.u32(le)
    // A count larger than the bytes left is a broken blob, not a reason to allocate gigabytes.
    if (n * itemBytes > this.v.byteLength - this.o) throw new BlobError(`it claims ${n} ${what}, more than the geometry holds`)
    return n
  }

  /** Rings of one polygon body; Z and M are kept as extra ordinates so the common checks can say they were dropped. */
  private rings(le: boolean, dims: number): number[][][] {
    const rings: number[][][] = []
    const nRings = this.count(le, 4, 'rings')
    for (let r = 0; r < nRings; r++) rings.push(this.points(le, dims))
    return rings
  }

  private points(le: boolean, dims: number): number[][] {
    const nPoints = this.count(le, dims * 8, 'points')
    const out: number[][] = []
    for (let i = 0; i < nPoints; i++) {
      const p: number[] = []
      for (let d = 0; d < dims; d++) p.push(this.f64(le))
      out.push(p)
    }
    return out
  }

  geometry(): RawGeometry {
    const { le, base, dims } = this.header()
    if (base === POLYGON) return { type: 'Polygon', coordinates: this.rings(le, dims) }
    if (base === MULTIPOLYGON) {
      const n = this.count(le, 9, 'polygons')
      const parts: number[][][][] = []
      for (let i = 0; i < n; i++) {
        const part = this.header()
        if (part.base !== POLYGON) throw new BlobError(`part ${i} of the MultiPolygon is a ${WKB_NAMES[part.base] ?? `WKB type ${part.base}`}`)
        parts.push(this.rings(part.le, part.dims))
      }
      return { type: 'MultiPolygon', coordinates: parts }
    }
    if (this.lines && base === LINESTRING) return { type: 'LineString', coordinates: this.points(le, dims) }
    if (this.lines && base === MULTILINESTRING) {
      const n = this.count(le, 9, 'lines')
      const parts: number[][][] = []
      for (let i = 0; i < n; i++) {
        const part = this.header()
        if (part.base !== LINESTRING) throw new BlobError(`part ${i} of the MultiLineString is a ${WKB_NAMES[part.base] ?? `WKB type ${part.base}`}`)
        parts.push(this.points(part.le, part.dims))
      }
      return { type: 'MultiLineString', coordinates: parts }
    }
    const name = WKB_NAMES[base]
    if (!name) throw new BlobError(`the WKB geometry type ${base} is unknown`)
    throw new UnsupportedGeometry(name, CURVED.has(base))
  }
}

/** Envelope sizes by the flags' envelope indicator (bits 1-3): none, XY, XYZ, XYM, XYZM. */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64]
const FLAG_EMPTY = 0b1_0000
const FLAG_EXTENDED = 0b10_0000

/**
 * A GeoPackageBinary blob (GeoPackage 1.3, clause 2.1.3): 'GP', version, flags, SRS id, an
 * optional envelope, then standard WKB. Returns null for an empty geometry. Throws BlobError
 * for a broken blob and UnsupportedGeometry for a type that is not (Multi)Polygon (nor, with
 * `lines`, (Multi)LineString).
 */
export function readGpkgGeometry(blob: Uint8Array, lines = false): RawGeometry | null {
  const v = new DataView(blob.buffer, blob.byteOffset, blob.byteLength)
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new BlobError("it does not start with GeoPackage's 'GP' geometry header")
  const flags = blob[3]
  if (flags & FLAG_EXTENDED) throw new UnsupportedGeometry('extended (non-standard) geometry', false)
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0b111]
  if (envelope === undefined) throw new BlobError(`its header names envelope kind ${(flags >> 1) & 0b111}, which GeoPackage does not define`)
  if (flags & FLAG_EMPTY) return null
  if (8 + envelope >= blob.length) throw new BlobError('the geometry ends inside its header')
  return new Wkb(v, 8 + envelope, lines).geometry()
}
