import { stableStringify, type AreaCommand, type AreaGeometry, type ChangeOp, type CityLimit, type Neighborhood, type PlanState } from '../../shared/domain'
import type { ImportMode } from '../../shared/ipc/features/import-outputs'
import { showList, showValue } from '../../shared/text/bounded'
import { assignAreaColors, compareIds } from './import-colors'

/** One unit of the file, ready to become an Area Command or a neighborhood. */
export interface UnitIn {
  id: string
  name: string
  /** False when the file gave no name (the id stands in): an existing unit then keeps its name. */
  named: boolean
  /** Neighborhoods: the matched Area Command id. */
  parentId: string | null
  geometry: AreaGeometry
}

/** The change an import makes, before it is applied; `problems` non-empty means it must be refused. */
export interface ImportPlan {
  ops: ChangeOp[]
  added: string[]
  replaced: string[]
  unchanged: string[]
  removed: string[]
  unassigned: string[]
  problems: string[]
}

const same = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b)

const listIds = (ids: string[], max = 8): string => showList([...ids].sort(compareIds), max)

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

function existingProblem(ids: string[], what: string, flagHint: string): string[] {
  return ids.length === 0
    ? []
    : [`${plural(ids.length, `${what} id`)} in the file already ${ids.length === 1 ? 'exists' : 'exist'} in the plan (${listIds(ids)}); adding refuses existing ids, ${flagHint}`]
}

/**
 * Sorts units into added / replaced / unchanged against what is stored, via `merge` which
 * builds the row to store from the stored one (or null for a new unit).
 */
function diffUnits<T extends { id: string }>(
  stored: T[],
  units: UnitIn[],
  entity: 'area' | 'neighborhood',
  merge: (u: UnitIn, old: T | null) => T,
): Pick<ImportPlan, 'ops' | 'added' | 'replaced' | 'unchanged'> & { existing: string[] } {
  const byId = new Map(stored.map((r) => [r.id, r]))
  const out = { ops: [] as ChangeOp[], added: [] as string[], replaced: [] as string[], unchanged: [] as string[], existing: [] as string[] }
  for (const u of units) {
    const old = byId.get(u.id) ?? null
    const row = merge(u, old)
    if (old) out.existing.push(u.id)
    if (old && same(old, row)) out.unchanged.push(u.id)
    else {
      out.ops.push({ entity, id: u.id, before: old, after: row } as unknown as ChangeOp)
      ;(old ? out.replaced : out.added).push(u.id)
    }
  }
  return out
}

export function planAreaImport(plan: PlanState, units: UnitIn[], mode: ImportMode): ImportPlan {
  const incoming = new Set(units.map((u) => u.id))
  const kept = mode === 'add' ? plan.areas : plan.areas.filter((a) => incoming.has(a.id))
  const colors = assignAreaColors([...kept.map((a) => a.id), ...units.map((u) => u.id)], new Map(kept.map((a) => [a.id, a.color])))
  const diff = diffUnits<AreaCommand>(plan.areas, units, 'area', (u, old) => ({
    id: u.id,
    name: old && !u.named ? old.name : u.name,
    color: old?.color ?? colors.get(u.id)!,
    commanderId: old?.commanderId ?? null,
    geometry: u.geometry,
  }))
  const problems = mode === 'add' ? existingProblem(diff.existing, 'Area Command', 'import with replace to update them') : []
  const removed = mode === 'replace' ? plan.areas.filter((a) => !incoming.has(a.id)) : []
  if (removed.length > 0) {
    const inUse = removed
      .map((a) => {
        const hoods = plan.neighborhoods.filter((n) => n.areaId === a.id).length
        const officers = plan.officers.filter((o) => o.areaId === a.id).length
        const uses = [hoods ? plural(hoods, 'neighborhood') : '', officers ? plural(officers, 'officer') : ''].filter(Boolean).join(', ')
        return uses ? `${showValue(a.id)} (${uses})` : null
      })
      .filter((s): s is string => s !== null)
    if (inUse.length > 0) {
      problems.push(
        `Replacing the Area Commands would remove ${plural(inUse.length, 'area')} still in use: ${inUse.slice(0, 8).join('; ')}${inUse.length > 8 ? ` and ${inUse.length - 8} more` : ''}. Move or re-import those neighborhoods and officers first, or import with add`,
      )
    }
  }
  const removeOps: ChangeOp[] = removed.map((a) => ({ entity: 'area', id: a.id, before: a, after: null }))
  return { ...diff, ops: [...removeOps, ...diff.ops], removed: removed.map((a) => a.id), unassigned: [], problems }
}

export function planNeighborhoodImport(plan: PlanState, units: UnitIn[], mode: ImportMode): ImportPlan {
  const areaIds = new Set(plan.areas.map((a) => a.id))
  const orphans = units.filter((u) => u.parentId === null || !areaIds.has(u.parentId))
  const problems: string[] = orphans.length
    ? [`${plural(orphans.length, 'neighborhood')} name${orphans.length === 1 ? 's' : ''} no existing Area Command (${listIds(orphans.map((u) => u.id))}); import the Area Commands first`]
    : []
  const diff = diffUnits<Neighborhood>(plan.neighborhoods, units, 'neighborhood', (u, old) => ({
    id: u.id,
    areaId: u.parentId ?? '',
    name: old && !u.named ? old.name : u.name,
    color: old?.color ?? null,
    geometry: u.geometry,
  }))
  if (mode === 'add') problems.push(...existingProblem(diff.existing, 'neighborhood', 'import with replace to update them'))
  const incoming = new Set(units.map((u) => u.id))
  const removed = mode === 'replace' ? plan.neighborhoods.filter((n) => !incoming.has(n.id)) : []
  const gone = new Set(removed.map((n) => n.id))
  // An officer whose neighborhood disappears keeps the area and becomes unassigned, in the same step.
  const orphaned = plan.officers.filter((o) => o.neighborhoodId !== null && gone.has(o.neighborhoodId))
  const ops: ChangeOp[] = [
    ...orphaned.map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: o, after: { ...o, neighborhoodId: null } })),
    ...removed.map((n): ChangeOp => ({ entity: 'neighborhood', id: n.id, before: n, after: null })),
    ...diff.ops,
  ]
  return { ...diff, ops, removed: removed.map((n) => n.id), unassigned: orphaned.map((o) => o.id), problems }
}

export function planCityImport(plan: PlanState, city: CityLimit, mode: ImportMode): ImportPlan {
  const old = plan.city
  const problems = mode === 'add' && old ? [`The plan already has a city limit (${showValue(old.name)}); import it with replace to change it`] : []
  const changed = !old || !same(old, city)
  return {
    ops: changed ? [{ entity: 'city', id: 'city', before: old, after: city }] : [],
    added: old ? [] : ['city'],
    replaced: old && changed ? ['city'] : [],
    unchanged: old && !changed ? ['city'] : [],
    removed: [],
    unassigned: [],
    problems,
  }
}
