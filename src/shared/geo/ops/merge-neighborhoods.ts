import type { ChangeSet, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { clip } from './clip'
import { checkAdjacent, checkName, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'

export interface MergeNeighborhoodsInput {
  /** The merged neighborhood keeps the first id; the second is removed. */
  ids: [string, string]
  name: string
}

/**
 * Merges two adjacent neighborhoods of one area. Vertices of the vanished shared
 * boundary disappear unless another boundary still uses them; officers of the removed
 * neighborhood adopt the merged one.
 */
export function mergeNeighborhoods(plan: PlanState, input: MergeNeighborhoodsInput): ChangeSet {
  const a = neighborhoodById(plan, input.ids[0])
  const b = neighborhoodById(plan, input.ids[1])
  const name = checkName(input.name)
  checkAdjacent(a, b, 'merged')
  const merged = clip('union', [], a.geometry, b.geometry)
  if (!merged) throw new EditError('invalid-result', `Merging ${b.name} into ${a.name} left no ground`)
  const edit = new PlanEdit(plan)
  edit.setGeometry({ entity: 'neighborhood', id: a.id }, merged)
  if (name !== a.name) edit.patchNeighborhood(a.id, { name })
  edit.removeNeighborhood(b.id)
  for (const o of plan.officers) if (o.neighborhoodId === b.id) edit.setOfficer({ ...o, neighborhoodId: a.id })
  edit.node()
  return edit.build(`Merge ${b.name} into ${a.name}`)
}
