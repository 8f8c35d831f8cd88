import type { AreaGeometry, ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { areaM2, clip } from './clip'
import { distanceM, polygonsOf, projectOnSegment, qPt, toGeometry, type Polys } from './geom'
import { holdersOf } from './holders'
import { checkAdjacent, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'
import { snapOnSegment } from './snap-on-segment'
import { splitByLine } from './split-by-line'

export interface RedrawBoundaryInput {
  aId: string
  bId: string
  /** The new shared boundary; its ends must lie on the outer edge of the two together. */
  line: LonLat[]
}

/** How far (metres) a line end may be from the outer edge and still be snapped onto it. */
export const END_SNAP_M = 5

function snapToBoundary(p: LonLat, polys: Polys): LonLat | null {
  let best: LonLat | null = null
  let bestM = END_SNAP_M
  for (const poly of polys)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i], b = ring[i + 1]
        for (const v of [a, b]) if (distanceM(v, p) <= Math.min(bestM, 0.5)) return v
        const pr = projectOnSegment(a, b, p)
        const m = distanceM(pr.at, p)
        if (m <= bestM) {
          bestM = m
          best = snapOnSegment(a, b, pr.at)
        }
      }
  return best
}

/**
 * Moves ground between two neighbours by drawing their new shared boundary: the two
 * together are cut by the line and each side goes to whichever held more of it.
 */
export function redrawBoundary(plan: PlanState, input: RedrawBoundaryInput): ChangeSet {
  const a = neighborhoodById(plan, input.aId)
  const b = neighborhoodById(plan, input.bId)
  checkAdjacent(a, b, 'redrawn together')
  const union = clip('union', [], a.geometry, b.geometry)
  if (!union) throw new EditError('invalid-result', `${a.name} and ${b.name} have no ground`)
  const polys = polygonsOf(union)
  const line = input.line.map(qPt)
  if (line.length < 2) throw new EditError('line-misses', 'Draw a line with at least two points')
  const ends = [snapToBoundary(line[0], polys), snapToBoundary(line[line.length - 1], polys)]
  if (!ends[0] || !ends[1])
    throw new EditError('line-not-on-boundary', `Start and end the line on the outer edge of ${a.name} and ${b.name} (within ${END_SNAP_M} m)`)
  line[0] = ends[0]
  line[line.length - 1] = ends[1]
  const both = `${a.name} and ${b.name}`
  const { left, right, untouched } = splitByLine(polys, line, both)
  const ref = holdersOf(plan).map((h) => h.geometry)
  const held = (piece: Polys, g: AreaGeometry) => areaM2(clip('intersection', ref, toGeometry(piece), g))
  const toA: Polys = [], toB: Polys = []
  for (const side of [left, right, ...untouched.map((p) => [p])]) {
    if (!side.length) continue
    ;(held(side, a.geometry) >= held(side, b.geometry) ? toA : toB).push(...side)
  }
  if (!toA.length || !toB.length)
    throw new EditError('line-misses', `The line would give all of ${both} to ${toA.length ? a.name : b.name}; draw it across their shared boundary`)
  const edit = new PlanEdit(plan)
  edit.setGeometry({ entity: 'neighborhood', id: a.id }, toGeometry(toA))
  edit.setGeometry({ entity: 'neighborhood', id: b.id }, toGeometry(toB))
  edit.node()
  return edit.build(`Redraw boundary between ${both}`)
}
