import type { ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { distanceM, polygonsOf, projectOnSegment, qPt, samePt, toGeometry } from './geom'
import { holdersOf, nameList } from './holders'
import { hasVertex } from './local-check'
import { PlanEdit } from './plan-edit'
import { snapOnSegment } from './snap-on-segment'

export interface InsertVertexInput {
  areaId: string
  /** The edge, as two consecutive vertices (either direction). */
  segment: [LonLat, LonLat]
  /** Where on the edge; it is put exactly on the edge, so no shape changes. */
  at: LonLat
}

/** How far (metres) the clicked point may be from the edge. */
const MAX_OFF_EDGE_M = 2

/**
 * Adds a vertex on an edge in every boundary that has that edge, neighbours and Area
 * Command boundaries included, so the shared boundary keeps identical vertices.
 */
export function insertVertex(plan: PlanState, input: InsertVertexInput): ChangeSet {
  const [p, q] = input.segment.map(qPt)
  if (samePt(p, q)) throw new EditError('bad-segment', 'The edge has the same start and end point')
  const area = plan.areas.find((a) => a.id === input.areaId)
  if (!area) throw new EditError('unknown-area', `There is no Area Command with id ${input.areaId}`)
  const pr = projectOnSegment(p, q, input.at)
  if (distanceM(pr.at, input.at) > MAX_OFF_EDGE_M) throw new EditError('not-on-edge', 'The new vertex must be placed on the edge')
  const at = snapOnSegment(p, q, input.at)
  if (samePt(at, p) || samePt(at, q)) throw new EditError('degenerate', 'There is already a vertex there')

  const edit = new PlanEdit(plan)
  const names: string[] = []
  let inArea = false
  for (const h of holdersOf(plan)) {
    if (!hasVertex(h.geometry, p) || !hasVertex(h.geometry, q)) continue
    let hit = false
    const polys = polygonsOf(h.geometry).map((poly) =>
      poly.map((ring) => {
        const out: LonLat[] = [ring[0]]
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i], b = ring[i + 1]
          if ((samePt(a, p) && samePt(b, q)) || (samePt(a, q) && samePt(b, p))) {
            out.push(at)
            hit = true
          }
          out.push(b)
        }
        return out
      }),
    )
    if (!hit) continue
    edit.setGeometry(h, toGeometry(polys))
    if (h.entity === 'neighborhood') {
      names.push(h.name)
      if (plan.neighborhoods.find((n) => n.id === h.id)?.areaId === input.areaId) inArea = true
    }
  }
  if (!inArea) throw new EditError('no-edge', `No neighborhood of ${area.name} has that edge`)
  return edit.build(`Add vertex in ${nameList(names)}`)
}
