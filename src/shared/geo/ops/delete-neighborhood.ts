import type { ChangeSet, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { clip } from './clip'
import { checkAdjacent, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'

export interface DeleteNeighborhoodInput {
  id: string
  /** An adjacent neighborhood of the same area that absorbs the ground; without it the ground becomes a gap. */
  giveTo?: string
}

export function deleteNeighborhood(plan: PlanState, input: DeleteNeighborhoodInput): ChangeSet {
  const n = neighborhoodById(plan, input.id)
  const edit = new PlanEdit(plan)
  edit.removeNeighborhood(n.id)
  for (const o of plan.officers) if (o.neighborhoodId === n.id) edit.setOfficer({ ...o, neighborhoodId: null })
  if (input.giveTo === undefined) return edit.build(`Delete ${n.name}`)
  const to = neighborhoodById(plan, input.giveTo)
  checkAdjacent(to, n, 'merged')
  const merged = clip('union', [], to.geometry, n.geometry)
  if (!merged) throw new EditError('invalid-result', `Giving ${n.name} to ${to.name} left no ground`)
  edit.setGeometry({ entity: 'neighborhood', id: to.id }, merged)
  edit.node()
  return edit.build(`Delete ${n.name}, giving its ground to ${to.name}`)
}
