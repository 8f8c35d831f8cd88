import { COORD_QUANTUM, type AreaGeometry, type Position } from '../../domain'
import { bboxOf, bboxesMeet, distanceM, polygonsOf, projectOnSegment, type Polys } from '../ops/geom'

/**
 * A finding's piece is a face of the validator's snap-rounded arrangement: its corners sit on the
 * grid within a step of the boundaries they came from, so "on a boundary" allows a little more
 * than one step (√2/2 is the most rounding moves a point).
 */
const ON_BOUNDARY = 2 * COORD_QUANTUM

type Edge = [Position, Position]

function edgesNear(polys: Polys, box: [number, number, number, number]): Edge[] {
  const out: Edge[] = []
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i], b = ring[i + 1]
        if (Math.max(a[0], b[0]) < box[0] || Math.min(a[0], b[0]) > box[2] || Math.max(a[1], b[1]) < box[1] || Math.min(a[1], b[1]) > box[3]) continue
        out.push([a, b])
      }
  return out
}

const nearEdges = (p: Position, edges: Edge[]): boolean => edges.some(([a, b]) => projectOnSegment(a, b, p).dist <= ON_BOUNDARY)

/**
 * The piece's edges, each with whether it runs along each of `boundaries` (both ends and its
 * middle on that boundary) and its length in metres. One pass serves every candidate.
 */
export function pieceEdges(piece: AreaGeometry, boundaries: AreaGeometry[]): { lengthM: number; along: boolean[] }[] {
  const pb = bboxOf(piece)
  const box: [number, number, number, number] = [pb[0] - ON_BOUNDARY, pb[1] - ON_BOUNDARY, pb[2] + ON_BOUNDARY, pb[3] + ON_BOUNDARY]
  const near = boundaries.map((g) => (bboxesMeet(bboxOf(g), box) ? edgesNear(polygonsOf(g), box) : []))
  const out: { lengthM: number; along: boolean[] }[] = []
  for (const poly of polygonsOf(piece))
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i], b = ring[i + 1]
        const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
        out.push({ lengthM: distanceM(a, b), along: near.map((edges) => edges.length > 0 && nearEdges(mid, edges) && nearEdges(a, edges) && nearEdges(b, edges)) })
      }
  return out
}

/** Metres of the piece's boundary that run along each candidate's boundary (a gap borders a neighbor there). */
export function bordersAlong(piece: AreaGeometry, candidates: AreaGeometry[]): number[] {
  const sums = candidates.map(() => 0)
  for (const e of pieceEdges(piece, candidates)) e.along.forEach((on, k) => (sums[k] += on ? e.lengthM : 0))
  return sums
}

/**
 * For ground two shapes share: how long it borders the rest of each. Across an edge of the
 * piece that is only the boundary of `b`, the ground is still `a`'s, so that edge counts for `a`
 * (and the other way round); an edge on both boundaries borders neither.
 */
export function overlapBorders(piece: AreaGeometry, a: AreaGeometry, b: AreaGeometry): [number, number] {
  let forA = 0, forB = 0
  for (const e of pieceEdges(piece, [a, b])) {
    const [onA, onB] = e.along
    if (onB && !onA) forA += e.lengthM
    if (onA && !onB) forB += e.lengthM
  }
  return [forA, forB]
}
