import type { AreaCommand, Officer } from './entities'
import { showList } from '../text/bounded'

/**
 * A vacancy: a neighborhood with no active adopting officer, because no one adopts it, its post
 * is vacant, or everyone who adopts it is on leave. Residents are then given someone who
 * covers it, chosen by the department: the area's sergeant or the Area Commander.
 */
export const VACANCY_COVERS = ['commander', 'sergeant'] as const
export type VacancyCoverChoice = (typeof VACANCY_COVERS)[number]

export interface VacancyFallback {
  /** Who covers a vacant neighborhood: the Area Commander, or the sergeant named for its area. */
  cover: VacancyCoverChoice
  /** With 'sergeant': per Area Command id, the officer id of the sergeant who covers its vacant neighborhoods. */
  sergeants: Record<string, string>
}

export const DEFAULT_VACANCY_FALLBACK: VacancyFallback = { cover: 'commander', sergeants: {} }

/** Only an officer at work is a contact residents are given: not one on leave, not a vacant post. */
export function isActiveOfficer(o: Officer): boolean {
  return o.status === 'active'
}

/**
 * Who actually covers a vacant neighborhood of `area`: the chosen sergeant while active in that
 * area, else the Area Commander while active, else nobody (the department's non-emergency line).
 */
export type VacancyCover =
  | { role: 'sergeant' | 'commander'; officer: Officer }
  | { role: 'department'; officer: null }

export function vacancyCoverOf(area: AreaCommand | undefined, fallback: VacancyFallback | undefined, officers: Map<string, Officer>): VacancyCover {
  if (!area) return { role: 'department', officer: null }
  const f = fallback ?? DEFAULT_VACANCY_FALLBACK
  if (f.cover === 'sergeant') {
    const id = f.sergeants?.[area.id]
    const sgt = id ? officers.get(id) : undefined
    if (sgt && isActiveOfficer(sgt) && sgt.areaId === area.id) return { role: 'sergeant', officer: sgt }
  }
  const cmd = area.commanderId ? officers.get(area.commanderId) : undefined
  if (cmd && isActiveOfficer(cmd)) return { role: 'commander', officer: cmd }
  return { role: 'department', officer: null }
}

/** The cover in words, for a finding: "Sgt. J. Lee (the area's sergeant)". */
export function vacancyCoverText(c: VacancyCover): string {
  if (c.role === 'department') return "the department's non-emergency line (no active Area Commander)"
  const who = [c.officer.rank, c.officer.displayName].filter((s) => s && s.trim() !== '').join(' ')
  return `${who} (${c.role === 'sergeant' ? "the area's sergeant" : 'Area Commander'})`
}

/**
 * Officers adopting each neighborhood that has no active adopter: [] when no one adopts it
 * (or only vacant posts do), the officers on leave otherwise. Neighborhoods with an active adopter are absent.
 */
export function vacantNeighborhoods(neighborhoodIds: Iterable<string>, officers: Officer[]): Map<string, Officer[]> {
  const active = new Set<string>()
  const onLeave = new Map<string, Officer[]>()
  for (const o of officers) {
    if (!o.neighborhoodId) continue
    if (isActiveOfficer(o)) active.add(o.neighborhoodId)
    else if (o.status === 'leave') onLeave.set(o.neighborhoodId, [...(onLeave.get(o.neighborhoodId) ?? []), o])
  }
  const out = new Map<string, Officer[]>()
  for (const id of neighborhoodIds) if (!active.has(id)) out.set(id, onLeave.get(id) ?? [])
  return out
}

/**
 * What is wrong with a vacancy setting for this roster, one sentence each naming the Area
 * Command and the officer; [] when it can be stored.
 */
export function vacancyFallbackProblems(f: VacancyFallback, areas: AreaCommand[], officers: Officer[]): string[] {
  const out: string[] = []
  if (!f || typeof f !== 'object') return ['Vacancy cover: the setting is missing']
  if (!VACANCY_COVERS.includes(f.cover)) out.push(`Vacancy cover: "${String(f.cover)}" is neither "commander" nor "sergeant"`)
  const areaById = new Map(areas.map((a) => [a.id, a]))
  const officerById = new Map(officers.map((o) => [o.id, o]))
  for (const [areaId, officerId] of Object.entries(f.sergeants ?? {})) {
    const area = areaById.get(areaId)
    if (!area) {
      out.push(`Vacancy cover: there is no Area Command "${areaId}" in the plan`)
      continue
    }
    const o = officerById.get(officerId)
    const what = `Vacancy cover for Area Command ${area.name}`
    if (!o) out.push(`${what}: officer "${officerId}" is not on the roster`)
    else if (o.status === 'vacant') out.push(`${what}: ${o.displayName} is a vacant post, not a person residents can call`)
    else if (o.status === 'leave') out.push(`${what}: ${o.rank} ${o.displayName} is on leave; choose an active sergeant`)
    else if (o.areaId !== area.id) out.push(`${what}: ${o.rank} ${o.displayName} serves in ${areaById.get(o.areaId ?? '')?.name ?? 'no Area Command'}, not ${area.name}`)
  }
  if (f.cover === 'sergeant') {
    const missing = areas.filter((a) => !f.sergeants?.[a.id]).map((a) => a.name)
    if (missing.length) out.push(`Vacancy cover: choose the sergeant who covers the vacant neighborhoods of ${showList(missing, 20, 200)} (or let the Area Commander cover them)`)
  }
  return out
}
