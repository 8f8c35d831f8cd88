import { ringLocate } from '../kernel'
import type { Shape } from './shape'

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
