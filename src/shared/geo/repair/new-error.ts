import type { Finding } from '../../domain'
import { areaM2, clip } from '../ops/clip'
import { bboxOf, bboxesMeet } from '../ops/geom'

/**
 * Ground an error may gain or lose when a repair next to it re-nodes a shared boundary: a
 * vertex moved by a grid step, a crossing point computed again. Far below any real error.
 */
const SAME_GROUND_M2 = 1

/**
 * The first error in `after` that is new: not the same finding as one in `before`. An error
 * whose id changed is still the same error when its ground lies within the ground errors of
 * its kind held before: a gap's id is anchored on a corner of its ground and names the Area
 * Commands it touches, so a repair beside it that moves that corner by a centimetre, or puts
 * a grid-step sliver of another area against it, renames it without making anything worse.
 * An error on ground that was no error of that kind before (a sliver grown into a gap, an
 * overlap a repair made) is new.
 */
export function firstNewError(before: Finding[], after: Finding[]): Finding | null {
  const had = new Set(before.filter((f) => f.severity === 'error').map((f) => f.id))
  for (const f of after) {
    if (f.severity !== 'error' || had.has(f.id)) continue
    if (!f.geometry) return f
    const box = bboxOf(f.geometry)
    const same = before.filter((b) => b.severity === 'error' && b.kind === f.kind && b.geometry && bboxesMeet(bboxOf(b.geometry), box))
    if (!same.length) return f
    const left = clip('difference', [], f.geometry, ...same.map((b) => b.geometry!))
    if (left && areaM2(left) > SAME_GROUND_M2) return f
  }
  return null
}
