import type { AreaGeometry, ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { polygonsOf, qPt, samePt, toGeometry } from './geom'
import { holderKey, holdersOf, nameList } from './holders'
import { checkLocalEdit } from './local-check'
import { vertexHolders } from './move-vertex'
import { PlanEdit } from './plan-edit'

export interface RemoveVertexInput {
  areaId: string
  at: LonLat
  editAreas: boolean
}

/** Removes a vertex from every boundary that has it, so shared boundaries stay identical. */
export function removeVertex(plan: PlanState, input: RemoveVertexInput): ChangeSet {
  const at = qPt(input.at)
  const touched = vertexHolders(plan, input.areaId, at, input.editAreas, 'remove')
  const updated = new Map<string, AreaGeometry>()
  const newEdges: [LonLat, LonLat][] = []
  for (const h of touched) {
    const polys = polygonsOf(h.geometry).map((poly) =>
      poly.map((ring) => {
        const open = ring.slice(0, -1)
        const kept = open.filter((c) => !samePt(c, at))
        if (kept.length === open.length) return ring
        if (kept.length < 3)
          throw new EditError('too-few-vertices', `${h.name} would be left with fewer than 3 corners; delete the neighborhood instead`)
        open.forEach((c, i) => {
          if (!samePt(c, at)) return
          const prev = open[(i - 1 + open.length) % open.length]
          const next = open[(i + 1) % open.length]
          if (!samePt(prev, at) && !samePt(next, at)) newEdges.push([prev, next])
        })
        return [...kept, kept[0]]
      }),
    )
    updated.set(holderKey(h), toGeometry(polys))
  }
  checkLocalEdit(holdersOf(plan), updated, newEdges, 'Removing this vertex')
  const edit = new PlanEdit(plan)
  for (const h of touched) edit.setGeometry(h, updated.get(holderKey(h))!)
  const names = touched.filter((h) => h.entity === 'neighborhood').map((h) => h.name)
  return edit.build(`Remove vertex in ${nameList(names)}`, { locallyChecked: true })
}
