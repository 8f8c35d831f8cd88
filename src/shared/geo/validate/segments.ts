import Flatbush from 'flatbush'
import { segmentContact } from '../kernel'
import { sectorAt, sectorsOverlap, sectorWithin } from './sectors'
import type { Shape } from './shape'

/** Spatial index over one shape's edges, built once per geometry object. */
export interface SegIndex {
  index: Flatbush
  ring: Int32Array
  at: Int32Array
}

const cache = new WeakMap<Shape, SegIndex>()

export function segIndexOf(s: Shape): SegIndex {
  let si = cache.get(s)
  if (si) return si
  const n = Math.max(1, s.edgeCount)
  const index = new Flatbush(n)
  const ring = new Int32Array(n), at = new Int32Array(n)
  let e = 0
  s.rings.forEach((r, ri) => {
    for (let i = 0; i < r.xs.length - 1; i++) {
      const ax = r.xs[i], ay = r.ys[i], bx = r.xs[i + 1], by = r.ys[i + 1]
      index.add(ax < bx ? ax : bx, ay < by ? ay : by, ax < bx ? bx : ax, ay < by ? by : ay)
      ring[e] = ri
      at[e] = i
      e++
    }
  })
  if (e === 0) index.add(0, 0, 0, 0)
  index.finish()
  si = { index, ring, at }
  cache.set(s, si)
  return si
}

export type EdgeVerdict = 'clear' | 'suspect'

/**
 * Compares one edge (a→b, vertex k of ring r in shape p) with every edge of `q` near it.
 * mode 'overlap': suspect when interiors may meet; mode 'within': suspect when p may leave q.
 */
export function edgeAgainst(p: Shape, ri: number, k: number, q: Shape, mode: 'overlap' | 'within'): { verdict: EdgeVerdict; onBoundary: boolean } {
  const r = p.rings[ri]
  const ax = r.xs[k], ay = r.ys[k], bx = r.xs[k + 1], by = r.ys[k + 1]
  const si = segIndexOf(q)
  const hits = si.index.search(ax < bx ? ax : bx, ay < by ? ay : by, ax < bx ? bx : ax, ay < by ? by : ay)
  let onBoundary = false
  for (const h of hits) {
    const qr = q.rings[si.ring[h]], j = si.at[h]
    const cx = qr.xs[j], cy = qr.ys[j], dx = qr.xs[j + 1], dy = qr.ys[j + 1]
    if (ax === cx && ay === cy && bx === dx && by === dy) {
      // Same edge, same direction: both interiors on the same side.
      if (mode === 'overlap') return { verdict: 'suspect', onBoundary: true }
      onBoundary = true
      continue
    }
    if (ax === dx && ay === dy && bx === cx && by === cy) {
      if (mode === 'within') return { verdict: 'suspect', onBoundary: true }
      onBoundary = true
      continue
    }
    const c = segmentContact(ax, ay, bx, by, cx, cy, dx, dy)
    if (c === 0) continue
    if (c === 2) return { verdict: 'suspect', onBoundary }
    // Shared endpoint: compare the interior wedges at that vertex.
    const pk = ax === cx && ay === cy ? k : ax === dx && ay === dy ? k : k + 1
    const qk = (pk === k ? ax : bx) === cx && (pk === k ? ay : by) === cy ? j : j + 1
    const n = r.xs.length - 1, m = qr.xs.length - 1
    const sp = sectorAt(r, pk % n), sq = sectorAt(qr, qk % m)
    if (mode === 'overlap' ? sectorsOverlap(sp, sq) : !sectorWithin(sp, sq)) return { verdict: 'suspect', onBoundary }
  }
  return { verdict: 'clear', onBoundary }
}
