import type { AreaGeometry, PlanState } from '../domain'
import { csvCell, defuseFormula } from '../staffing/csv-rows'
import { buildLayer, createPointIndex, find, type CallPoint } from '../staffing/workload'
import { allFaces, buildArrangement, collectSegments, twoSidedEdge } from './validate/arrangement'
import { labelFaces } from './validate/faces'
import { frameAt } from './validate/measure'
import { shapeOf, type Shape } from './validate/shape'

/** A dispatch (CAD) beat as the CAD administrator's layer has it. */
export interface CadBeat {
  id: string
  geometry: AreaGeometry
}

export interface NestPart {
  neighborhoodId: string
  neighborhoodName: string
  areaId: string
  areaName: string
  /** Ground of the beat in this neighborhood, m². */
  areaM2: number
  /** areaM2 / the beat's area. */
  share: number
  /** Calls for service in the beat that fall in this neighborhood; null when no calls are given. */
  calls: number | null
  /** calls / the beat's calls; null without calls, or when the beat has none. */
  callShare: number | null
}

export interface NestedBeat {
  id: string
  areaM2: number
  /** Largest first. */
  parts: NestPart[]
  /** Ground of the beat in no neighborhood of the plan (outside the city, or a gap). */
  outsideM2: number
  outsideShare: number
  calls: number | null
  /** The beat's ground outside its largest neighborhood, as a share of the beat: what "split" is measured by. */
  splitShare: number
  /** splitShare > tolerance: the beat is split between neighborhoods. */
  split: boolean
  /** The same, counting Area Commands instead of neighborhoods. */
  areaSplitShare: number
  areaSplit: boolean
}

export interface NestingReport {
  tolerance: number
  beats: NestedBeat[]
  /** Ids of beats split between neighborhoods (or Area Commands) by more than the tolerance. */
  split: string[]
  areaSplit: string[]
}

export const DEFAULT_NESTING_TOLERANCE = 0.01

/**
 * Ground (m²) of every (CAD beat, neighborhood) pair, and of each beat, from one arrangement of
 * both layers' boundaries: the validator's overlay (exact predicates on the coordinate grid,
 * snap-rounded when a dirty layer needs it) and its local metric frame, per beat. Each face is
 * counted with its signed area, so a hole's cycle takes its ground off the face around it.
 */
function overlayAreas(beats: CadBeat[], nbs: { geometry: AreaGeometry }[]): { beatM2: Float64Array; pairM2: Map<number, number>[] } {
  const N = nbs.length
  const shapes: Shape[] = [...nbs.map((n) => shapeOf(n.geometry)), ...beats.map((b) => shapeOf(b.geometry))]
  let arr = buildArrangement(collectSegments(shapes))
  if (twoSidedEdge(arr) >= 0) arr = buildArrangement(collectSegments(shapes), true)
  const labels = labelFaces(arr, shapes, allFaces(arr))
  const scale = beats.map((_, j) => {
    const bb = shapes[N + j].bbox
    const fr = frameAt((bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2)
    return (fr.kx * fr.ky) / 2
  })
  const beatM2 = new Float64Array(beats.length)
  const pairM2 = beats.map(() => new Map<number, number>())
  const { pool } = labels
  for (let i = 0; i < labels.count; i++) {
    const f = labels.faces[i]
    const a2 = arr.faceArea2[f]
    if (a2 === 0) continue
    const from = labels.start[f], to = from + labels.len[f]
    for (let k = from; k < to; k++) {
      const o = pool[k]
      if (o < N) continue
      const j = o - N
      const m2 = a2 * scale[j]
      beatM2[j] += m2
      for (let m = from; m < to; m++) {
        const n = pool[m]
        if (n < N) pairM2[j].set(n, (pairM2[j].get(n) ?? 0) + m2)
      }
    }
  }
  return { beatM2, pairM2 }
}

/**
 * How each CAD beat lies on the plan's neighborhoods. A beat is split when the ground outside its
 * largest neighborhood, inside other neighborhoods, is more than `tolerance` of its area: ground
 * outside every neighborhood (beyond the city limit) is reported but does not split it. The
 * same for Area Commands. With calls, each part also carries the calls located in it.
 */
export function nestBeats(beats: CadBeat[], plan: Pick<PlanState, 'areas' | 'neighborhoods'>, opts: { tolerance?: number; calls?: CallPoint[] } = {}): NestingReport {
  const tolerance = opts.tolerance ?? DEFAULT_NESTING_TOLERANCE
  const areaName = new Map(plan.areas.map((a) => [a.id, a.name]))

  // Calls: [beat] -> neighborhood index (-1: none) -> count.
  let callTally: Map<number, number>[] | null = null
  if (opts.calls) {
    callTally = beats.map(() => new Map<number, number>())
    const beatLayer = buildLayer(beats)
    const where = createPointIndex(plan)
    const out = new Int32Array(2)
    for (const c of opts.calls) {
      const b = find(beatLayer, c.lon, c.lat)
      if (b < 0) continue
      where.locateIndexes(c.lon, c.lat, out)
      callTally[b].set(out[0], (callTally[b].get(out[0]) ?? 0) + 1)
    }
  }

  const { beatM2, pairM2 } = overlayAreas(beats, plan.neighborhoods)
  const nested = beats.map((beat, bi): NestedBeat => {
    const total = beatM2[bi]
    const tally = callTally?.[bi] ?? null
    const beatCalls = tally ? [...tally.values()].reduce((s, v) => s + v, 0) : null
    const parts: NestPart[] = []
    const ids = new Set<number>([...pairM2[bi].keys(), ...(tally ? [...tally.keys()].filter((k) => k >= 0) : [])])
    for (const i of ids) {
      const n = plan.neighborhoods[i]
      const m2 = Math.max(0, pairM2[bi].get(i) ?? 0)
      const calls = tally ? (tally.get(i) ?? 0) : null
      parts.push({
        neighborhoodId: n.id,
        neighborhoodName: n.name,
        areaId: n.areaId,
        areaName: areaName.get(n.areaId) ?? n.areaId,
        areaM2: m2,
        share: total > 0 ? m2 / total : 0,
        calls,
        callShare: calls !== null && beatCalls ? calls / beatCalls : null,
      })
    }
    // Largest first; parts equal but for float noise (a 50/50 split) by id, so the order is stable.
    parts.sort((a, b) => (Math.abs(b.areaM2 - a.areaM2) > 1e-9 * total ? b.areaM2 - a.areaM2 : a.neighborhoodId < b.neighborhoodId ? -1 : 1))
    const inNbs = parts.reduce((s, p) => s + p.areaM2, 0)
    const byArea = new Map<string, number>()
    for (const p of parts) byArea.set(p.areaId, (byArea.get(p.areaId) ?? 0) + p.areaM2)
    const biggestArea = Math.max(0, ...byArea.values())
    const splitShare = total > 0 && parts.length ? (inNbs - parts[0].areaM2) / total : 0
    const areaSplitShare = total > 0 ? (inNbs - biggestArea) / total : 0
    const outsideM2 = Math.max(0, total - inNbs)
    return {
      id: beat.id,
      areaM2: total,
      parts,
      outsideM2,
      outsideShare: total > 0 ? outsideM2 / total : 0,
      calls: beatCalls,
      splitShare,
      split: splitShare > tolerance,
      areaSplitShare,
      areaSplit: areaSplitShare > tolerance,
    }
  })
  return { tolerance, beats: nested, split: nested.filter((b) => b.split).map((b) => b.id), areaSplit: nested.filter((b) => b.areaSplit).map((b) => b.id) }
}

const cell = (v: string | number | null): string => (typeof v === 'number' ? String(v) : csvCell(defuseFormula(v ?? '')))

/**
 * The crosswalk for the CAD administrator: one row per part of a CAD beat (beat → neighborhood →
 * Area Command), with the share of the beat's area and of its calls; a beat's ground outside
 * every neighborhood is a row with empty neighborhood and area. Beats in the layer's order.
 */
export function crosswalkCsv(r: NestingReport): string {
  const rows: (string | number | null)[][] = [['cad_beat', 'neighborhood_id', 'neighborhood', 'area_command_id', 'area_command', 'area_share', 'area_m2', 'calls', 'call_share', 'beat_split']]
  const f = (x: number) => Number(x.toFixed(6))
  for (const b of r.beats) {
    for (const p of b.parts) rows.push([b.id, p.neighborhoodId, p.neighborhoodName, p.areaId, p.areaName, f(p.share), Math.round(p.areaM2), p.calls, p.callShare === null ? null : f(p.callShare), b.split ? 'yes' : 'no'])
    if (b.outsideShare > 0.000001 || b.parts.length === 0) rows.push([b.id, '', '', '', '', f(b.outsideShare), Math.round(b.outsideM2), null, null, b.split ? 'yes' : 'no'])
  }
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`
}
