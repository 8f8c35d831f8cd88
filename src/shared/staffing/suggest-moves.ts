import type { Officer, PlanState } from '../domain'

export interface SuggestedMove {
  officerId: string
  fromAreaId: string
  toAreaId: string
  reason: string
}

export interface StaffingBand {
  areaId: string
  /** officers_total · W_a / ΣW */
  target: number
  /** Whole-officer count the area gets when officers are shared out by largest remainder. */
  fair: number
  lo: number
  hi: number
}

const COMMAND_RANK = /lieutenant|\blt\b|captain|\bcapt\b|commander|chief/i

/** Officers who lead (a Lieutenant, or whoever is an area's commander) are never suggested for a transfer. */
export function isMovable(o: Officer, commanderIds: Set<string>): boolean {
  return o.status === 'active' && !commanderIds.has(o.id) && !COMMAND_RANK.test(o.rank)
}

/**
 * The acceptable officer counts per area. The relative band target·(1 ± tol) is rounded
 * inward to whole officers (lo = ceil(target·(1−tol)), hi = floor(target·(1+tol))) and then
 * widened just enough to include `fair`, the largest-remainder share. Since fair counts
 * add up to the total, a plan within every band always exists.
 */
export function staffingBands(areaIds: string[], workload: Record<string, number>, total: number, tol: number): StaffingBand[] {
  const totalW = areaIds.reduce((s, id) => s + Math.max(0, workload[id] ?? 0), 0)
  if (totalW <= 0) return []
  const eps = 1e-9
  const targets = areaIds.map((id) => (total * Math.max(0, workload[id] ?? 0)) / totalW)
  const fair = targets.map((t) => Math.floor(t + eps))
  let left = total - fair.reduce((s, f) => s + f, 0)
  const byRemainder = targets
    .map((t, i) => ({ i, r: t - fair[i] }))
    .sort((a, b) => b.r - a.r || (areaIds[a.i] < areaIds[b.i] ? -1 : 1))
  for (const { i } of byRemainder) {
    if (left <= 0) break
    if (targets[i] - fair[i] > eps) {
      fair[i]++
      left--
    }
  }
  return areaIds.map((areaId, i) => ({
    areaId,
    target: targets[i],
    fair: fair[i],
    lo: Math.min(Math.ceil(targets[i] * (1 - tol) - eps), fair[i]),
    hi: Math.max(Math.floor(targets[i] * (1 + tol) + eps), fair[i]),
  }))
}

const byKey = <T>(key: (x: T) => number, id: (x: T) => string) => (a: T, b: T) => key(b) - key(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)

/**
 * Transfers that bring every area's active headcount within its band (see staffingBands).
 * Each step moves one officer from the area furthest above its target that is over its band
 * to the one furthest below its target that is under its band; when only one side is out of
 * band, the other end is the area with the most room on the right side of its target.
 * Every step removes one officer of excess and one of shortfall (or the only kind left), and
 * no transfer can do more, so the count equals max(Σ excess, Σ shortfall): the fewest possible,
 * as long as the over-staffed areas have officers who may move. If they do not, the moves
 * stop where nothing more can be done.
 * Who moves: officers without an adopted neighborhood first, then adopters of the
 * neighborhood with the most adopters, then by id. Lieutenants and commanders never move.
 */
export function suggestMoves(
  plan: PlanState,
  workloadByArea: Record<string, number>,
  opts: { tolerance?: number; shift?: { name: string; works: (o: Officer) => boolean } } = {},
): SuggestedMove[] {
  const tol = opts.tolerance ?? 0.1
  // Targeting one shift: the workload passed is that shift's, and only its officers count and move.
  const works = opts.shift?.works ?? (() => true)
  const who = opts.shift ? `active ${opts.shift.name} officers` : 'active officers'
  const share = opts.shift ? `${opts.shift.name} workload share` : 'workload share'
  const areas = [...plan.areas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const areaIds = areas.map((a) => a.id)
  const nameOf = new Map(areas.map((a) => [a.id, a.name]))
  const commanderIds = new Set(areas.map((a) => a.commanderId).filter((x): x is string => x !== null))
  const active = plan.officers.filter((o) => o.status === 'active' && o.areaId !== null && nameOf.has(o.areaId) && works(o))
  const bands = staffingBands(areaIds, workloadByArea, active.length, tol)
  if (bands.length === 0) return []

  const count = new Map<string, number>(areaIds.map((id) => [id, 0]))
  for (const o of active) count.set(o.areaId!, count.get(o.areaId!)! + 1)
  const adopters = new Map<string, number>()
  for (const o of active) if (o.neighborhoodId !== null) adopters.set(o.neighborhoodId, (adopters.get(o.neighborhoodId) ?? 0) + 1)
  const pool = new Map<string, Officer[]>(areaIds.map((id) => [id, []]))
  for (const o of active) if (isMovable(o, commanderIds)) pool.get(o.areaId!)!.push(o)

  const c = (b: StaffingBand) => count.get(b.areaId)!
  const canGive = (b: StaffingBand) => pool.get(b.areaId)!.length > 0
  const surplus = byKey<StaffingBand>((b) => c(b) - b.target, (b) => b.areaId)
  const shortage = byKey<StaffingBand>((b) => b.target - c(b), (b) => b.areaId)

  const moves: SuggestedMove[] = []
  for (;;) {
    const over = bands.filter((b) => c(b) > b.hi && canGive(b)).sort(surplus)
    const under = bands.filter((b) => c(b) < b.lo).sort(shortage)
    let from: StaffingBand | undefined
    let to: StaffingBand | undefined
    if (over.length > 0 && under.length > 0) [from, to] = [over[0], under[0]]
    else if (over.length > 0) {
      from = over[0]
      to = bands.filter((b) => b !== from && c(b) < b.hi).sort(shortage)[0]
    } else if (under.length > 0) {
      to = under[0]
      from = bands.filter((b) => b !== to && c(b) > b.lo && canGive(b)).sort(surplus)[0]
    }
    if (!from || !to) break

    const candidates = pool.get(from.areaId)!
    candidates.sort((a, b) => {
      const ka = a.neighborhoodId === null ? Infinity : adopters.get(a.neighborhoodId)!
      const kb = b.neighborhoodId === null ? Infinity : adopters.get(b.neighborhoodId)!
      if (ka !== kb) return kb - ka
      const na = a.neighborhoodId ?? ''
      const nb = b.neighborhoodId ?? ''
      return na < nb ? -1 : na > nb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    })
    const o = candidates.shift()!
    const why =
      o.neighborhoodId === null
        ? 'adopts no neighborhood'
        : `is one of ${adopters.get(o.neighborhoodId)} adopters of neighborhood ${o.neighborhoodId}`
    moves.push({
      officerId: o.id,
      fromAreaId: from.areaId,
      toAreaId: to.areaId,
      reason:
        `${nameOf.get(from.areaId)} has ${c(from)} ${who} for a ${share} of ${from.target.toFixed(1)} ` +
        `(acceptable ${from.lo}–${from.hi}); ${nameOf.get(to.areaId)} has ${c(to)} for ${to.target.toFixed(1)} ` +
        `(acceptable ${to.lo}–${to.hi}). ${o.displayName || o.id} ${why}.`,
    })
    count.set(from.areaId, c(from) - 1)
    count.set(to.areaId, c(to) + 1)
    if (o.neighborhoodId !== null) adopters.set(o.neighborhoodId, adopters.get(o.neighborhoodId)! - 1)
  }
  return moves
}
