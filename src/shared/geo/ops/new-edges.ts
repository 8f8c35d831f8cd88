import type { AreaGeometry, ChangeSet } from '../../domain'
import { distanceM, polygonsOf } from './geom'

/**
 * Along every edge a change draws, a band this wide (m) is rounding: a vertex put on the
 * 0.1 mm grid tilts the edges through it, and where such an edge runs nearly parallel to
 * another boundary (long straight edges of simplified layers) the point where they cross
 * slides far along both, opening or closing a hairline hundreds of metres long but a few
 * millimetres wide.
 */
export const ROUNDING_BAND_M = 0.001

type Pos = number[]
const key = (a: Pos, b: Pos): string => (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a[0]},${a[1]},${b[0]},${b[1]}` : `${b[0]},${b[1]},${a[0]},${a[1]}`)

function edges(g: AreaGeometry | null | undefined, each: (a: Pos, b: Pos) => void): void {
  if (!g) return
  for (const poly of polygonsOf(g)) for (const ring of poly) for (let i = 1; i < ring.length; i++) each(ring[i - 1], ring[i])
}

const geometryOf = (row: unknown): AreaGeometry | null => (row && typeof row === 'object' && 'geometry' in row ? ((row as { geometry: AreaGeometry | null }).geometry ?? null) : null)

/**
 * Metres of boundary a change set draws that were not there before: the edges of every
 * neighborhood and Area Command it writes, less those each held already (a vertex inserted on
 * an edge makes two new edges the length of the old one).
 */
export function newEdgeLengthM(cs: ChangeSet): number {
  let m = 0
  for (const op of cs.ops) {
    if (op.entity !== 'neighborhood' && op.entity !== 'area') continue
    const had = new Set<string>()
    edges(geometryOf(op.before), (a, b) => had.add(key(a, b)))
    edges(geometryOf(op.after), (a, b) => {
      if (!had.has(key(a, b))) m += distanceM(a, b)
    })
  }
  return m
}
