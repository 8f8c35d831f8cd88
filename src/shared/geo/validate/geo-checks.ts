import type { Finding, FindingKind, Tolerances } from '../../domain'
import { bboxIndex, mayLeave, pairMayOverlap, residualBoxes, unmatchedEdges, type Box } from './coverage'
import { fmtM2, geometricFinding } from './finding-build'
import { clipToBox, intersect, subtract, toPieces, unite, type Piece } from './pieces'
import { shapeLocate } from './sectors'
import type { Shape } from './shape'

/** A boundary taking part in the geometric checks (invalid ones are left out). */
export interface Item {
  id: string
  name: string
  shape: Shape
  /** For neighborhoods: the owning area id. */
  areaId?: string
}

const MARGIN = 20

function pairBox(a: Shape, b: Shape): Box {
  return [
    Math.max(a.bbox[0], b.bbox[0]) - MARGIN, Math.max(a.bbox[1], b.bbox[1]) - MARGIN,
    Math.min(a.bbox[2], b.bbox[2]) + MARGIN, Math.min(a.bbox[3], b.bbox[3]) + MARGIN,
  ]
}

/** Pieces where two shapes' interiors meet. */
export function overlapPieces(a: Shape, b: Shape): Piece[] {
  const box = pairBox(a, b)
  return toPieces(intersect(clipToBox(a, box), clipToBox(b, box)))
}

/** Pairs of items whose interiors meet, with the pieces. */
export function overlappingPairs(items: Item[], only?: Set<string>): { a: Item; b: Item; pieces: Piece[] }[] {
  const shapes = items.map((i) => i.shape)
  const flags = unmatchedEdges(shapes)
  const idx = bboxIndex(shapes)
  const out: { a: Item; b: Item; pieces: Piece[] }[] = []
  items.forEach((a, i) => {
    const s = a.shape
    for (const j of idx.search(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])) {
      if (j <= i) continue
      const b = items[j]
      if (only && !only.has(a.id) && !only.has(b.id)) continue
      if (!pairMayOverlap(s, flags[i], b.shape, flags[j])) continue
      const pieces = overlapPieces(s, b.shape)
      if (pieces.length) out.push(a.id < b.id ? { a, b, pieces } : { a: b, b: a, pieces })
    }
  })
  return out
}

export function overlapFinding(kind: FindingKind, a: Item, b: Item, pieces: Piece[], tol: Tolerances, what: 'neighborhood' | 'area'): Finding {
  return geometricFinding(
    {
      kind,
      pieces,
      areaIds: what === 'area' ? [a.id, b.id] : [a.areaId, b.areaId].filter((x): x is string => !!x && x.length > 0).filter((x, i, l) => l.indexOf(x) === i),
      neighborhoodIds: what === 'neighborhood' ? [a.id, b.id] : [],
      message: (m2) => (what === 'area' ? `Area Commands ${a.name} and ${b.name} overlap by ${fmtM2(m2)}` : `${a.name} and ${b.name} overlap by ${fmtM2(m2)}`),
    },
    tol,
  )
}

/** Ground of `p` outside `q` (q may be null: everything is outside). */
export function outsidePieces(p: Shape, q: Shape | null): Piece[] {
  if (!q) return toPieces(clipToBox(p, p.bbox))
  if (!mayLeave(p, q)) return []
  const box: Box = [p.bbox[0] - MARGIN, p.bbox[1] - MARGIN, p.bbox[2] + MARGIN, p.bbox[3] + MARGIN]
  return toPieces(subtract(clipToBox(p, box), clipToBox(q, box)))
}

/**
 * Connected pieces of (union of `cover`) minus (union of `by`), computed only inside the
 * boxes where the two edge sets do not cancel.
 */
export function uncoveredPieces(cover: Shape[], by: Shape[]): Piece[] {
  const boxes = residualBoxes(cover, by, MARGIN)
  if (!boxes.length) return []
  const ci = bboxIndex(cover), bi = bboxIndex(by)
  const out: Piece[] = []
  for (const box of boxes) {
    const cs = ci.search(box[0], box[1], box[2], box[3]).map((i) => clipToBox(cover[i], box))
    if (!cs.length) continue
    const bs = bi.search(box[0], box[1], box[2], box[3]).map((i) => clipToBox(by[i], box))
    const base = cs.length === 1 ? cs[0] : unite(cs)
    out.push(...toPieces(subtract(base, ...bs)))
  }
  return out
}

/** Enclosed holes in the union of shapes (Area Commands with no city limit given). */
export function unionHoles(shapes: Shape[]): Piece[] {
  const boxes = residualBoxes(shapes, [], MARGIN)
  const out: Piece[] = []
  const idx = bboxIndex(shapes)
  for (const box of boxes) {
    const parts = idx.search(box[0], box[1], box[2], box[3]).map((i) => clipToBox(shapes[i], box))
    const u = unite(parts)
    for (const poly of u) {
      for (let k = 1; k < poly.length; k++) {
        const hole = poly[k]
        // A hole reaching the box edge is the outside world, not a gap.
        if (hole.some(([x, y]) => x <= box[0] || x >= box[2] || y <= box[1] || y >= box[3])) continue
        out.push(...toPieces([[[...hole].reverse()]]))
      }
    }
  }
  return out
}

/** Which of these shapes contain a point (by id). */
export function containing(items: Item[], at: [number, number]): string[] {
  return items.filter((i) => shapeLocate(i.shape, at[0], at[1]) >= 0).map((i) => i.id)
}

export function uncoveredFinding(kind: FindingKind, piece: Piece, areaIds: string[], message: (m2: number) => string, tol: Tolerances): Finding {
  return geometricFinding({ kind, pieces: [piece], areaIds, neighborhoodIds: [], message, anchorById: true }, tol)
}
