import type { PlanState } from '../domain'
import { affectedList, type AddressPoints, type AffectedList } from './affected'
import { measureContinuity, type Continuity } from './continuity'
import { locatePoints, type Located, type Points } from './located-points'

export interface ComparePoints {
  /** Address points (residents); null: no residents' share and no affected list. */
  addresses?: AddressPoints | null
  /** Calls for service with their workload in unit-hours; null: no workload share. */
  calls?: (Points & { weight: ArrayLike<number> }) | null
}

export interface PlanComparison {
  continuity: Continuity
  /** As columns; entries are made when asked for (at, toArray) or written (JSON.stringify, affectedToCsv). */
  affected: AffectedList
}

/** Continuity and who is affected between two plans: each point set located once in each plan. */
export function comparePlans(from: PlanState, to: PlanState, pts: ComparePoints = {}): PlanComparison {
  const at = (p: Points) => ({ from: locatePoints(from, p), to: locatePoints(to, p) })
  const addr = pts.addresses ? at(pts.addresses) : null
  const calls = pts.calls ? { ...at(pts.calls), weight: pts.calls.weight } : null
  return {
    continuity: measureContinuity(from, to, { addresses: addr, calls }),
    affected: pts.addresses && addr ? affectedList(from, to, pts.addresses, addr) : affectedList(from, to, NO_POINTS, { from: NONE, to: NONE }),
  }
}

/** No address points, located nowhere: an empty affected list. */
const NO_POINTS: AddressPoints = { address: [], lon: [], lat: [] }
const NONE: Located = { nb: new Int32Array(0), area: new Int32Array(0), nbIds: [], areaIds: [] }
