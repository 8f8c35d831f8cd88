import type { ChangeOp, Finding, PlanState, Tolerances } from '../../domain'
import { DEFAULT_TOLERANCES } from '../../domain'
import type { GeoChange } from './geo-state'
import { PeopleMemo } from './people-checks'
import { assemble, newGeoState } from './run-checks'

export interface PlanValidator {
  findings(): Finding[]
  /** Re-check only what the ops touch (the changed neighborhoods/areas and their neighbours). Returns the full new list. */
  apply(ops: ChangeOp[]): Finding[]
  /** Findings that involve any of these neighborhood/area ids (for "re-check the touched region" in the editor). */
  findingsFor(ids: string[]): Finding[]
}

type Keyed = { id: string }
/** Marks a removed slot; removed slots are dropped in one pass at the end instead of a splice per op. */
const GONE: Keyed = { id: '' }

/**
 * The plan after the ops, in order: a replaced entity keeps its place, a new one goes to the
 * end, a deleted one leaves. Ids are looked up in a map built once per entity list, so a roster
 * import of 1,000,000 officers is linear (a search per op made it quadratic).
 */
export function applyOps(plan: PlanState, ops: ChangeOp[]): PlanState {
  const next: PlanState = { city: plan.city, areas: [...plan.areas], neighborhoods: [...plan.neighborhoods], officers: [...plan.officers] }
  const lists = { area: next.areas, neighborhood: next.neighborhoods, officer: next.officers } as Record<string, Keyed[]>
  const slots = new Map<Keyed[], Map<string, number>>()
  const holed = new Set<Keyed[]>()
  for (const op of ops) {
    if (op.entity === 'city') {
      next.city = op.after
      continue
    }
    const list = lists[op.entity]
    let at = slots.get(list)
    if (!at) {
      at = new Map()
      // The first of equal ids wins, as a search from the start would find it.
      for (let i = list.length - 1; i >= 0; i--) at.set(list[i].id, i)
      slots.set(list, at)
    }
    const i = at.get(op.id)
    if (op.after === null) {
      if (i === undefined) continue
      list[i] = GONE
      at.delete(op.id)
      holed.add(list)
    } else if (i !== undefined) list[i] = op.after
    else {
      at.set(op.id, list.length)
      list.push(op.after)
    }
  }
  for (const list of holed) {
    let w = 0
    for (const x of list) if (x !== GONE) list[w++] = x
    list.length = w
  }
  return next
}

function changeOf(ops: ChangeOp[]): GeoChange {
  const c: GeoChange = { city: false, areas: new Set(), nbs: new Set() }
  for (const op of ops) {
    if (op.entity === 'city') c.city = true
    else if (op.entity === 'area') c.areas.add(op.id)
    else if (op.entity === 'neighborhood') c.nbs.add(op.id)
  }
  return c
}

export function createValidator(plan: PlanState, tol?: Tolerances): PlanValidator {
  const t = { ...DEFAULT_TOLERANCES, ...tol }
  let state = plan
  const geo = newGeoState(state, t)
  const memo = new PeopleMemo()
  let current = assemble(state, geo, t, memo)
  return {
    findings: () => current,
    apply(ops) {
      const prev = state
      state = applyOps(state, ops)
      if (!geo.update(prev, state, changeOf(ops))) geo.build(state)
      current = assemble(state, geo, t, memo)
      return current
    },
    findingsFor(ids) {
      const want = new Set(ids)
      return current.filter((f) => f.areaIds.some((i) => want.has(i)) || f.neighborhoodIds.some((i) => want.has(i)))
    },
  }
}
