import Flatbush from 'flatbush'
import type { PlanState } from '../domain'
import type { AreaGeometry } from '../domain'
import { containsPoint, prepareGeometry, type PreparedGeometry } from '../geo/prepared-polygon'

export interface CallPoint {
  lon: number
  lat: number
  type: string
  /** Average handling time of this call, in hours. */
  hours: number
  /** Units sent. */
  units: number
  /** When the call came in, as wall-clock minutes (see shifts.ts); absent or null when the file had no time. */
  at?: number | null
}

/**
 * Calls as parallel columns, call i at position i: what the calls CSV reader gives, with no
 * object per call (a million calls are five typed arrays, not a million objects to collect).
 */
export interface CallColumns {
  length: number
  lon: Float64Array
  lat: Float64Array
  /** Average handling time, in hours. */
  hours: Float64Array
  units: Float64Array
  /** Wall-clock minutes (see shifts.ts), NaN for a call with no time; null when the file had no time column. */
  at: Float64Array | null
  /** Call type, '' when none. */
  type: string[]
}

/** Calls held as objects (the calls table, tests), as columns. */
export function callColumnsOf(points: readonly CallPoint[]): CallColumns {
  const n = points.length
  const c: CallColumns = { length: n, lon: new Float64Array(n), lat: new Float64Array(n), hours: new Float64Array(n), units: new Float64Array(n), at: null, type: new Array<string>(n) }
  for (let i = 0; i < n; i++) {
    const p = points[i]
    c.lon[i] = p.lon
    c.lat[i] = p.lat
    c.hours[i] = p.hours
    c.units[i] = p.units
    c.type[i] = p.type
    if (p.at !== undefined && p.at !== null) (c.at ??= new Float64Array(n).fill(NaN))[i] = p.at
  }
  return c
}

/** Columns as one object per call; `at` is left out when the file had no time column, as the reader always did. */
export function callPointsOf(c: CallColumns): CallPoint[] {
  const out = new Array<CallPoint>(c.length)
  const at = c.at
  for (let i = 0; i < c.length; i++) {
    const p: CallPoint = { lon: c.lon[i], lat: c.lat[i], type: c.type[i], hours: c.hours[i], units: c.units[i] }
    if (at) p.at = at[i] === at[i] ? at[i] : null
    out[i] = p
  }
  return out
}

export interface Tally {
  calls: number
  /** Unit-hours: sum over calls of hours x units (domain.md: W = sum N_k T_k U_k). */
  workload: number
}

export interface WorkloadResult {
  /** Every neighborhood of the plan, zero when no call fell in it. */
  byNeighborhood: Record<string, Tally>
  /** Every area: calls in its neighborhoods plus calls in the area but in no neighborhood. */
  byArea: Record<string, Tally>
  /** Calls in no area and no neighborhood; `sample` holds the first 20 of them, in file order. */
  outside: Tally & { sample: [number, number][] }
  /** Per area, calls inside the area's boundary that no neighborhood covers (already in byArea). */
  unassignedInArea: Record<string, Tally>
}

export type PlanGeometry = Pick<PlanState, 'areas' | 'neighborhoods'>

export interface PointLocation {
  neighborhoodId: string | null
  areaId: string | null
}

export interface PointIndex {
  locate(lon: number, lat: number): PointLocation
}

/** createPointIndex's index: also answers with plan positions. */
export interface PlanPointIndex extends PointIndex {
  /** The same answer as positions in plan.neighborhoods and plan.areas (-1: none), written to out[0], out[1], for tallies kept in arrays. */
  locateIndexes(lon: number, lat: number, out: Int32Array): void
}

export interface Layer {
  parts: PreparedGeometry[]
  tree: Flatbush | null
}

/** Any polygons (neighborhoods, areas, CAD beats) indexed for "which one holds this point". */
export function buildLayer(geoms: { geometry: AreaGeometry }[]): Layer {
  const parts = geoms.map((g) => prepareGeometry(g.geometry))
  if (parts.length === 0) return { parts, tree: null }
  const tree = new Flatbush(parts.length)
  for (const p of parts) tree.add(...p.bbox)
  tree.finish()
  return { parts, tree }
}

/** Owner index of the first feature (in plan order) containing the point, or -1; plan order settles overlaps. */
export function find(layer: Layer, x: number, y: number): number {
  if (!layer.tree) return -1
  const hits = layer.tree.search(x, y, x, y)
  if (hits.length > 1) hits.sort((a, b) => a - b)
  for (const h of hits) if (containsPoint(layer.parts[h], x, y)) return h
  return -1
}

/**
 * A point's neighborhood decides its area (the neighborhood's areaId), so the
 * neighborhood tallies of an area add up to its total. Only points outside every
 * neighborhood, or in a neighborhood whose area is not in the plan, are tested
 * against the area boundaries themselves.
 */
export function createPointIndex(plan: PlanGeometry): PlanPointIndex {
  const nbs = buildLayer(plan.neighborhoods)
  const areas = buildLayer(plan.areas)
  const areaIndex = new Map(plan.areas.map((a, i) => [a.id, i]))
  const nbArea = plan.neighborhoods.map((n) => areaIndex.get(n.areaId) ?? -1)
  const locateIndexes = (lon: number, lat: number, out: Int32Array): void => {
    const n = find(nbs, lon, lat)
    out[0] = n
    out[1] = n >= 0 && nbArea[n] >= 0 ? nbArea[n] : find(areas, lon, lat)
  }
  const tmp = new Int32Array(2)
  return {
    locateIndexes,
    locate(lon: number, lat: number): PointLocation {
      locateIndexes(lon, lat, tmp)
      return { neighborhoodId: tmp[0] >= 0 ? plan.neighborhoods[tmp[0]].id : null, areaId: tmp[1] >= 0 ? plan.areas[tmp[1]].id : null }
    },
  }
}

const OUTSIDE_SAMPLE = 20

export function aggregateWorkload(points: CallPoint[], plan: PlanGeometry, index: PointIndex = createPointIndex(plan)): WorkloadResult {
  const byNeighborhood: Record<string, Tally> = {}
  const byArea: Record<string, Tally> = {}
  const unassignedInArea: Record<string, Tally> = {}
  for (const n of plan.neighborhoods) byNeighborhood[n.id] = { calls: 0, workload: 0 }
  for (const a of plan.areas) byArea[a.id] = { calls: 0, workload: 0 }
  const outside: WorkloadResult['outside'] = { calls: 0, workload: 0, sample: [] }
  for (const p of points) {
    const w = p.hours * p.units
    const loc = index.locate(p.lon, p.lat)
    if (loc.neighborhoodId !== null) {
      const t = byNeighborhood[loc.neighborhoodId]
      t.calls++
      t.workload += w
    }
    if (loc.areaId !== null) {
      const t = byArea[loc.areaId]
      t.calls++
      t.workload += w
      if (loc.neighborhoodId === null) {
        const u = (unassignedInArea[loc.areaId] ??= { calls: 0, workload: 0 })
        u.calls++
        u.workload += w
      }
    }
    if (loc.neighborhoodId === null && loc.areaId === null) {
      outside.calls++
      outside.workload += w
      if (outside.sample.length < OUTSIDE_SAMPLE) outside.sample.push([p.lon, p.lat])
    }
  }
  return { byNeighborhood, byArea, outside, unassignedInArea }
}
