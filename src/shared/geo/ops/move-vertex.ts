import type { AreaGeometry, ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { polygonsOf, qPt, samePt, toGeometry } from './geom'
import { holderKey, holdersOf, nameList, type Holder } from './holders'
import { checkLocalEdit, hasVertex } from './local-check'
import { PlanEdit } from './plan-edit'

export interface MoveVertexInput {
  areaId: string
  from: LonLat
  to: LonLat
  /** Administration may move Area Command boundaries; an Area Commander may not. */
  editAreas: boolean
}

/**
 * The boundaries holding a vertex at `p`, and whether it lies on the Area Command boundary.
 * Throws when no neighborhood of the area has a vertex there.
 */
export function vertexHolders(plan: PlanState, areaId: string, p: LonLat, editAreas: boolean, verb: string): Holder[] {
  const area = plan.areas.find((a) => a.id === areaId)
  if (!area) throw new EditError('unknown-area', `There is no Area Command with id ${areaId}`)
  const areaOf = new Map(plan.neighborhoods.map((n) => [n.id, n.areaId]))
  const touched = holdersOf(plan).filter((h) => hasVertex(h.geometry, p))
  if (!touched.some((h) => h.entity === 'neighborhood' && areaOf.get(h.id) === areaId))
    throw new EditError('no-vertex', `No neighborhood of ${area.name} has a vertex at ${p[0]}, ${p[1]}`)
  const onAreaBoundary = touched.some((h) => h.entity !== 'neighborhood' || areaOf.get(h.id) !== areaId)
  if (onAreaBoundary && !editAreas)
    throw new EditError('area-boundary', `This vertex lies on the Area Command boundary of ${area.name}; only Administration can ${verb} it`)
  return touched
}

export function moveVertex(plan: PlanState, input: MoveVertexInput): ChangeSet {
  const from = qPt(input.from)
  const to = qPt(input.to)
  if (samePt(from, to)) throw new EditError('no-change', 'The vertex was not moved')
  const touched = vertexHolders(plan, input.areaId, from, input.editAreas, 'move')
  const all = holdersOf(plan)
  const occupied = all.find((h) => hasVertex(h.geometry, to))
  if (occupied)
    throw new EditError('degenerate', `${occupied.name} already has a vertex there; drop the vertex a little further away`)

  const updated = new Map<string, AreaGeometry>()
  const newEdges: [LonLat, LonLat][] = []
  for (const h of touched) {
    const polys = polygonsOf(h.geometry).map((poly) =>
      poly.map((ring) => {
        const out = ring.map((c) => (samePt(c, from) ? to : c))
        for (let i = 0; i + 1 < out.length; i++) if (out[i] === to || out[i + 1] === to) newEdges.push([out[i], out[i + 1]])
        return out
      }),
    )
    updated.set(holderKey(h), toGeometry(polys))
  }
  const names = touched.filter((h) => h.entity === 'neighborhood').map((h) => h.name)
  checkLocalEdit(all, updated, newEdges, 'Moving this vertex there')

  const edit = new PlanEdit(plan)
  for (const h of touched) edit.setGeometry(h, updated.get(holderKey(h))!)
  return edit.build(`Move vertex in ${nameList(names)}`, { locallyChecked: true })
}
