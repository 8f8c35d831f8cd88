import { bboxOf, bboxesMeet } from '../geo/bbox'
import { area as turfArea } from '@turf/area'
import type { Neighborhood } from './entities'
import type { ChangeSet } from './change-set'
import type { AreaGeometry } from './geometry'
import { jsonEqual } from './json-equal'
import type { PlanState } from './plan'

export interface AreaReadout {
  id: string
  name: string
  km2: number
  /** km² as stored, to show the change while a gesture is previewed. */
  storedKm2: number
  role: 'edited' | 'neighbor'
}

const km2 = (g: AreaGeometry): number => turfArea(g) / 1e6

/** The vertices of a shape as x, y pairs sorted by x then y: a neighbour test per drag without a string per vertex. */
function sortedVertices(g: AreaGeometry): Float64Array {
  const pts: [number, number][] = []
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) for (const ring of poly) for (const c of ring) pts.push([c[0], c[1]])
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out = new Float64Array(pts.length * 2)
  for (let i = 0; i < pts.length; i++) {
    out[2 * i] = pts[i][0]
    out[2 * i + 1] = pts[i][1]
  }
  return out
}

/** Whether x, y is one of the sorted pairs (binary search). */
function hasVertex(sorted: Float64Array, x: number, y: number): boolean {
  let lo = 0
  let hi = sorted.length / 2
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const mx = sorted[2 * mid]
    const my = sorted[2 * mid + 1]
    if (mx < x || (mx === x && my < y)) lo = mid + 1
    else hi = mid
  }
  return lo < sorted.length / 2 && sorted[2 * lo] === x && sorted[2 * lo + 1] === y
}

function sharesVertex(g: AreaGeometry, mine: Float64Array): boolean {
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) for (const ring of poly) for (const c of ring) if (hasVertex(mine, c[0], c[1])) return true
  return false
}

/** Neighborhoods of the same area sharing at least one vertex with `n` (vertices are shared exactly). */
export function neighboursOf(plan: PlanState, n: Neighborhood): Neighborhood[] {
  const b = bboxOf(n.geometry)
  let mine: Float64Array | null = null
  return plan.neighborhoods.filter((o) => {
    if (o.id === n.id || o.areaId !== n.areaId) return false
    if (!bboxesMeet(bboxOf(o.geometry), b)) return false
    return sharesVertex(o.geometry, (mine ??= sortedVertices(n.geometry)))
  })
}

/**
 * km² of the edited neighborhoods and their neighbours, in `shown` (a preview or the stored
 * plan) next to the stored figure. Edited ones first, then neighbours by name.
 */
export function areaReadout(stored: PlanState, shown: PlanState, editedIds: string[]): AreaReadout[] {
  const storedById = new Map(stored.neighborhoods.map((n) => [n.id, n]))
  const shownById = new Map(shown.neighborhoods.map((n) => [n.id, n]))
  const out: AreaReadout[] = []
  const seen = new Set<string>()
  const push = (n: Neighborhood, role: AreaReadout['role']) => {
    if (seen.has(n.id)) return
    seen.add(n.id)
    const before = storedById.get(n.id)
    out.push({ id: n.id, name: n.name, km2: km2(n.geometry), storedKm2: before ? km2(before.geometry) : 0, role })
  }
  const edited = editedIds.map((id) => shownById.get(id)).filter((n): n is Neighborhood => !!n)
  for (const n of edited) push(n, 'edited')
  const neighbours = edited.flatMap((n) => neighboursOf(shown, n)).sort((a, b) => a.name.localeCompare(b.name))
  for (const n of neighbours) push(n, 'neighbor')
  return out
}

/** A neighborhood's ground before and after a stored change; null where it did not exist. */
export interface AreaChange {
  id: string
  name: string
  beforeM2: number | null
  afterM2: number | null
}

/**
 * Square metres of every neighborhood whose ground a change set moves (a reshape, a split, a
 * delete), before and after, in the order of its ops. Renames, recolours and officer moves leave
 * none; a neighborhood only gaining a corner on its edge is listed with its (nearly) equal areas.
 */
export function areaChanges(cs: ChangeSet): AreaChange[] {
  const out: AreaChange[] = []
  for (const op of cs.ops) {
    if (op.entity !== 'neighborhood') continue
    const { before, after } = op
    // A change set that came through IPC holds copies: equal shapes are compared, not references.
    if (before && after && (before.geometry === after.geometry || jsonEqual(before.geometry, after.geometry))) continue
    out.push({
      id: op.id,
      name: (after ?? before)!.name,
      beforeM2: before ? turfArea(before.geometry) : null,
      afterM2: after ? turfArea(after.geometry) : null,
    })
  }
  return out
}
