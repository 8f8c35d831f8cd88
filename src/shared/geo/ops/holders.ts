import type { AreaGeometry, PlanState } from '../../domain'

/** Anything in a plan that owns a boundary: vertices shared between holders must stay identical. */
export interface Holder {
  entity: 'neighborhood' | 'area' | 'city'
  id: string
  name: string
  geometry: AreaGeometry
}

export const holderKey = (h: { entity: string; id: string }): string => `${h.entity}:${h.id}`

export function holdersOf(plan: PlanState): Holder[] {
  const out: Holder[] = plan.neighborhoods.map((n) => ({ entity: 'neighborhood' as const, id: n.id, name: n.name, geometry: n.geometry }))
  for (const a of plan.areas) out.push({ entity: 'area', id: a.id, name: a.name, geometry: a.geometry })
  if (plan.city) out.push({ entity: 'city', id: 'city', name: plan.city.name, geometry: plan.city.geometry })
  return out
}

/** Names in a label: "Springtown", "Springtown, Vasco", "Springtown, Vasco and 3 more". */
export function nameList(names: string[]): string {
  const uniq = [...new Set(names)]
  return uniq.length <= 3 ? uniq.join(', ') : `${uniq.slice(0, 2).join(', ')} and ${uniq.length - 2} more`
}
