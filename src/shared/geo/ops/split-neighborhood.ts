import type { ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { polygonsOf, toGeometry } from './geom'
import { checkName, checkNewId, neighborhoodById } from './lookups'
import { PlanEdit } from './plan-edit'
import { splitByLine } from './split-by-line'

export interface SplitNeighborhoodInput {
  id: string
  line: LonLat[]
  newId: string
  /** [name of the part left of the line, which keeps the id and its officers; name of the part right of it]. */
  names: [string, string]
}

/**
 * Splits a neighborhood along a line drawn across it. Every piece left of the line (in
 * drawing direction) stays with the original neighborhood, every piece right of it goes
 * to the new one, so a line crossing several times may leave either with several parts.
 */
export function splitNeighborhood(plan: PlanState, input: SplitNeighborhoodInput): ChangeSet {
  const n = neighborhoodById(plan, input.id)
  const [keepName, newName] = [checkName(input.names[0]), checkName(input.names[1])]
  checkNewId(plan, input.newId)
  const { left, right, untouched } = splitByLine(polygonsOf(n.geometry), input.line, n.name)
  if (!left.length || !right.length) throw new EditError('line-misses', `The line does not cut ${n.name} in two`)
  const edit = new PlanEdit(plan)
  edit.setGeometry({ entity: 'neighborhood', id: n.id }, toGeometry([...left, ...untouched]))
  if (keepName !== n.name) edit.patchNeighborhood(n.id, { name: keepName })
  edit.addNeighborhood({ id: input.newId, areaId: n.areaId, name: newName, color: null, geometry: toGeometry(right) })
  edit.node()
  return edit.build(`Split ${n.name}`)
}
