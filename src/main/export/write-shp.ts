import type { AreaGeometry, Position } from '../../shared/domain'

/** ESRI Shapefile Technical Description (1998): shape type 5 is Polygon, 2-D, one record per feature. */
const POLYGON = 5
const NULL_SHAPE = 0
const HEADER_BYTES = 100

type Box = [number, number, number, number]

/** Twice the signed area with lon as x and lat as y; positive means counter-clockwise. */
function signedArea2(ring: Position[]): number {
  let s = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1])
  return s
}

/**
 * A Shapefile tells shells from holes by winding alone: shells clockwise, holes counter-clockwise
 * (the reverse of RFC 7946). Each ring is turned by its measured winding rather than assumed, so a
 * ring published either way comes out right; MultiPolygon parts become further shells.
 */
export function shapefileRings(g: AreaGeometry): Position[][] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  const out: Position[][] = []
  for (const poly of polygons) {
    poly.forEach((ring, i) => {
      const wantClockwise = i === 0
      const isClockwise = signedArea2(ring) < 0
      out.push(isClockwise === wantClockwise ? ring : [...ring].reverse())
    })
  }
  return out.filter((r) => r.length > 0)
}

function boxOf(rings: Position[][], into: Box | null): Box | null {
  let box = into
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (!box) box = [x, y, x, y]
      else box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)]
    }
  }
  return box
}

function writeHeader(view: DataView, fileBytes: number, box: Box | null): void {
  view.setInt32(0, 9994, false)
  view.setInt32(24, fileBytes / 2, false) // lengths count 16-bit words
  view.setInt32(28, 1000, true)
  view.setInt32(32, POLYGON, true)
  const b = box ?? [0, 0, 0, 0]
  b.forEach((v, i) => view.setFloat64(36 + i * 8, v, true))
  // Z and M ranges (bytes 68–99) stay 0: the layer is 2-D.
}

/** The .shp and its .shx index for one polygon layer; a feature without rings is written as a null shape. */
export function writeShp(geometries: (AreaGeometry | null)[]): { shp: Uint8Array; shx: Uint8Array } {
  const records = geometries.map((g) => (g ? shapefileRings(g) : []))
  const contentBytes = records.map((rings) => {
    if (rings.length === 0) return 4
    const points = rings.reduce((n, r) => n + r.length, 0)
    return 44 + rings.length * 4 + points * 16
  })
  const shpBytes = HEADER_BYTES + contentBytes.reduce((n, c) => n + 8 + c, 0)
  const shxBytes = HEADER_BYTES + records.length * 8
  const shp = new Uint8Array(shpBytes)
  const shx = new Uint8Array(shxBytes)
  const sv = new DataView(shp.buffer)
  const xv = new DataView(shx.buffer)

  let layerBox: Box | null = null
  let p = HEADER_BYTES
  records.forEach((rings, i) => {
    xv.setInt32(HEADER_BYTES + i * 8, p / 2, false)
    xv.setInt32(HEADER_BYTES + i * 8 + 4, contentBytes[i] / 2, false)
    sv.setInt32(p, i + 1, false) // record numbers start at 1
    sv.setInt32(p + 4, contentBytes[i] / 2, false)
    const c = p + 8
    if (rings.length === 0) {
      sv.setInt32(c, NULL_SHAPE, true)
    } else {
      const box = boxOf(rings, null)!
      layerBox = boxOf(rings, layerBox)
      sv.setInt32(c, POLYGON, true)
      box.forEach((v, k) => sv.setFloat64(c + 4 + k * 8, v, true))
      const points = rings.reduce((n, r) => n + r.length, 0)
      sv.setInt32(c + 36, rings.length, true)
      sv.setInt32(c + 40, points, true)
      let start = 0
      rings.forEach((r, k) => {
        sv.setInt32(c + 44 + k * 4, start, true)
        start += r.length
      })
      let q = c + 44 + rings.length * 4
      for (const r of rings) {
        for (const pos of r) {
          sv.setFloat64(q, pos[0], true)
          sv.setFloat64(q + 8, pos[1], true)
          q += 16
        }
      }
    }
    p = c + contentBytes[i]
  })
  writeHeader(sv, shpBytes, layerBox)
  writeHeader(xv, shxBytes, layerBox)
  return { shp, shx }
}
