import { ringLocate } from '../kernel'
import type { Ring, Shape } from './shape'

const TAU = Math.PI * 2

/** The open wedge of a ring's interior at vertex k: counter-clockwise from `start`, `width` wide. */
export interface Sector {
  start: number
  width: number
}

export function sectorAt(r: Ring, k: number): Sector {
  const n = r.xs.length - 1
  const next = (k + 1) % n, prev = (k - 1 + n) % n
  const vx = r.xs[k], vy = r.ys[k]
  const start = Math.atan2(r.ys[next] - vy, r.xs[next] - vx)
  const end = Math.atan2(r.ys[prev] - vy, r.xs[prev] - vx)
  let width = end - start
  if (width <= 0) width += TAU
  return { start, width }
}

function offset(a: number, from: number): number {
  let d = a - from
  if (d < 0) d += TAU
  if (d >= TAU) d -= TAU
  return d
}

/** Whether two open wedges at the same vertex share any direction. */
export function sectorsOverlap(a: Sector, b: Sector): boolean {
  if (a.start === b.start) return true
  const ba = offset(b.start, a.start)
  if (ba > 0 && ba < a.width) return true
  const ab = offset(a.start, b.start)
  return ab > 0 && ab < b.width
}

/** Whether wedge `a` lies within wedge `b`. */
export function sectorWithin(a: Sector, b: Sector): boolean {
  return offset(a.start, b.start) + a.width <= b.width + 1e-12
}

/** Point location in a shape: 1 interior, 0 on the boundary, -1 outside. */
export function shapeLocate(s: Shape, x: number, y: number): number {
  if (x < s.bbox[0] || x > s.bbox[2] || y < s.bbox[1] || y > s.bbox[3]) return -1
  for (const part of s.parts) {
    const shell = s.rings[part[0]]
    const l = ringLocate(shell.xs, shell.ys, 0, shell.xs.length, x, y)
    if (l === 0) return 0
    if (l < 0) continue
    let inHole = false
    for (let k = 1; k < part.length; k++) {
      const h = s.rings[part[k]]
      if (x < h.bbox[0] || x > h.bbox[2] || y < h.bbox[1] || y > h.bbox[3]) continue
      const lh = ringLocate(h.xs, h.ys, 0, h.xs.length, x, y)
      if (lh === 0) return 0
      if (lh > 0) {
        inHole = true
        break
      }
    }
    if (!inHole) return 1
  }
  return -1
}

/**
 * Whether some ring of `a` has a vertex strictly inside `b` (only the first vertex off
 * b's boundary is needed per ring: without crossings a ring's runs between shared
 * vertices are wholly in or out, and runs starting at a shared vertex are judged by wedges).
 */
export function ringInside(a: Shape, b: Shape): boolean {
  for (const r of a.rings) {
    const rb = r.bbox
    if (rb[0] > b.bbox[2] || rb[2] < b.bbox[0] || rb[1] > b.bbox[3] || rb[3] < b.bbox[1]) continue
    for (let i = 0; i < r.xs.length - 1; i++) {
      const l = shapeLocate(b, r.xs[i], r.ys[i])
      if (l === 0) continue
      if (l > 0) return true
      break
    }
  }
  return false
}

/** Whether some ring of `a` has a vertex strictly outside `b`. */
export function ringOutside(a: Shape, b: Shape): boolean {
  for (const r of a.rings) {
    for (let i = 0; i < r.xs.length - 1; i++) {
      const l = shapeLocate(b, r.xs[i], r.ys[i])
      if (l === 0) continue
      if (l < 0) return true
      break
    }
  }
  return false
}
