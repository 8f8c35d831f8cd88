import type { AreaGeometry, Finding } from '../../domain'
import { areaM2, clip } from '../ops/clip'
import { bboxOf, bboxesMeet } from '../ops/geom'

/**
 * Ground an error may gain or lose when a repair next to it re-nodes a shared boundary: a
 * vertex moved by a grid step, a crossing point computed again. Far below any real error.
 */
export const SAME_GROUND_M2 = 1

/**
 * The first error in `after` that is new or larger: not the same finding as one in `before`,
 * or the same one grown. An error whose id changed is still the same error when its ground
 * lies within the ground errors of its kind held before: a gap's id is anchored on a corner of
 * its ground and names the Area Commands it touches, so a repair beside it that moves that
 * corner by a centimetre, or puts a grid-step sliver of another area against it, renames it
 * without making anything worse. An error on ground that was no error of that kind before (a
 * sliver grown into a gap, an overlap a repair made, ground a clip hands to a gap beside it)
 * is new, or larger under the same id. `slackM2` is what rounding may add (more than
 * SAME_GROUND_M2 where the repair re-draws long edges); an error's growth is measured from
 * `latest` (the findings just before this repair, where repairs come one after another), so
 * roundings of earlier repairs do not add up against a later one. `repaired` is the ground of the
 * slivers being repaired (this one and those repaired before it in the batch): it was flagged
 * already, so an error that takes it in (ground between Area Commands given to an area whose
 * neighborhoods stop short of it joins the gap there) has grown by nothing that was sound
 * before; any ground beyond it still counts.
 */
export function firstNewError(before: Finding[], after: Finding[], slackM2 = SAME_GROUND_M2, latest: Finding[] = before, repaired: AreaGeometry[] = []): Finding | null {
  const had = new Set(before.filter((f) => f.severity === 'error').map((f) => f.id))
  const size = new Map(latest.filter((f) => f.severity === 'error').map((f) => [f.id, f.areaM2]))
  for (const f of after) {
    if (f.severity !== 'error') continue
    // An error as it was just before this repair is not this repair's doing, whatever earlier ones did.
    const prev = size.get(f.id)
    if (prev !== undefined && f.areaM2 <= prev + slackM2) continue
    if (!f.geometry) {
      if (had.has(f.id) || prev !== undefined) continue
      return f
    }
    const box = bboxOf(f.geometry)
    const same = before.filter((b) => b.severity === 'error' && b.kind === f.kind && b.geometry && bboxesMeet(bboxOf(b.geometry), box)).map((b) => b.geometry!)
    for (const g of repaired) if (bboxesMeet(bboxOf(g), box)) same.push(g)
    if (!same.length) return f
    const left = clip('difference', [], f.geometry, ...same)
    if (left && areaM2(left) > slackM2) return f
  }
  return null
}
