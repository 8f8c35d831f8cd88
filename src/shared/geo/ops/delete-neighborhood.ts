import type { ChangeSet, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { clip } from './clip'
import { checkAdjacent, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'

export interface DeleteNeighborhoodInput {
  id: string
  /** An adjacent neighborhood of the same area that absorbs the ground; without it the ground becomes a gap. */
  giveTo?: string
  /**
   * With `giveTo`: the officers who adopted the deleted neighborhood adopt the one that takes its
   * ground, in the same change set (one undo step). Otherwise they are left without a neighborhood.
   */
  handOverOfficers?: boolean
}

export function deleteNeighborhood(plan: PlanState, input: DeleteNeighborhoodInput): ChangeSet {
  const n = neighborhoodById(plan, input.id)
  const edit = new PlanEdit(plan)
  edit.removeNeighborhood(n.id)
  const stranded = plan.officers.filter((o) => o.neighborhoodId === n.id)
  if (input.giveTo === undefined) {
    for (const o of stranded) edit.setOfficer({ ...o, neighborhoodId: null })
    return edit.build(`Delete ${n.name}`)
  }
  const to = neighborhoodById(plan, input.giveTo)
  checkAdjacent(to, n, 'merged')
  const handOver = !!input.handOverOfficers && stranded.length > 0
  for (const o of stranded) edit.setOfficer({ ...o, neighborhoodId: handOver ? to.id : null })
  const merged = clip('union', [], to.geometry, n.geometry)
  if (!merged) throw new EditError('invalid-result', `Giving ${n.name} to ${to.name} left no ground`)
  edit.setGeometry({ entity: 'neighborhood', id: to.id }, merged)
  edit.node()
  const officers = `${stranded.length} officer${stranded.length === 1 ? '' : 's'}`
  return edit.build(`Delete ${n.name}, giving its ground${handOver ? ` and its ${officers}` : ''} to ${to.name}`)
}
