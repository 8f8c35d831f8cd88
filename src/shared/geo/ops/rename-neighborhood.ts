import type { ChangeSet, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { checkName, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'

export function renameNeighborhood(plan: PlanState, input: { id: string; name: string }): ChangeSet {
  const n = neighborhoodById(plan, input.id)
  const name = checkName(input.name)
  if (name === n.name) throw new EditError('no-change', `${n.name} already has that name`)
  const edit = new PlanEdit(plan)
  edit.patchNeighborhood(n.id, { name })
  return edit.build(`Rename ${n.name} to ${name}`)
}
