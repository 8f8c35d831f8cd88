import type { AreaGeometry } from '../../domain'
import type { Box } from './box'
import type { Piece } from './pieces'
import type { Shape } from './shape'
import { edgeForward, edgeKey } from './shape'

/** Results an incremental validator keeps between runs, keyed by the geometry objects used. */
export interface Memo {
  pairs: Map<string, { ga: AreaGeometry; gb: AreaGeometry; pieces: Piece[] }>
  outside: Map<string, { g: AreaGeometry; ag: AreaGeometry | null; pieces: Piece[] }>
  nets: Map<string, SignedEdges>
  boxes: Map<string, { deps: Shape[]; pieces: Piece[] }>
}

export function newMemo(): Memo {
  return { pairs: new Map(), outside: new Map(), nets: new Map(), boxes: new Map() }
}

/**
 * Signed edge use kept up to date by difference: only the shapes that changed since the
 * last run are taken out and put back, so a one-vertex edit costs one shape's edges.
 */
export class SignedEdges {
  net = new Map<string, number>()
  private counted = new Map<string, { shape: Shape; sign: number }>()

  sync(entries: { key: string; shape: Shape; sign: number }[]): void {
    const next = new Map(entries.map((e) => [e.key, e]))
    for (const [key, old] of this.counted) {
      const cur = next.get(key)
      if (!cur || cur.shape !== old.shape || cur.sign !== old.sign) {
        this.add(old.shape, -old.sign)
        this.counted.delete(key)
      }
    }
    for (const e of entries) {
      if (this.counted.has(e.key)) continue
      this.add(e.shape, e.sign)
      this.counted.set(e.key, { shape: e.shape, sign: e.sign })
    }
  }

  private add(s: Shape, sign: number): void {
    for (const r of s.rings) {
      for (let k = 0; k < r.xs.length - 1; k++) {
        const ax = r.xs[k], ay = r.ys[k], bx = r.xs[k + 1], by = r.ys[k + 1]
        const key = edgeKey(ax, ay, bx, by)
        const v = (this.net.get(key) ?? 0) + (edgeForward(ax, ay, bx, by) ? sign : -sign)
        if (v === 0) this.net.delete(key)
        else this.net.set(key, v)
      }
    }
  }

  boxes(margin: number): Box[] {
    const out: Box[] = []
    for (const key of this.net.keys()) {
      const [ax, ay, bx, by] = key.split(',').map(Number)
      out.push([Math.min(ax, bx) - margin, Math.min(ay, by) - margin, Math.max(ax, bx) + margin, Math.max(ay, by) + margin])
    }
    return out
  }
}

/**
 * Box around what differs between two versions of a boundary (null when the ring
 * structure changed). Ground that one version has and the other lacks lies inside it.
 */
export function changedBox(a: Shape, b: Shape): Box | null {
  if (a.rings.length !== b.rings.length) return null
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity]
  const grow = (xs: Float64Array, ys: Float64Array, i0: number, i1: number) => {
    for (let i = Math.max(0, i0); i <= Math.min(xs.length - 1, i1); i++) {
      if (xs[i] < box[0]) box[0] = xs[i]
      if (ys[i] < box[1]) box[1] = ys[i]
      if (xs[i] > box[2]) box[2] = xs[i]
      if (ys[i] > box[3]) box[3] = ys[i]
    }
  }
  for (let r = 0; r < a.rings.length; r++) {
    const p = a.rings[r], q = b.rings[r]
    const n = p.xs.length, m = q.xs.length
    let i = 0
    while (i < n && i < m && p.xs[i] === q.xs[i] && p.ys[i] === q.ys[i]) i++
    if (i === n && n === m) continue
    let j = 0
    while (j < n - i && j < m - i && p.xs[n - 1 - j] === q.xs[m - 1 - j] && p.ys[n - 1 - j] === q.ys[m - 1 - j]) j++
    // The first vertex doubles as the last: a change there touches both ends.
    if (i === 0 || j === 0) {
      grow(p.xs, p.ys, 0, 1); grow(p.xs, p.ys, n - 2, n - 1)
      grow(q.xs, q.ys, 0, 1); grow(q.xs, q.ys, m - 2, m - 1)
    }
    grow(p.xs, p.ys, i - 1, n - j)
    grow(q.xs, q.ys, i - 1, m - j)
  }
  return box[0] === Infinity ? null : box
}
