import Flatbush from 'flatbush'
import type { Ring, Shape } from './shape'

/** Segments as flat [ax, ay, bx, by, …] with the owner of each. */
export interface Segments {
  c: number[]
  owner: number[]
}

/** Segments of owners' rings whose boxes reach `box` (all of them without a box). */
export function collectSegments(shapes: (Shape | null)[], box?: [number, number, number, number]): Segments {
  const c: number[] = []
  const owner: number[] = []
  shapes.forEach((s, o) => {
    if (!s) return
    for (const r of s.rings) {
      if (box && (r.bbox[0] > box[2] || r.bbox[2] < box[0] || r.bbox[1] > box[3] || r.bbox[3] < box[1])) continue
      const xs = r.xs, ys = r.ys
      if (box && xs.length > 64) {
        for (const k of edgeIndex(r).search(box[0], box[1], box[2], box[3])) {
          c.push(xs[k], ys[k], xs[k + 1], ys[k + 1])
          owner.push(o)
        }
        continue
      }
      for (let k = 0; k < xs.length - 1; k++) {
        const ax = xs[k], ay = ys[k], bx = xs[k + 1], by = ys[k + 1]
        if (box && ((ax < bx ? bx : ax) < box[0] || (ax < bx ? ax : bx) > box[2] || (ay < by ? by : ay) < box[1] || (ay < by ? ay : by) > box[3])) continue
        c.push(ax, ay, bx, by)
        owner.push(o)
      }
    }
  })
  return { c, owner }
}

const edgeIndexes = new WeakMap<Ring, Flatbush>()

/** Index of a long ring's edges, kept with the ring: an edit's region takes a few of thousands. */
function edgeIndex(r: Ring): Flatbush {
  let idx = edgeIndexes.get(r)
  if (!idx) {
    const xs = r.xs, ys = r.ys
    idx = new Flatbush(xs.length - 1)
    for (let k = 0; k < xs.length - 1; k++) idx.add(Math.min(xs[k], xs[k + 1]), Math.min(ys[k], ys[k + 1]), Math.max(xs[k], xs[k + 1]), Math.max(ys[k], ys[k + 1]))
    idx.finish()
    edgeIndexes.set(r, idx)
  }
  return idx
}
