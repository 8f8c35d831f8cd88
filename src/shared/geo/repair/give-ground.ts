import { COORD_QUANTUM, type AreaCommand, type AreaGeometry, type Finding, type Neighborhood, type PlanState } from '../../domain'
import { geometryIssues } from '../ops/clean'
import { areaM2, clip } from '../ops/clip'
import { bboxOf, bboxesMeet } from '../ops/geom'
import { insertPointsOnEdges, verticesOf } from '../ops/noding'
import { bordersAlong, overlapBorders } from './border'
import { fmtM, fmtM2, nearbyBoundaries, reshape, toProposal, type Reshape } from './proposal'
import { RepairError, type RepairChoice, type RepairProposal } from './types'

export interface Candidate {
  n: Neighborhood
  /** Metres of the piece's boundary it borders. */
  borderM: number
}

const byBorder = (x: Candidate, y: Candidate): number => y.borderM - x.borderM || (x.n.id < y.n.id ? -1 : x.n.id > y.n.id ? 1 : 0)

export function pieceOf(f: Finding): AreaGeometry {
  if (!f.geometry) throw new RepairError(`The finding ${f.id} has no ground to repair`)
  return f.geometry
}

/**
 * Neighborhoods of the given Area Command(s) that border a piece of gap, the longest border
 * first. A neighborhood of another area would only trade the gap for ground outside its area.
 */
export function gapCandidates(plan: PlanState, piece: AreaGeometry, areaIds: string[]): Candidate[] {
  const b = bboxOf(piece)
  const pad = 2 * COORD_QUANTUM
  const box: [number, number, number, number] = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad]
  const list = plan.neighborhoods.filter((n) => areaIds.includes(n.areaId) && bboxesMeet(bboxOf(n.geometry), box))
  const borders = bordersAlong(piece, list.map((n) => n.geometry))
  return list.map((n, i) => ({ n, borderM: borders[i] })).filter((c) => c.borderM > 0).sort(byBorder)
}

/** The two neighborhoods of an overlap, the one whose own ground borders the shared ground longest first (it keeps it). */
export function overlapCandidates(plan: PlanState, f: Finding): Candidate[] {
  const piece = pieceOf(f)
  const pair = f.neighborhoodIds.map((id) => plan.neighborhoods.find((n) => n.id === id))
  if (pair.length !== 2 || !pair[0] || !pair[1]) throw new RepairError('The neighborhoods of this overlap are no longer in the plan')
  const [a, b] = pair as [Neighborhood, Neighborhood]
  const [forA, forB] = overlapBorders(piece, a.geometry, b.geometry)
  return [{ n: a, borderM: forA }, { n: b, borderM: forB }].sort(byBorder)
}

function chosen(cands: Candidate[], targetId: string | undefined, what: string): Candidate {
  if (targetId === undefined) throw new RepairError(`Choose the neighborhood that should take the ${what}`)
  const c = cands.find((x) => x.n.id === targetId)
  if (!c) throw new RepairError(`Neighborhood ${targetId} does not border this ${what}; choose one of ${cands.map((x) => x.n.name).join(', ') || 'none'}`)
  return c
}

/**
 * A gap that runs across an Area Command boundary is split there: each area's part goes to a
 * neighborhood of that area, or it would only become ground outside its area. Ground where
 * areas overlap goes with the first of them.
 */
function partsByArea(plan: PlanState, f: Finding, piece: AreaGeometry): { areaId: string; g: AreaGeometry }[] {
  const areas = f.areaIds.map((id) => plan.areas.find((a) => a.id === id)).filter((a): a is AreaCommand => !!a)
  if (areas.length <= 1) return [{ areaId: areas[0]?.id ?? f.areaIds[0], g: piece }]
  const ref = nearbyBoundaries(plan, piece)
  const parts: { areaId: string; g: AreaGeometry }[] = []
  areas.forEach((a, i) => {
    const inside = clip('intersection', ref, piece, a.geometry)
    const g = inside && i > 0 ? clip('difference', ref, inside, ...areas.slice(0, i).map((x) => x.geometry)) : inside
    if (g) parts.push({ areaId: a.id, g })
  })
  return parts
}

/**
 * Neighborhoods that may take a part of a gap: those of its own Area Command, or, where the
 * part lies where Area Commands overlap and none of the first one's borders it, those of
 * another area that holds the whole part (it is that area's ground too, so it is not
 * outside it there).
 */
function candidatesForPart(plan: PlanState, f: Finding, part: { areaId: string; g: AreaGeometry }): Candidate[] {
  const own = gapCandidates(plan, part.g, [part.areaId])
  if (own.length) return own
  const ref = nearbyBoundaries(plan, part.g)
  for (const id of f.areaIds) {
    const other = id !== part.areaId && plan.areas.find((a) => a.id === id)
    if (!other || clip('difference', ref, part.g, other.geometry)) continue
    const cands = gapCandidates(plan, part.g, [id])
    if (cands.length) return cands
  }
  return own
}

/**
 * The gap goes to the neighborhood bordering it longest, or to the chosen one (which takes the
 * part in its own Area Command when the gap runs across areas). The taker's boundary takes
 * the gap's corners first, so the union closes without a seam.
 */
export function giveGap(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  const piece = pieceOf(f)
  if (choice.rule === 'to-neighborhood') chosen(gapCandidates(plan, piece, f.areaIds), choice.targetId, 'gap')
  const grown = new Map<string, { n: Neighborhood; g: AreaGeometry; borderM: number }>()
  const moved = new Map<string, { a: AreaCommand; g: AreaGeometry }>()
  const areaMoves: string[] = []
  const parts = partsByArea(plan, f, piece)
  const lost = parts.find((part) => !candidatesForPart(plan, f, part).length)
  if (lost) {
    // A part borders no neighborhood of its own Area Command (a hairline the area boundary cuts
    // across): the whole gap goes to the neighborhood bordering it longest, and the Area Command
    // boundary moves with it over the other parts (ground there that none of that area's
    // neighborhoods covers), or that neighborhood would reach outside its area.
    const all = gapCandidates(plan, piece, f.areaIds)
    const c = all.find((x) => choice.rule === 'to-neighborhood' && x.n.id === choice.targetId) ?? all[0]
    const to = c && plan.areas.find((a) => a.id === c.n.areaId)
    const area = plan.areas.find((a) => a.id === lost.areaId)?.name ?? lost.areaId
    if (!c || !to) throw new RepairError(`The gap ${f.areaIds.length > 1 ? `part in ${area} ` : ''}borders no neighborhood of ${area}`)
    for (const part of parts) {
      if (part.areaId === to.id) continue
      const from = plan.areas.find((a) => a.id === part.areaId)!
      const ref = nearbyBoundaries(plan, part.g)
      for (const [a, op] of [[to, 'union'], [from, 'difference']] as const) {
        const cur = moved.get(a.id)?.g ?? a.geometry
        const g = clip(op, ref, insertPointsOnEdges(cur, verticesOf(part.g)) ?? cur, part.g)
        if (!g) throw new RepairError(`Moving the gap's part in ${from.name} to ${to.name} would leave ${a.name} no ground`)
        moved.set(a.id, { a, g })
      }
      areaMoves.push(`${to.name} takes the ${fmtM2(areaM2(part.g))} in ${from.name}`)
    }
  }
  for (const part of lost ? [{ areaId: lost.areaId, g: piece }] : parts) {
    const cands = lost ? gapCandidates(plan, piece, f.areaIds) : candidatesForPart(plan, f, part)
    const area = plan.areas.find((a) => a.id === part.areaId)?.name ?? part.areaId
    if (!cands.length) throw new RepairError(`The gap ${f.areaIds.length > 1 ? `part in ${area} ` : ''}borders no neighborhood of ${area}`)
    const c = cands.find((x) => choice.rule === 'to-neighborhood' && x.n.id === choice.targetId) ?? cands[0]
    const cur = grown.get(c.n.id) ?? { n: c.n, g: c.n.geometry, borderM: 0 }
    const noded = insertPointsOnEdges(cur.g, verticesOf(part.g)) ?? cur.g
    const merged = clip('union', nearbyBoundaries(plan, part.g), noded, part.g)
    if (!merged) throw new RepairError(`Joining the gap to ${c.n.name} left no ground`)
    grown.set(c.n.id, { n: c.n, g: merged, borderM: cur.borderM + c.borderM })
  }
  if (choice.rule === 'to-neighborhood' && !grown.has(choice.targetId!)) throw new RepairError(`Neighborhood ${choice.targetId} borders no part of the gap inside its own Area Command`)
  const takers = [...grown.values()]
  const shapes: Reshape[] = []
  for (const t of takers) shapes.push([{ entity: 'neighborhood', id: t.n.id }, t.g])
  for (const { a, g } of moved.values()) shapes.push([{ entity: 'area', id: a.id }, g])
  const m2 = f.areaM2
  const why = choice.rule === 'longest-border' ? 'longest shared border' : 'shared border'
  const names = takers.map((t) => t.n.name).join(' and ')
  const cs = reshape(plan, `Give ${fmtM2(m2)} gap to ${names}`, shapes)
  const main = (choice.rule === 'to-neighborhood' && grown.get(choice.targetId!)) || takers[0]
  const detail = takers.map((t) => `${t.n.name} (${why}, ${fmtM(t.borderM)})`).join(' and ')
  const areas = areaMoves.length ? `; the Area Command boundary moves: ${areaMoves.join(', ')}` : ''
  return toProposal(f, { rule: choice.rule, targetId: main.n.id }, cs, m2, `Give the ${fmtM2(m2)} gap to ${detail}${areas}.`)
}

/**
 * One of the two keeps the shared ground and the other loses it. The loser is cut by the
 * keeper's whole boundary when that is valid, so the new shared edge is the keeper's own
 * (vertex for vertex); an invalid keeper is cut by the reported pieces instead.
 */
export function settleOverlap(plan: PlanState, f: Finding, choice: RepairChoice): RepairProposal {
  const piece = pieceOf(f)
  const cands = overlapCandidates(plan, f)
  const keep = choice.rule === 'longest-border' ? cands[0] : chosen(cands, choice.targetId, 'overlap')
  const lose = cands.find((c) => c !== keep)!
  const cutter = geometryIssues(keep.n.geometry).length ? piece : keep.n.geometry
  const rest = clip('difference', nearbyBoundaries(plan, piece), lose.n.geometry, cutter)
  if (!rest) throw new RepairError(`${lose.n.name} lies wholly inside ${keep.n.name}: giving the overlap to ${keep.n.name} would leave ${lose.n.name} with no ground`)
  const shapes: Reshape[] = [[{ entity: 'neighborhood', id: lose.n.id }, rest]]
  const m2 = f.areaM2
  const why = choice.rule === 'longest-border' ? ` (longest shared border, ${fmtM(keep.borderM)})` : ''
  const cs = reshape(plan, `Give ${fmtM2(m2)} overlap to ${keep.n.name}, off ${lose.n.name}`, shapes)
  return toProposal(f, { rule: choice.rule, targetId: keep.n.id }, cs, m2, `Keep the ${fmtM2(m2)} overlap with ${keep.n.name}${why}, taking it off ${lose.n.name}.`)
}

/** Less than this (m²) of a neighborhood under ground is rounding, not ground it holds. */
const HELD_M2 = 0.01

/**
 * Ground a repair leaves to an Area Command that none of its neighborhoods covers would be a
 * gap there, joined to any gap beside it; the area's neighborhood bordering it longest takes it
 * in the same step. What a neighborhood (other than `leaving`, which gives it up) already covers
 * stays with it, and only the rest is taken. Null when nothing is left uncovered, or none of the
 * area's neighborhoods borders what is.
 */
export function takeInArea(plan: PlanState, ground: AreaGeometry, areaId: string, leaving?: string): { n: Neighborhood; g: AreaGeometry } | null {
  const ref = nearbyBoundaries(plan, ground)
  const box = bboxOf(ground)
  const holders = plan.neighborhoods.filter((m) => m.id !== leaving && bboxesMeet(bboxOf(m.geometry), box) && areaM2(clip('intersection', ref, m.geometry, ground)) >= HELD_M2)
  const free = holders.length ? clip('difference', ref, ground, ...holders.map((m) => m.geometry)) : ground
  if (!free || areaM2(free) < HELD_M2) return null
  const taker = gapCandidates(plan, free, [areaId]).find((c) => c.n.id !== leaving)
  if (!taker) return null
  const g = clip('union', ref, insertPointsOnEdges(taker.n.geometry, verticesOf(free)) ?? taker.n.geometry, free)
  return g ? { n: taker.n, g } : null
}
