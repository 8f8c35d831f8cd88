import type { AreaGeometry, Position } from '../domain'

/** Published coordinates carry 6 decimals (about 11 cm), enough for a neighbourhood map and stable across exports. */
export const PUBLIC_DECIMALS = 6
const SCALE = 10 ** PUBLIC_DECIMALS

export function roundCoord(v: number): number {
  // + 0 turns -0 into 0 so "-0" never appears in the output.
  return Math.round(v * SCALE) / SCALE + 0
}

/** Twice the signed planar area in lon/lat; positive for counter-clockwise rings. */
export function ringSignedArea2(ring: Position[]): number {
  let s = 0
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i]
    const b = ring[i + 1]
    s += (b[0] - a[0]) * (b[1] + a[1])
  }
  return -s
}

/**
 * Rounds a ring, drops the consecutive duplicates that rounding creates, re-closes it and
 * winds it as asked. Returns null when fewer than 4 positions (or no area) remain.
 */
function publicRing(ring: Position[], ccw: boolean): Position[] | null {
  const out: Position[] = []
  for (const p of ring) {
    const q: Position = [roundCoord(p[0]), roundCoord(p[1])]
    const last = out[out.length - 1]
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
  }
  if (out.length > 1) {
    const first = out[0]
    const last = out[out.length - 1]
    if (first[0] === last[0] && first[1] === last[1]) out.pop()
  }
  if (out.length < 3) return null
  out.push([out[0][0], out[0][1]])
  const a2 = ringSignedArea2(out)
  if (a2 === 0) return null
  if (a2 > 0 !== ccw) out.reverse()
  return out
}

function publicPolygon(rings: Position[][], where: string): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) throw new Error(`${where}: polygon has no rings`)
  const shell = publicRing(checkRing(rings[0], `${where}, exterior ring`), true)
  if (!shell) return null
  const holes: Position[][] = []
  rings.slice(1).forEach((h, i) => {
    const hole = publicRing(checkRing(h, `${where}, hole ${i + 1}`), false)
    if (hole) holes.push(hole)
  })
  return [shell, ...holes]
}

function checkRing(ring: Position[], where: string): Position[] {
  if (!Array.isArray(ring) || ring.length < 4) throw new Error(`${where}: a ring needs at least 4 positions`)
  ring.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new Error(`${where}: position ${i} is not a [lon, lat] pair of finite numbers`)
    }
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      throw new Error(`${where}: position ${i} (${p[0]}, ${p[1]}) is not WGS84 lon/lat`)
    }
  })
  return ring
}

/**
 * RFC 7946 form of a stored boundary: 6 decimals, exterior rings counter-clockwise,
 * holes clockwise. A part that collapses under rounding is dropped; a whole geometry
 * that collapses is an error, since publishing it would silently lose a neighborhood.
 */
export function toPublicGeometry(g: AreaGeometry, where: string): AreaGeometry {
  if (!g || typeof g !== 'object') throw new Error(`${where}: geometry is missing`)
  if (g.type === 'Polygon') {
    const p = publicPolygon(g.coordinates, where)
    if (!p) throw new Error(`${where}: geometry collapses when rounded to ${PUBLIC_DECIMALS} decimals`)
    return { type: 'Polygon', coordinates: p }
  }
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) throw new Error(`${where}: MultiPolygon has no coordinates`)
    const parts = g.coordinates
      .map((p, i) => publicPolygon(p, `${where}, part ${i + 1}`))
      .filter((p): p is Position[][] => p !== null)
    if (parts.length === 0) throw new Error(`${where}: geometry collapses when rounded to ${PUBLIC_DECIMALS} decimals`)
    return { type: 'MultiPolygon', coordinates: parts }
  }
  throw new Error(`${where}: geometry type ${(g as { type?: unknown }).type} is not Polygon or MultiPolygon`)
}
