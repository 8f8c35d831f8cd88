import type { PlanState } from '../domain'

export { suggestMoves, staffingBands, isMovable, type SuggestedMove, type StaffingBand } from './suggest-moves'

export interface AreaBalance {
  areaId: string
  officers: number
  workload: number
  /** W_a / ΣW (1/n for every area when there is no workload at all). */
  workloadShare: number
  /** officers_a / officers_total (0 when nobody is counted). */
  officerShare: number
  /** d_a = (W_a − W*) / W*, W* = ΣW / n. */
  deviation: number
  /** officers_a − officers_total · W_a / ΣW: positive = more officers than the workload share calls for. */
  staffingGap: number
}

export interface BalanceSummary {
  areas: AreaBalance[]
  idealWorkload: number
  maxAbsDeviation: number
  /** Coefficient of variation of W_a: population standard deviation / mean; 0 when the mean is 0. */
  cv: number
  /** Same CV over officers_a / W_a, for areas with W_a > 0. */
  officersPerWorkloadCv: number
}

/** Population CV (divide by n, not n − 1): the areas are the whole city, not a sample of it. */
function populationCv(xs: number[]): number {
  if (xs.length === 0) return 0
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length
  if (mean === 0) return 0
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length
  return Math.sqrt(variance) / mean
}

/** Officers counted are those with status 'active' in the area; the caller passes that count (see countActiveOfficers). */
export function computeBalance(areas: { areaId: string; officers: number; workload: number }[]): BalanceSummary {
  const n = areas.length
  const totalW = areas.reduce((s, a) => s + a.workload, 0)
  const totalO = areas.reduce((s, a) => s + a.officers, 0)
  const ideal = n > 0 ? totalW / n : 0
  const out: AreaBalance[] = areas.map((a) => {
    const workloadShare = totalW > 0 ? a.workload / totalW : n > 0 ? 1 / n : 0
    return {
      areaId: a.areaId,
      officers: a.officers,
      workload: a.workload,
      workloadShare,
      officerShare: totalO > 0 ? a.officers / totalO : 0,
      deviation: ideal > 0 ? (a.workload - ideal) / ideal : 0,
      staffingGap: a.officers - totalO * workloadShare,
    }
  })
  return {
    areas: out,
    idealWorkload: ideal,
    maxAbsDeviation: out.reduce((m, a) => Math.max(m, Math.abs(a.deviation)), 0),
    cv: populationCv(areas.map((a) => a.workload)),
    officersPerWorkloadCv: populationCv(areas.filter((a) => a.workload > 0).map((a) => a.officers / a.workload)),
  }
}

/** Headcount that staffing balances: officers with status 'active' (not on leave, not vacant posts), per area id. */
export function countActiveOfficers(plan: Pick<PlanState, 'areas' | 'officers'>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const a of plan.areas) out[a.id] = 0
  for (const o of plan.officers) if (o.status === 'active' && o.areaId !== null && o.areaId in out) out[o.areaId]++
  return out
}

/**
 * Share of officers present in both plans (by id) who adopted a neighborhood in `before`
 * and still adopt the same one in `after`. Officers without a neighborhood before are
 * not counted; with nobody to count the share is 1 (no adoption was lost).
 */
export function continuity(before: PlanState, after: PlanState): { officersKeepingNeighborhood: number; share: number } {
  const afterById = new Map(after.officers.map((o) => [o.id, o]))
  let considered = 0
  let kept = 0
  for (const o of before.officers) {
    const a = afterById.get(o.id)
    if (!a || o.neighborhoodId === null) continue
    considered++
    if (a.neighborhoodId === o.neighborhoodId) kept++
  }
  return { officersKeepingNeighborhood: kept, share: considered > 0 ? kept / considered : 1 }
}
