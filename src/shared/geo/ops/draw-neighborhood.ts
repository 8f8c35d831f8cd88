import type { AreaGeometry, ChangeSet, LonLat, PlanState } from '../../domain'
import { EditError } from '../../domain'
import { geometryIssues } from './clean'
import { areaM2, clip, nodeCrossings } from './clip'
import { bboxOf, bboxesMeet, qPt, ringSignedArea } from './geom'
import { holdersOf, nameList } from './holders'
import { checkColor, checkName, checkNewId } from './lookups'
import { insertPointsOnEdges, verticesOf } from './noding'
import { PlanEdit } from './plan-edit'

export interface DrawNeighborhoodInput {
  areaId: string
  id: string
  name: string
  color?: string | null
  /** The outline as drawn; it is clipped to the Area Command. */
  ring: LonLat[]
  /** Take the drawn ground from existing neighborhoods instead of filling only unassigned ground. */
  takeFromNeighbors: boolean
}

/** Less ground than this (m²) is not worth a neighborhood: it is rounding debris. */
const MIN_M2 = 1

export function drawNeighborhood(plan: PlanState, input: DrawNeighborhoodInput): ChangeSet {
  const area = plan.areas.find((a) => a.id === input.areaId)
  if (!area) throw new EditError('unknown-area', `There is no Area Command with id ${input.areaId}`)
  const name = checkName(input.name)
  checkNewId(plan, input.id)
  const color = checkColor(input.color ?? null)
  const pts = input.ring.map(qPt).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1])
  if (pts.length && (pts[0][0] !== pts[pts.length - 1][0] || pts[0][1] !== pts[pts.length - 1][1])) pts.push(pts[0])
  if (new Set(pts.map((p) => `${p[0]},${p[1]}`)).size < 3) throw new EditError('too-few-vertices', 'Draw at least three corners')
  if (ringSignedArea(pts) < 0) pts.reverse()
  const drawn: AreaGeometry = { type: 'Polygon', coordinates: [pts] }
  if (geometryIssues(drawn).length)
    throw new EditError('self-intersection', 'The drawn outline crosses itself or encloses no ground; draw it without loops')

  const ref = holdersOf(plan).map((h) => h.geometry).filter((g) => bboxesMeet(bboxOf(g), bboxOf(area.geometry)))
  let shape = clip('intersection', ref, area.geometry, drawn)
  if (!shape || areaM2(shape) < MIN_M2) throw new EditError('outside-area', `The drawn outline does not overlap ${area.name}`)
  const neighbours = plan.neighborhoods.filter((n) => n.areaId === area.id && bboxesMeet(bboxOf(n.geometry), bboxOf(shape!)))
  const edit = new PlanEdit(plan)
  const losers: string[] = []
  if (!input.takeFromNeighbors) {
    shape = neighbours.length ? clip('difference', ref, shape, ...neighbours.map((n) => n.geometry)) : shape
    if (!shape || areaM2(shape) < MIN_M2)
      throw new EditError('no-free-ground', `All the ground you drew already belongs to other neighborhoods; tick "Take this ground from neighbors" to take it from them`)
  } else {
    // Give the new outline the crossing points first, so each neighbour's cut uses the same vertices.
    shape = nodeCrossings(shape, neighbours.map((n) => n.geometry))
    const crossings = verticesOf(shape)
    for (const n of neighbours) {
      const before = areaM2(n.geometry)
      // The neighbour takes the same crossing vertices before the cut, so both sides of the new boundary share them exactly.
      const noded = insertPointsOnEdges(n.geometry, crossings) ?? n.geometry
      const rest = clip('difference', [shape, ...ref], noded, shape)
      if (!rest || areaM2(rest) < MIN_M2)
        throw new EditError('swallows-neighbor', `The new outline covers all of ${n.name}; delete or rename ${n.name} instead`)
      if (Math.abs(before - areaM2(rest)) < 0.01) continue
      edit.setGeometry({ entity: 'neighborhood', id: n.id }, rest)
      losers.push(n.name)
    }
  }
  edit.addNeighborhood({ id: input.id, areaId: area.id, name, color, geometry: shape })
  edit.node()
  return edit.build(losers.length ? `Draw ${name}, taking ground from ${nameList(losers)}` : `Draw ${name}`)
}
