import type { Shape } from './shape'

/** Segments as flat [ax, ay, bx, by, …] with the owner of each. */
export interface Segments {
  c: number[]
  owner: number[]
}

/** The same in typed arrays, as the plan's boundaries are collected. */
export interface SegmentList {
  c: Float64Array
  owner: Int32Array
}

/** What an arrangement is built from: either of the above. */
export interface SegmentInput {
  c: ArrayLike<number>
  owner: ArrayLike<number>
}

/** Segments of owners' rings whose boxes reach `box` (all of them without a box). */
export function collectSegments(shapes: (Shape | null)[], box?: [number, number, number, number]): SegmentList {
  let total = 0
  for (const s of shapes) if (s && (!box || meets(s.bbox, box))) total += s.edgeCount
  // A region's segments are usually a few of the plan's: start small and grow.
  const out = new SegmentBuffer(box ? Math.min(total, 1024) : total)
  const n = collectInto(out, shapes, box)
  return { c: out.c.subarray(0, 4 * n), owner: out.owner.subarray(0, n) }
}

/** Segments gathered so far, with room to grow. */
class SegmentBuffer {
  c: Float64Array
  owner: Int32Array

  constructor(private cap: number) {
    this.c = new Float64Array(4 * cap)
    this.owner = new Int32Array(cap)
  }

  room(): void {
    this.cap = Math.max(2 * this.cap, 64)
    const c2 = new Float64Array(4 * this.cap), o2 = new Int32Array(this.cap)
    c2.set(this.c)
    o2.set(this.owner)
    this.c = c2
    this.owner = o2
  }
}

/**
 * The loop of `collectSegments` (its count of segments), in a function that ends with it: compiled while its loop ran
 * (on-stack replacement), code after the loop had no type feedback yet and sent the compiled
 * code back to the interpreter there at the end of every check.
 */
function collectInto(out: SegmentBuffer, shapes: (Shape | null)[], box?: [number, number, number, number]): number {
  let c = out.c, owner = out.owner, n = 0
  for (let o = 0; o < shapes.length; o++) {
    const s = shapes[o]
    if (!s) continue
    for (const r of s.rings) {
      if (box && !meets(r.bbox, box)) continue
      const xs = r.xs, ys = r.ys
      // A plain scan: a ring's few thousand edges take tens of microseconds, while an index
      // per ring cost milliseconds the first time an edit came near it.
      for (let k = 0; k < xs.length - 1; k++) {
        const ax = xs[k], ay = ys[k], bx = xs[k + 1], by = ys[k + 1]
        if (box && ((ax < bx ? bx : ax) < box[0] || (ax < bx ? ax : bx) > box[2] || (ay < by ? by : ay) < box[1] || (ay < by ? ay : by) > box[3])) continue
        if (n === owner.length) {
          out.room()
          c = out.c
          owner = out.owner
        }
        c[4 * n] = ax; c[4 * n + 1] = ay; c[4 * n + 2] = bx; c[4 * n + 3] = by
        owner[n++] = o
      }
    }
  }
  return n
}

const meets = (a: ArrayLike<number>, b: ArrayLike<number>) => !(a[0] > b[2] || a[2] < b[0] || a[1] > b[3] || a[3] < b[1])
