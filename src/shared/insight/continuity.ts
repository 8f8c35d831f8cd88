import type { Officer, PlanState } from '../domain'
import type { Located } from './located-points'

/**
 * Continuity between two plans (domain.md, "continuity with the previous plan"): how much of
 * the city keeps the officer it knows. The choices a lieutenant has to defend, in one place
 * (the app's help text says the same, see CONTINUITY_RULES):
 *
 * - An officer is a person who holds the post: active or on leave. A vacant post is nobody.
 * - A neighborhood of the earlier plan counts when it had at least one officer; it keeps the
 *   share of those officers who still adopt a neighborhood with the same id (2 of 3 stay:
 *   2/3). A neighborhood that had no officer (a vacant post) has nothing to lose and is left
 *   out; one that loses every officer counts 0.
 * - Residents (address points) and workload (calls, weighted by unit-hours) are placed by
 *   ground: each point keeps the share of its earlier officers who adopt the neighborhood that
 *   holds it now. A split neighborhood thus keeps its officers for the part that keeps the
 *   id and loses them on the part that became a new neighborhood (unless they adopt that).
 * - An officer moved to another Area Command is lost to the neighborhood she leaves, whatever
 *   she adopts now.
 * - Per Area Command, everything is counted where it was: under the earlier plan's area.
 * - With nothing to lose (no officer at all in the earlier plan), a share is 1.
 */
export const CONTINUITY_RULES: string[] = [
  'Officers are the people holding a post (active or on leave); a vacant post counts as no officer.',
  'Neighborhoods: each neighborhood that had an officer counts once, for the share of its officers who still adopt it (2 of 3 staying counts 2/3). Neighborhoods are matched by id; one that had no officer is left out.',
  'Residents and workload go by ground: an address (or a call, weighted by unit-hours) keeps the share of its earlier officers who adopt the neighborhood holding it now. Ground split off into a new neighborhood loses its officers unless they adopt the new one.',
  'An officer moved to another Area Command is lost to the neighborhood she leaves.',
  'Per Area Command, figures are counted under the area of the earlier plan.',
  'Where nothing had an officer, the share is 100% (nothing to lose).',
]

export interface ContinuityFigures {
  /** Share of neighborhoods (with an officer before) whose adopting officers stay, 0..1. */
  neighborhoods: number
  /** Share of workload (unit-hours of calls for service) that keeps its officer; null without calls. */
  workload: number | null
  /** Share of residents (address points) who keep their officer; null without address points. */
  residents: number | null
}

export interface AreaContinuity extends ContinuityFigures {
  name: string
}

export interface Continuity extends ContinuityFigures {
  /** Keyed by the earlier plan's Area Command id. */
  byArea: Record<string, AreaContinuity>
}

/**
 * A person holding the post: active or on leave (an officer on leave still has the neighborhood
 * and comes back to it). A vacant post is nobody. Deliberately not the public page's rule, which
 * may hide officers on leave: continuity is about the relationship, not who is shown today.
 */
function holdsPost(o: Officer): boolean {
  return o.status === 'active' || o.status === 'leave'
}

/** Officer ids (people, not vacant posts) adopting each neighborhood, sorted. */
export function officersByNeighborhood(officers: Officer[]): Map<string, string[]> {
  const m = new Map<string, string[]>()
  for (const o of officers) {
    if (!o.neighborhoodId || !holdsPost(o)) continue
    const list = m.get(o.neighborhoodId)
    if (list) list.push(o.id)
    else m.set(o.neighborhoodId, [o.id])
  }
  for (const list of m.values()) list.sort()
  return m
}

/** Share of `before`'s officers still in `after` (both sorted); null when `before` is empty. */
function kept(before: string[] | undefined, after: string[] | undefined): number | null {
  if (!before || before.length === 0) return null
  if (!after || after.length === 0) return 0
  let n = 0
  for (const id of before) if (after.includes(id)) n++
  return n / before.length
}

/** Credit of a point moving from one neighborhood to another, memoised per pair. */
export function creditTable(from: Map<string, string[]>, to: Map<string, string[]>): (fromNb: string | null, toNb: string | null) => number | null {
  const memo = new Map<string, Map<string | null, number | null>>()
  return (a, b) => {
    if (a === null) return null
    let row = memo.get(a)
    if (!row) memo.set(a, (row = new Map()))
    let c = row.get(b)
    if (c === undefined) {
      c = kept(from.get(a), b === null ? undefined : to.get(b))
      row.set(b, c)
    }
    return c
  }
}

interface Acc {
  kept: number
  total: number
}

const share = (a: Acc | undefined): number => (a && a.total > 0 ? a.kept / a.total : 1)

export interface PointsBetween {
  from: Located
  to: Located
  /** Weight of each point (unit-hours for calls); absent: 1 each. */
  weight?: ArrayLike<number>
}

function measurePoints(p: PointsBetween, credit: ReturnType<typeof creditTable>): { city: Acc; byArea: Map<string, Acc> } {
  const { nb: nbA, area: areaA, nbIds: idsA, areaIds } = p.from
  const { nb: nbB, nbIds: idsB } = p.to
  // The credit of each pair of positions, asked of `credit` once (NaN: not asked yet; -1: none).
  const stride = idsB.length + 1
  const pair = new Float64Array((idsA.length + 1) * stride).fill(NaN)
  // Sums per area position of the earlier plan, each added to point by point as before (same order, same sums).
  const areaKept = new Float64Array(areaIds.length)
  const areaTotal = new Float64Array(areaIds.length)
  const city: Acc = { kept: 0, total: 0 }
  const weight = p.weight
  const n = nbA.length
  for (let i = 0; i < n; i++) {
    const a = nbA[i]
    const b = nbB[i]
    const k = (a + 1) * stride + b + 1
    let c = pair[k]
    if (c !== c) c = pair[k] = credit(a >= 0 ? idsA[a] : null, b >= 0 ? idsB[b] : null) ?? -1
    if (c < 0) continue
    const w = weight ? weight[i] : 1
    if (!(w > 0)) continue
    city.kept += w * c
    city.total += w
    const area = areaA[i]
    if (area < 0) continue
    areaKept[area] += w * c
    areaTotal[area] += w
  }
  const byArea = new Map<string, Acc>()
  for (let k = 0; k < areaIds.length; k++) if (areaTotal[k] !== 0 || areaKept[k] !== 0) byArea.set(areaIds[k], { kept: areaKept[k], total: areaTotal[k] })
  return { city, byArea }
}

/**
 * Continuity from `from` to `to`. `calls` and `addresses` are the same points located in both
 * plans (see located-points.ts); leave one out and its share is null.
 */
export function measureContinuity(from: PlanState, to: PlanState, points: { calls?: PointsBetween | null; addresses?: PointsBetween | null } = {}): Continuity {
  const before = officersByNeighborhood(from.officers)
  const after = officersByNeighborhood(to.officers)
  const credit = creditTable(before, after)
  const nbCity: Acc = { kept: 0, total: 0 }
  const nbByArea = new Map<string, Acc>()
  for (const n of from.neighborhoods) {
    const c = credit(n.id, n.id)
    if (c === null) continue
    nbCity.kept += c
    nbCity.total++
    let acc = nbByArea.get(n.areaId)
    if (!acc) nbByArea.set(n.areaId, (acc = { kept: 0, total: 0 }))
    acc.kept += c
    acc.total++
  }
  const calls = points.calls ? measurePoints(points.calls, credit) : null
  const residents = points.addresses ? measurePoints(points.addresses, credit) : null
  const byArea: Record<string, AreaContinuity> = {}
  for (const a of [...from.areas].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    byArea[a.id] = {
      name: a.name,
      neighborhoods: share(nbByArea.get(a.id)),
      workload: calls ? share(calls.byArea.get(a.id)) : null,
      residents: residents ? share(residents.byArea.get(a.id)) : null,
    }
  }
  return {
    neighborhoods: share(nbCity),
    workload: calls ? share(calls.city) : null,
    residents: residents ? share(residents.city) : null,
    byArea,
  }
}
