import type { ChangeSet, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { checkColor, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'

export function recolorNeighborhood(plan: PlanState, input: { id: string; color: string | null }): ChangeSet {
  const n = neighborhoodById(plan, input.id)
  const color = checkColor(input.color)
  if (color === n.color) throw new EditError('no-change', `${n.name} already has that color`)
  const edit = new PlanEdit(plan)
  edit.patchNeighborhood(n.id, { color })
  return edit.build(`Recolor ${n.name}`)
}
