import type { Box } from './box'
import type { Shape } from './shape'

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
