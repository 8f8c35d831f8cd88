import type { AreaGeometry, Neighborhood, PlanState } from '../../domain'
import { EditError } from '../../domain'

export function neighborhoodById(plan: PlanState, id: string): Neighborhood {
  const n = plan.neighborhoods.find((x) => x.id === id)
  if (!n) throw new EditError('unknown-neighborhood', `There is no neighborhood with id ${id}`)
  return n
}

export function checkName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw new EditError('bad-name', 'A neighborhood needs a name')
  if (trimmed.length > 80) throw new EditError('bad-name', `The name "${trimmed.slice(0, 20)}…" is longer than 80 characters`)
  return trimmed
}

export function checkColor(color: string | null): string | null {
  if (color !== null && !/^#[0-9a-fA-F]{6}$/.test(color))
    throw new EditError('bad-color', `The color ${color} is not of the form #rrggbb`)
  return color === null ? null : color.toLowerCase()
}

export function checkNewId(plan: PlanState, id: string): string {
  if (!id.trim()) throw new EditError('bad-id', 'The new neighborhood needs an id')
  if (plan.neighborhoods.some((n) => n.id === id)) throw new EditError('duplicate-id', `A neighborhood with id ${id} already exists`)
  return id
}

function edgeKeys(g: AreaGeometry): Set<string> {
  const keys = new Set<string>()
  for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    for (const ring of poly)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = `${ring[i][0]},${ring[i][1]}`, b = `${ring[i + 1][0]},${ring[i + 1][1]}`
        keys.add(a < b ? `${a};${b}` : `${b};${a}`)
      }
  return keys
}

/** Adjacent = same Area Command and at least one shared edge (vertices are shared exactly). */
export function checkAdjacent(a: Neighborhood, b: Neighborhood, verb: string): void {
  if (a.id === b.id) throw new EditError('same-neighborhood', `${a.name} cannot be ${verb} with itself`)
  if (a.areaId !== b.areaId)
    throw new EditError('different-areas', `${a.name} and ${b.name} are in different Area Commands: only neighborhoods of the same area can be ${verb}`)
  const ea = edgeKeys(a.geometry)
  for (const k of edgeKeys(b.geometry)) if (ea.has(k)) return
  throw new EditError('not-adjacent', `${a.name} and ${b.name} are not adjacent: only neighboring neighborhoods can be ${verb}`)
}
