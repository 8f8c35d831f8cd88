import { computeBalance } from './balance'
import { DAYS, shiftBuckets, type Shift } from './shifts'
import { locatorFor } from '../insight/located-points'
import { callColumnsOf, type CallColumns, type CallPoint, type PlanGeometry, type PlanPointIndex, type PointIndex } from './workload'

/** Calls and unit-hours in each shift (arrays in the order of `shifts`), and calls per day of week x shift. */
export interface ShiftTally {
  calls: number[]
  workload: number[]
  /** [day (Monday = 0)][shift] calls. */
  byDay: number[][]
}

export interface ShiftWorkload {
  shifts: Shift[]
  byNeighborhood: Record<string, ShiftTally>
  byArea: Record<string, ShiftTally>
  /** Calls in no area of the plan (not in any tally above). */
  outside: ShiftTally
  /** Calls with a time inside the period asked for. */
  timed: number
  /** Calls with no time: counted in the plain workload, not in any shift. */
  untimed: number
  /** First and last call time (wall-clock minutes) among the timed calls, or null. */
  span: [number, number] | null
}

export interface ShiftWorkloadOptions {
  /** Only calls with from <= at < to count (a past quarter, say). */
  from?: number
  to?: number
  /** Default: the plan's point-in-polygon, with the compare's raster in front of it for many calls (locatorFor). */
  index?: PointIndex | PlanPointIndex
}

/** The index's answers as plan positions (-1: none): directly when it gives them, else through the ids. */
function positionsOf(index: PointIndex | PlanPointIndex, plan: PlanGeometry): (lon: number, lat: number, out: Int32Array) => void {
  if ('locateIndexes' in index) return (lon, lat, out) => index.locateIndexes(lon, lat, out)
  const nb = new Map(plan.neighborhoods.map((n, i) => [n.id, i]))
  const ar = new Map(plan.areas.map((a, i) => [a.id, i]))
  return (lon, lat, out) => {
    const l = index.locate(lon, lat)
    out[0] = l.neighborhoodId === null ? -1 : (nb.get(l.neighborhoodId) ?? -1)
    out[1] = l.areaId === null ? -1 : (ar.get(l.areaId) ?? -1)
  }
}

function tallies(n: number, nShifts: number): { calls: Float64Array; workload: Float64Array; days: Float64Array } {
  return { calls: new Float64Array(n * nShifts), workload: new Float64Array(n * nShifts), days: new Float64Array(n * 7 * nShifts) }
}

function toTally(t: ReturnType<typeof tallies>, i: number, nShifts: number): ShiftTally {
  const calls = Array.from(t.calls.subarray(i * nShifts, (i + 1) * nShifts))
  const workload = Array.from(t.workload.subarray(i * nShifts, (i + 1) * nShifts))
  const byDay = DAYS.map((_, d) => Array.from(t.days.subarray((i * 7 + d) * nShifts, (i * 7 + d + 1) * nShifts)))
  return { calls, workload, byDay }
}

/**
 * Buckets timed calls into the plan's neighborhoods and areas per shift and day of week (the
 * rules are in shifts.ts). Located the way aggregateWorkload locates them, so a shift's
 * neighborhood tallies of an area add up to the area's, and the shifts of a neighborhood add up
 * to its timed calls. Tallies live in typed arrays indexed by plan position: a million calls
 * allocate nothing per call.
 */
export function aggregateByShift(points: readonly CallPoint[] | CallColumns, plan: PlanGeometry, shifts: Shift[], opts: ShiftWorkloadOptions = {}): ShiftWorkload {
  const c = 'hours' in points ? points : callColumnsOf(points)
  const buckets = shiftBuckets(shifts)
  const index = opts.index ?? locatorFor(plan, c.length)
  const locate = positionsOf(index, plan)
  const S = shifts.length
  const nb = tallies(plan.neighborhoods.length, S)
  const ar = tallies(plan.areas.length, S)
  const out = tallies(1, S)
  const from = opts.from ?? -Infinity
  const to = opts.to ?? Infinity
  const where = new Int32Array(2)
  let untimed = 0
  let timed = 0
  let lo = Infinity
  let hi = -Infinity
  const times = c.at
  if (!times) untimed = c.length
  for (let i = 0; times && i < c.length; i++) {
    const at = times[i]
    if (at !== at) {
      untimed++
      continue
    }
    if (at < from || at >= to) continue
    timed++
    if (at < lo) lo = at
    if (at > hi) hi = at
    const s = buckets.shiftOf(at)
    const d = buckets.dayOf(at)
    const w = c.hours[i] * c.units[i]
    locate(c.lon[i], c.lat[i], where)
    const n = where[0]
    const a = where[1]
    if (n >= 0) {
      nb.calls[n * S + s]++
      nb.workload[n * S + s] += w
      nb.days[(n * 7 + d) * S + s]++
    }
    const t = a >= 0 ? ar : n >= 0 ? null : out
    const k = a >= 0 ? a : 0
    if (t) {
      t.calls[k * S + s]++
      t.workload[k * S + s] += w
      t.days[(k * 7 + d) * S + s]++
    }
  }
  return {
    shifts,
    byNeighborhood: Object.fromEntries(plan.neighborhoods.map((x, i) => [x.id, toTally(nb, i, S)])),
    byArea: Object.fromEntries(plan.areas.map((x, i) => [x.id, toTally(ar, i, S)])),
    outside: toTally(out, 0, S),
    timed,
    untimed,
    span: lo <= hi ? [lo, hi] : null,
  }
}

export type LoadStatus = 'over' | 'under' | 'ok'

export interface ShiftLoad {
  id: string
  /** Unit-hours in the shift. */
  workload: number
  calls: number
  /** (W − W*) / W*, W* = the shift's total over the units compared (areas, or neighborhoods). */
  deviation: number
  status: LoadStatus
}

/**
 * The overall balance's rule applied to one shift: each unit's workload in the shift against
 * the ideal W* = the shift's total / number of units; over when d > tolerance, under when
 * d < −tolerance (computeBalance gives d).
 */
export function shiftLoads(ids: string[], tallyOf: (id: string) => ShiftTally | undefined, shift: number, tolerance: number): ShiftLoad[] {
  const rows = ids.map((id) => ({ id, w: tallyOf(id)?.workload[shift] ?? 0, c: tallyOf(id)?.calls[shift] ?? 0 }))
  const b = computeBalance(rows.map((r) => ({ areaId: r.id, officers: 0, workload: r.w })))
  return rows.map((r, i) => {
    const d = b.areas[i].deviation
    const any = b.idealWorkload > 0
    return { id: r.id, workload: r.w, calls: r.c, deviation: d, status: !any ? 'ok' : d > tolerance ? 'over' : d < -tolerance ? 'under' : 'ok' }
  })
}

export interface UnitShiftLoad {
  id: string
  name: string
  /** The neighborhood's Area Command (areas: their own id). */
  areaId: string
  /** Per shift, in the order of the report's shifts. */
  calls: number[]
  workload: number[]
  deviation: number[]
  status: LoadStatus[]
  /** [day (Monday = 0)][shift] calls. */
  byDay: number[][]
}

export interface ShiftReport {
  shifts: Shift[]
  tolerance: number
  areas: UnitShiftLoad[]
  /** Every neighborhood of the plan, compared with all neighborhoods of the city in each shift. */
  neighborhoods: UnitShiftLoad[]
  outside: number[]
  timed: number
  untimed: number
  span: [number, number] | null
}

/**
 * Each area's and each neighborhood's load per shift, flagged over or under with the overall
 * balance's tolerance rule (see shiftLoads): areas against the mean of the areas, neighborhoods
 * against the mean of all the city's neighborhoods, in the same shift.
 */
export function shiftReport(plan: PlanGeometry & { areas: { id: string; name: string }[]; neighborhoods: { id: string; name: string; areaId: string }[] }, w: ShiftWorkload, tolerance: number): ShiftReport {
  const units = (list: { id: string; name: string; areaId?: string }[], tallyOf: (id: string) => ShiftTally | undefined): UnitShiftLoad[] => {
    const per = w.shifts.map((_, s) => shiftLoads(list.map((u) => u.id), tallyOf, s, tolerance))
    return list.map((u, i) => {
      const t = tallyOf(u.id)
      return {
        id: u.id,
        name: u.name,
        areaId: u.areaId ?? u.id,
        calls: per.map((p) => p[i].calls),
        workload: per.map((p) => p[i].workload),
        deviation: per.map((p) => p[i].deviation),
        status: per.map((p) => p[i].status),
        byDay: t?.byDay ?? DAYS.map(() => w.shifts.map(() => 0)),
      }
    })
  }
  const areas = units(plan.areas, (id) => w.byArea[id])
  const neighborhoods = units(plan.neighborhoods, (id) => w.byNeighborhood[id])
  return { shifts: w.shifts, tolerance, areas, neighborhoods, outside: w.outside.calls, timed: w.timed, untimed: w.untimed, span: w.span }
}
