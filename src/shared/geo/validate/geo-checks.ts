import type { AreaGeometry, Finding, FindingKind, Tolerances } from '../../domain'
import { bboxIndex, mayLeave, mergeBoxes, pairMayOverlap, unmatchedEdges, type Box } from './coverage'
import { changedBox, SignedEdges, type Memo } from './memo'
import { fmtM2, geometricFinding } from './finding-build'
import { GRID } from '../kernel'
import { clipToBox, intersect, subtract, toPieces, unite, type Piece } from './pieces'
import { shapeLocate } from './sectors'
import { shapeOf as shapeOfGeom, type Shape } from './shape'

/** A boundary taking part in the geometric checks (invalid ones are left out). */
export interface Item {
  id: string
  name: string
  shape: Shape
  geom: AreaGeometry
  /** For neighborhoods: the owning area id. */
  areaId?: string
}

/** Boxes reach ~20 cm (2e-6°) past what they hold, so the overlay never cuts along a boundary. */
const MARGIN = GRID * 2e-6

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

/** Pairs of items whose interiors meet, with the pieces; unchanged pairs come from the memo. */
export function overlappingPairs(items: Item[], memo: Memo, prefix: string): { a: Item; b: Item; pieces: Piece[] }[] {
  const shapes = items.map((i) => i.shape)
  const idx = bboxIndex(shapes)
  const todo: [number, number][] = []
  const out: { a: Item; b: Item; pieces: Piece[] }[] = []
  const seen = new Set<string>()
  items.forEach((a, i) => {
    const s = a.shape
    for (const j of idx.search(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])) {
      if (j <= i) continue
      const b = items[j]
      const [x, y] = a.id < b.id ? [a, b] : [b, a]
      const key = `${prefix}${x.id}\u0000${y.id}`
      seen.add(key)
      const m = memo.pairs.get(key)
      if (m && m.ga === x.geom && m.gb === y.geom) {
        if (m.pieces.length) out.push({ a: x, b: y, pieces: m.pieces })
      } else todo.push([i, j])
    }
  })
  for (const key of memo.pairs.keys()) if (key.startsWith(prefix) && !seen.has(key)) memo.pairs.delete(key)
  if (!todo.length) return out
  // Global edge matching pays off for a full run; after an edit, match edges locally.
  const global = todo.length * 4 > items.length ? unmatchedEdges(shapes) : null
  for (const [i, j] of todo) {
    const [x, y] = items[i].id < items[j].id ? [items[i], items[j]] : [items[j], items[i]]
    const key = `${prefix}${x.id}\u0000${y.id}`
    const old = memo.pairs.get(key)
    let pieces: Piece[]
    const box = old && !old.pieces.length ? reusableBox(old.ga, old.gb, x, y) : null
    if (box) pieces = toPieces(intersect(clipToBox(x.shape, box), clipToBox(y.shape, box)))
    else {
      let fi, fj
      if (global) {
        fi = global[i]
        fj = global[j]
      } else {
        const local = localFlags(items, idx, [i, j])
        fi = local[0]
        fj = local[1]
      }
      pieces = pairMayOverlap(items[i].shape, fi, items[j].shape, fj) ? overlapPieces(items[i].shape, items[j].shape) : []
    }
    memo.pairs.set(key, { ga: x.geom, gb: y.geom, pieces })
    if (pieces.length) out.push({ a: x, b: y, pieces })
  }
  return out
}

/** When one side of a clean pair changed, any new overlap lies where it changed. */
function reusableBox(ga: AreaGeometry, gb: AreaGeometry, x: Item, y: Item): Box | null {
  let box: Box | null = null
  if (ga === x.geom && gb !== y.geom) box = changedBox(shapeOfGeom(gb), y.shape)
  else if (gb === y.geom && ga !== x.geom) box = changedBox(shapeOfGeom(ga), x.shape)
  return box ? [box[0] - MARGIN, box[1] - MARGIN, box[2] + MARGIN, box[3] + MARGIN] : null
}

/** Edge-matching flags for a few shapes, from the shapes whose boxes reach theirs. */
function localFlags(items: Item[], idx: ReturnType<typeof bboxIndex>, which: number[]): Uint8Array[][] {
  const near = new Set<number>(which)
  for (const w of which) {
    const b = items[w].shape.bbox
    for (const k of idx.search(b[0], b[1], b[2], b[3])) near.add(k)
  }
  const list = [...near]
  const flags = unmatchedEdges(list.map((k) => items[k].shape))
  return which.map((w) => flags[list.indexOf(w)])
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
export function outsidePieces(p: Shape, q: Shape | null, reuse?: { oldP: Shape; wasEmpty: boolean }): Piece[] {
  if (!q) return toPieces(clipToBox(p, p.bbox))
  if (reuse?.wasEmpty) {
    const cb = changedBox(reuse.oldP, p)
    if (cb) {
      const box: Box = [cb[0] - MARGIN, cb[1] - MARGIN, cb[2] + MARGIN, cb[3] + MARGIN]
      return toPieces(subtract(clipToBox(p, box), clipToBox(q, box)))
    }
  }
  if (!mayLeave(p, q)) return []
  const box: Box = [p.bbox[0] - MARGIN, p.bbox[1] - MARGIN, p.bbox[2] + MARGIN, p.bbox[3] + MARGIN]
  return toPieces(subtract(clipToBox(p, box), clipToBox(q, box)))
}

function netOf(memo: Memo, name: string): SignedEdges {
  let n = memo.nets.get(name)
  if (!n) {
    n = new SignedEdges()
    memo.nets.set(name, n)
  }
  return n
}

/** Box results are reused while every shape reaching the box is the same object. */
function boxPieces(memo: Memo, name: string, box: Box, deps: Shape[], seen: Set<string>, compute: () => Piece[]): Piece[] {
  const key = `${name}:${box.join(',')}`
  seen.add(key)
  const m = memo.boxes.get(key)
  if (m && m.deps.length === deps.length && m.deps.every((d, i) => d === deps[i])) return m.pieces
  const pieces = compute()
  memo.boxes.set(key, { deps, pieces })
  return pieces
}

function dropUnseen(memo: Memo, name: string, seen: Set<string>): void {
  for (const k of memo.boxes.keys()) if (k.startsWith(name + ':') && !seen.has(k)) memo.boxes.delete(k)
}

/**
 * Connected pieces of (union of `cover`) minus (union of `by`), computed only inside the
 * boxes where the two edge sets do not cancel.
 */
export function uncoveredPieces(cover: Item[], by: Item[], memo: Memo, name: string): Piece[] {
  const net = netOf(memo, name)
  net.sync([...cover.map((c) => ({ key: 'c:' + c.id, shape: c.shape, sign: 1 })), ...by.map((c) => ({ key: 'b:' + c.id, shape: c.shape, sign: -1 }))])
  const boxes = mergeBoxes(net.boxes(MARGIN))
  const seen = new Set<string>()
  const out: Piece[] = []
  if (boxes.length) {
    const cShapes = cover.map((c) => c.shape), bShapes = by.map((b) => b.shape)
    const ci = bboxIndex(cShapes), bi = bboxIndex(bShapes)
    for (const box of boxes) {
      const cs = ci.search(box[0], box[1], box[2], box[3]).sort((x, y) => x - y)
      const bs = bi.search(box[0], box[1], box[2], box[3]).sort((x, y) => x - y)
      const deps = [...cs.map((i) => cShapes[i]), ...bs.map((i) => bShapes[i])]
      out.push(...boxPieces(memo, name, box, deps, seen, () => {
        if (!cs.length) return []
        const parts = cs.map((i) => clipToBox(cShapes[i], box))
        const base = parts.length === 1 ? parts[0] : unite(parts)
        return toPieces(subtract(base, ...bs.map((i) => clipToBox(bShapes[i], box))))
      }))
    }
  }
  dropUnseen(memo, name, seen)
  return out
}

/** Enclosed holes in the union of shapes (Area Commands with no city limit given). */
export function unionHoles(items: Item[], memo: Memo, name: string): Piece[] {
  const net = netOf(memo, name)
  net.sync(items.map((c) => ({ key: 'c:' + c.id, shape: c.shape, sign: 1 })))
  const boxes = mergeBoxes(net.boxes(MARGIN))
  const shapes = items.map((i) => i.shape)
  const idx = bboxIndex(shapes)
  const seen = new Set<string>()
  const out: Piece[] = []
  for (const box of boxes) {
    const ids = idx.search(box[0], box[1], box[2], box[3]).sort((x, y) => x - y)
    out.push(...boxPieces(memo, name, box, ids.map((i) => shapes[i]), seen, () => {
      const u = unite(ids.map((i) => clipToBox(shapes[i], box)))
      const found: Piece[] = []
      for (const poly of u) {
        for (let k = 1; k < poly.length; k++) {
          const hole = poly[k]
          // A hole reaching the box edge is the outside world, not a gap.
          if (hole.some(([x, y]) => x <= box[0] || x >= box[2] || y <= box[1] || y >= box[3])) continue
          found.push(...toPieces([[[...hole].reverse()]]))
        }
      }
      return found
    }))
  }
  dropUnseen(memo, name, seen)
  return out
}

/** Which of these shapes contain a point (by id). */
export function containing(items: Item[], at: [number, number]): string[] {
  return items.filter((i) => shapeLocate(i.shape, at[0], at[1]) >= 0).map((i) => i.id)
}

export function uncoveredFinding(kind: FindingKind, piece: Piece, areaIds: string[], message: (m2: number) => string, tol: Tolerances): Finding {
  return geometricFinding({ kind, pieces: [piece], areaIds, neighborhoodIds: [], message, anchorById: true }, tol)
}
