import { describe, expect, it } from 'vitest'
import { BlobError, readGpkgGeometry, UnsupportedGeometry } from '../../../src/main/import/read-gpkg-geometry'

/** Bytes written field by field, in either byte order, to build the blob variants other writers produce. */
class Bytes {
  private out: number[] = []
  constructor(private le = true) {}
  u8(...b: number[]) {
    this.out.push(...b)
    return this
  }
  u32(n: number) {
    const v = new DataView(new ArrayBuffer(4))
    v.setUint32(0, n, this.le)
    this.out.push(...new Uint8Array(v.buffer))
    return this
  }
  f64(...xs: number[]) {
    for (const x of xs) {
      const v = new DataView(new ArrayBuffer(8))
      v.setFloat64(0, x, this.le)
      this.out.push(...new Uint8Array(v.buffer))
    }
    return this
  }
  get bytes() {
    return new Uint8Array(this.out)
  }
}

const RING = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
]

/** A GeoPackage header with `envelopeDoubles` envelope values (indicator 0-4), then a WKB polygon of `dims` ordinates per point. */
function blob(opts: { le?: boolean; indicator?: number; type?: number; dims?: number; empty?: boolean } = {}): Uint8Array {
  const le = opts.le ?? true
  const indicator = opts.indicator ?? 1
  const dims = opts.dims ?? 2
  const b = new Bytes(le).u8(0x47, 0x50, 0, (le ? 1 : 0) | (indicator << 1) | (opts.empty ? 0x10 : 0)).u32(4326)
  const envelope = [0, 4, 6, 6, 8][indicator]
  for (let i = 0; i < envelope; i++) b.f64(i)
  b.u8(le ? 1 : 0).u32(opts.type ?? 3).u32(1).u32(RING.length)
  for (const [x, y] of RING) b.f64(x, y, ...Array(dims - 2).fill(7))
  return b.bytes
}

describe('GeoPackage geometry blobs', () => {
  it('reads every envelope kind and both byte orders', () => {
    for (const indicator of [0, 1, 2, 3, 4]) {
      for (const le of [true, false]) expect(readGpkgGeometry(blob({ le, indicator }))).toEqual({ type: 'Polygon', coordinates: [RING] })
    }
  })

  it('keeps Z and M as extra ordinates (ISO codes and the old high-bit flags), for the common checks to drop with a notice', () => {
    expect(readGpkgGeometry(blob({ type: 1003, dims: 3 }))!.coordinates).toEqual([RING.map((p) => [...p, 7])])
    expect(readGpkgGeometry(blob({ type: 2003, dims: 3 }))!.coordinates).toEqual([RING.map((p) => [...p, 7])])
    expect(readGpkgGeometry(blob({ type: 3003, dims: 4 }))!.coordinates).toEqual([RING.map((p) => [...p, 7, 7])])
    expect(readGpkgGeometry(blob({ type: 0x80000003, dims: 3 }))!.coordinates).toEqual([RING.map((p) => [...p, 7])])
  })

  it('reads a MultiPolygon whose parts have their own byte order', () => {
    const b = new Bytes(true).u8(0x47, 0x50, 0, 1).u32(0).u8(1).u32(6).u32(2)
    for (const le of [true, false]) {
      const part = new Bytes(le).u8(le ? 1 : 0).u32(3).u32(1).u32(RING.length)
      for (const [x, y] of RING) part.f64(x, y)
      b.u8(...part.bytes)
    }
    expect(readGpkgGeometry(b.bytes)).toEqual({ type: 'MultiPolygon', coordinates: [[RING], [RING]] })
  })

  it('returns null for an empty geometry', () => {
    expect(readGpkgGeometry(blob({ empty: true }))).toBeNull()
  })

  it('names a type it cannot store, and says when it is curved', () => {
    const unsupported = (type: number) => {
      try {
        readGpkgGeometry(blob({ type }))
      } catch (e) {
        return e instanceof UnsupportedGeometry ? [e.typeName, e.curved] : e
      }
      return 'read'
    }
    expect(unsupported(1)).toEqual(['Point', false])
    expect(unsupported(2)).toEqual(['LineString', false])
    expect(unsupported(10)).toEqual(['CurvePolygon', true])
    expect(unsupported(1012)).toEqual(['MultiSurface', true])
  })

  it('refuses broken blobs with the reason, never reading past the end', () => {
    const whole = blob()
    expect(() => readGpkgGeometry(whole.subarray(0, whole.length - 3))).toThrow(BlobError)
    expect(() => readGpkgGeometry(whole.subarray(0, 30))).toThrow(/ends/)
    expect(() => readGpkgGeometry(new Uint8Array([0x50, 0x4b, 0, 1, 0, 0, 0, 0, 1]))).toThrow(/'GP' geometry header/)
    expect(() => readGpkgGeometry(blob({ indicator: 6 }))).toThrow(/envelope kind 6/)
    // A count of 2^32-1 points must be refused, not allocated.
    const huge = new Bytes().u8(0x47, 0x50, 0, 1).u32(0).u8(1).u32(3).u32(1).u32(0xffffffff).bytes
    expect(() => readGpkgGeometry(huge)).toThrow(/claims 4294967295 points/)
  })
})
