import Flatbush from 'flatbush'
import type { Neighborhood } from '../domain'
import { bboxOf, type BBox } from '../geo/bbox'
import { createPointIndex, type PlanGeometry, type PlanPointIndex, type PointIndex } from '../staffing/workload'
import { createGridLocator } from './grid-locate'

/** Points as parallel arrays (address points, calls for service). */
export interface Points {
  lon: ArrayLike<number>
  lat: ArrayLike<number>
}

/**
 * Per point: the neighborhood and Area Command holding it in one plan, as positions in this
 * answer's own id lists (-1: none). Positions rather than ids, so 500,000 points are two typed
 * arrays, and comparing two plans' answers compares numbers (see idsOf for the ids).
 */
export interface Located {
  nb: Int32Array
  area: Int32Array
  /** Neighborhood ids the positions in `nb` refer to: the plan's, in plan order, and any added by relocatePoints. */
  nbIds: string[]
  areaIds: string[]
}

/** The answers as ids, point by point (null: none). */
export function idsOf(l: Located): { nb: (string | null)[]; area: (string | null)[] } {
  const ids = (pos: Int32Array, list: string[]) => Array.from(pos, (k) => (k >= 0 ? list[k] : null))
  return { nb: ids(l.nb, l.nbIds), area: ids(l.area, l.areaIds) }
}

/** From this many points on, a raster over the plan answers most of them (see grid-locate.ts). */
const GRID_FROM = 10_000

/** The locator for `n` points in `plan`: the plan's point-in-polygon, with a raster in front of it for many points. */
export function locatorFor(plan: PlanGeometry, n: number): PointIndex {
  return n >= GRID_FROM ? createGridLocator(plan, Math.min(4_000_000, 2 * n)) : createPointIndex(plan)
}

/**
 * Every point in one plan, with the plan's one point-in-polygon (createPointIndex: flatbush over
 * the shapes, then the prepared exact test; a point on a shared edge belongs to one side).
 */
export function locatePoints(plan: PlanGeometry, pts: Points, index: PointIndex = locatorFor(plan, pts.lon.length)): Located {
  const n = pts.lon.length
  const nb = new Int32Array(n)
  const area = new Int32Array(n)
  const nbIds = plan.neighborhoods.map((x) => x.id)
  const areaIds = plan.areas.map((x) => x.id)
  if ('locateIndexes' in index) {
    // Plan positions straight from the locator: no answer object per point.
    const idx = index as PlanPointIndex
    const out = new Int32Array(2)
    for (let i = 0; i < n; i++) {
      idx.locateIndexes(pts.lon[i], pts.lat[i], out)
      nb[i] = out[0]
      area[i] = out[1]
    }
    return { nb, area, nbIds, areaIds }
  }
  const nbAt = positions(nbIds)
  const areaAt = positions(areaIds)
  for (let i = 0; i < n; i++) {
    const l = index.locate(pts.lon[i], pts.lat[i])
    nb[i] = l.neighborhoodId === null ? -1 : nbAt.get(l.neighborhoodId)!
    area[i] = l.areaId === null ? -1 : areaAt.get(l.areaId)!
  }
  return { nb, area, nbIds, areaIds }
}

/** Each id's position in the list. */
function positions(ids: string[]): Map<string, number> {
  return new Map(ids.map((id, k) => [id, k]))
}

/** A flatbush over the points themselves, so an edit re-locates only the points near what it moved. */
export function pointTree(pts: Points): Flatbush | null {
  const n = pts.lon.length
  if (n === 0) return null
  const t = new Flatbush(n)
  for (let i = 0; i < n; i++) t.add(pts.lon[i], pts.lat[i], pts.lon[i], pts.lat[i])
  t.finish()
  return t
}

/**
 * Neighborhoods whose rows differ between two lists (added, removed, or replaced by a new object:
 * stored rows are never mutated, so an unchanged row is the same object), as the boxes of their
 * old and new shapes. Null when the Area Commands changed too (then everything is located again).
 */
export function changedBoxes(before: Neighborhood[], after: Neighborhood[]): BBox[] {
  const old = new Map(before.map((n) => [n.id, n]))
  const boxes: BBox[] = []
  const seen = new Set<string>()
  for (const n of after) {
    seen.add(n.id)
    const o = old.get(n.id)
    if (o === n) continue
    if (o && o.geometry === n.geometry && o.areaId === n.areaId) continue
    boxes.push(bboxOf(n.geometry))
    if (o) boxes.push(bboxOf(o.geometry))
  }
  for (const o of before) if (!seen.has(o.id)) boxes.push(bboxOf(o.geometry))
  return boxes
}

/**
 * `prev` (the points located in an earlier state of the plan) brought up to date with `plan`,
 * re-locating only the points inside `boxes`. The result is a new object; `prev` is not changed.
 */
export function relocatePoints(prev: Located, plan: PlanGeometry, pts: Points, tree: Flatbush | null, boxes: BBox[]): Located {
  if (!tree || boxes.length === 0) return prev
  const next: Located = { nb: prev.nb.slice(), area: prev.area.slice(), nbIds: prev.nbIds.slice(), areaIds: prev.areaIds.slice() }
  // The plan's positions as positions in the answer's lists, ids new to them added at the end.
  const into = (planIds: string[], list: string[]) => {
    const at = positions(list)
    return Int32Array.from(planIds, (id) => at.get(id) ?? list.push(id) - 1)
  }
  const nbPos = into(plan.neighborhoods.map((x) => x.id), next.nbIds)
  const areaPos = into(plan.areas.map((x) => x.id), next.areaIds)
  const index = createPointIndex(plan)
  const out = new Int32Array(2)
  const done = new Set<number>()
  for (const b of boxes) {
    for (const i of tree.search(b[0], b[1], b[2], b[3])) {
      if (done.has(i)) continue
      done.add(i)
      index.locateIndexes(pts.lon[i], pts.lat[i], out)
      next.nb[i] = out[0] >= 0 ? nbPos[out[0]] : -1
      next.area[i] = out[1] >= 0 ? areaPos[out[1]] : -1
    }
  }
  return next
}
