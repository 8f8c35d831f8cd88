import { booleanPointInPolygon } from '@turf/turf'
import type { AreaGeometry, ChangeOp, LonLat, Neighborhood, PlanState } from '../../src/shared/domain'
import type { Services } from '../../src/main/services'

/**
 * Broken plans for the repair tests, made the way real layers arrive broken: an import stores a
 * neighborhood drawn a few metres off its neighbor's line (a gap or an overlap), past its Area
 * Command, or with a spike that makes its ring invalid. Each is stored as an import (without the
 * edit guard, which would refuse it) on the sample city.
 */

const M_PER_DEG_LAT = 110_574
const mPerDegLon = (lat: number) => 111_320 * Math.cos((lat * Math.PI) / 180)

function outerRing(g: AreaGeometry): LonLat[] {
  if (g.type !== 'Polygon') throw new Error('the repair fixtures edit single-part neighborhoods')
  return g.coordinates[0] as LonLat[]
}

const key = (p: readonly number[]) => `${p[0]},${p[1]}`

/** Who holds each vertex of the plan: neighborhood ids and `area:<id>`. */
function holders(plan: PlanState): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const add = (g: AreaGeometry, who: string) => {
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const ring of poly) for (const c of ring) out.set(key(c), (out.get(key(c)) ?? new Set()).add(who))
  }
  for (const n of plan.neighborhoods) add(n.geometry, n.id)
  for (const a of plan.areas) add(a.geometry, `area:${a.id}`)
  return out
}

/**
 * The index of the longest edge of `id`'s ring whose two ends are held by exactly `who` and by
 * nothing else: with who = [A, B], a stretch of the line A and B share away from any area edge.
 */
export function longestEdge(plan: PlanState, id: string, who: string[]): number {
  const held = holders(plan)
  const exactly = (p: LonLat) => {
    const h = held.get(key(p))
    return !!h && h.size === who.length && who.every((w) => h.has(w))
  }
  const ring = outerRing(plan.neighborhoods.find((n) => n.id === id)!.geometry)
  let best = -1, bestLen = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    if (!exactly(ring[i]) || !exactly(ring[i + 1])) continue
    const len = Math.hypot((ring[i + 1][0] - ring[i][0]) * mPerDegLon(ring[i][1]), (ring[i + 1][1] - ring[i][1]) * M_PER_DEG_LAT)
    if (len > bestLen) [best, bestLen] = [i, len]
  }
  if (best < 0) throw new Error(`${id} has no edge held by exactly ${who.join(', ')}`)
  return best
}

/** The midpoint of edge i of the ring, moved `m` metres square to it, into the shape ('in') or out of it. */
function offMidpoint(n: Neighborhood, i: number, m: number, side: 'in' | 'out'): LonLat {
  const ring = outerRing(n.geometry)
  const [u, w] = [ring[i], ring[i + 1]]
  const kx = mPerDegLon(u[1])
  const [ex, ey] = [(w[0] - u[0]) * kx, (w[1] - u[1]) * M_PER_DEG_LAT]
  const len = Math.hypot(ex, ey)
  const mid: LonLat = [(u[0] + w[0]) / 2, (u[1] + w[1]) / 2]
  const at = (s: number): LonLat => [mid[0] + (s * -ey * m) / len / kx, mid[1] + (s * ex * m) / len / M_PER_DEG_LAT]
  const inside = booleanPointInPolygon(at(1), n.geometry)
  return at(inside === (side === 'in') ? 1 : -1)
}

const withRing = (n: Neighborhood, ring: LonLat[]): Neighborhood => ({ ...n, geometry: { type: 'Polygon', coordinates: [ring, ...(n.geometry.coordinates as LonLat[][]).slice(1)] } })

/**
 * The neighborhood with a corner added `m` metres off the middle of its edge i: pulled in, it
 * leaves a triangle of ground to nobody; pushed out, the triangle lies over the neighbor.
 */
export function bulge(n: Neighborhood, i: number, m: number, side: 'in' | 'out'): Neighborhood {
  const ring = outerRing(n.geometry)
  return withRing(n, [...ring.slice(0, i + 1), offMidpoint(n, i, m, side), ...ring.slice(i + 1)])
}

/**
 * The neighborhood with a zero-area spike `m` metres into it from the middle of edge i: the ring
 * runs out and back along the same line, which no valid polygon does, and its ground is unchanged.
 */
export function spike(n: Neighborhood, i: number, m: number): Neighborhood {
  const ring = outerRing(n.geometry)
  const mid: LonLat = [(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2]
  return withRing(n, [...ring.slice(0, i + 1), mid, offMidpoint(n, i, m, 'in'), mid, ...ring.slice(i + 1)])
}

/** Stores the changed neighborhoods as a layer import would: one step, no edit guard. */
export function importAsDrawn(s: Services, change: (plan: PlanState) => Neighborhood[]): void {
  const plan = s.plans.load()
  const ops: ChangeOp[] = change(plan).map((after) => ({ entity: 'neighborhood', id: after.id, before: plan.neighborhoods.find((n) => n.id === after.id)!, after }))
  s.changes.apply({ label: 'Import neighborhoods as drawn', ops }, s.session.actor(), 'import')
}

export const neighborhood = (plan: PlanState, id: string): Neighborhood => plan.neighborhoods.find((n) => n.id === id)!
