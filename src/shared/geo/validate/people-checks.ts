import type { Finding, Neighborhood, Officer, PlanState, Severity, Tolerances } from '../../domain'
import { vacancyCoverOf, vacancyCoverText, vacantNeighborhoods } from '../../domain/vacancy'
import { plainFinding } from './finding-build'
import { GRID } from '../kernel'
import { shapeOf } from './shape'
import { showList } from '../../text/bounded'

function anchorOf(g: { type: string } | undefined | null): [number, number] | null {
  if (!g) return null
  try {
    const s = shapeOf(g as never)
    if (!s.rings.length) return null
    return [s.rings[0].xs[0] / GRID, s.rings[0].ys[0] / GRID]
  } catch {
    return null
  }
}

/** What an "unassigned" finding is made from, and the finding. */
interface Unassigned {
  severity: Severity
  areaId: string | null | undefined
  name: string
  /** Why it is vacant and who covers it, in words. */
  why: string
  geometry: unknown
  at: [number, number] | null
  finding: Finding
}

/**
 * Findings of the last run by what they were made from, so a validator does not rebuild a
 * thousand unchanged "no adopting officer" findings after each edit; keeps only what the
 * latest run used. Compared field by field (no key strings: an edit re-checks every
 * neighborhood, and formatting two coordinates each was a good part of a re-check).
 */
export class PeopleMemo {
  private prev = new Map<string, Unassigned>()
  private next = new Map<string, Unassigned>()
  unassigned(n: Neighborhood, severity: Severity, why: string): Finding {
    const old = this.prev.get(n.id)
    let e: Unassigned
    const same = (u: Unassigned) => u.severity === severity && u.areaId === n.areaId && u.name === n.name && u.why === why
    if (old && same(old) && old.geometry === n.geometry) e = old
    else {
      const at = anchorOf(n.geometry)
      e = old && same(old) && sameAt(old.at, at)
        ? { ...old, geometry: n.geometry }
        : { severity, areaId: n.areaId, name: n.name, why, geometry: n.geometry, at, finding: unassignedFinding(n, severity, at, why) }
    }
    this.next.set(n.id, e)
    return e.finding
  }
  turn(): void {
    this.prev = this.next
    this.next = new Map()
  }
}

const sameAt = (a: [number, number] | null, b: [number, number] | null) => a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1])

function unassignedFinding(n: Neighborhood, severity: Severity, at: [number, number] | null, why: string): Finding {
  return plainFinding('unassigned-neighborhood', severity, { neighborhoodIds: [n.id], areaIds: n.areaId ? [n.areaId] : [] }, at, `${n.name} ${why}`)
}

/** "has no adopting officer; … covers it", or who is on leave, for a vacancy's finding. */
function vacancyWhy(onLeave: Officer[], cover: string): string {
  const names = onLeave.map((o) => o.displayName).sort()
  const what = !names.length
    ? 'has no adopting officer'
    : names.length === 1
      ? `has no active officer: ${names[0]}, who adopts it, is on leave`
      : `has no active officer: everyone who adopts it is on leave (${showList(names, 5, 60)})`
  return `${what}; ${cover} covers it on the public map`
}

/** Staffing rules: adoption, officers in the right area, one neighborhood per person, commanders. */
export function peopleFindings(plan: PlanState, tol: Tolerances, memo?: PeopleMemo): Finding[] {
  const out: Finding[] = []
  const nbById = new Map(plan.neighborhoods.map((n) => [n.id, n]))
  const areaById = new Map(plan.areas.map((a) => [a.id, a]))
  const officerIds = new Set(plan.officers.map((o) => o.id))
  // A vacancy: no active adopting officer (no one adopts it, only a vacant post does, or all who do are on leave).
  const vacant = vacantNeighborhoods(plan.neighborhoods.map((n) => n.id), plan.officers)
  const officerById = vacant.size ? new Map(plan.officers.map((o) => [o.id, o])) : new Map<string, Officer>()
  const coverText = new Map<string, string>()
  for (const n of plan.neighborhoods) {
    const onLeave = vacant.get(n.id)
    if (!onLeave) continue
    let cover = coverText.get(n.areaId)
    if (cover === undefined) {
      cover = vacancyCoverText(vacancyCoverOf(areaById.get(n.areaId), tol.vacancy, officerById))
      coverText.set(n.areaId, cover)
    }
    const severity = tol.unassignedIsError ? 'error' : 'warning'
    const why = vacancyWhy(onLeave, cover)
    out.push(memo ? memo.unassigned(n, severity, why) : unassignedFinding(n, severity, anchorOf(n.geometry), why))
  }
  for (const o of plan.officers) {
    if (!o.neighborhoodId) continue
    const n = nbById.get(o.neighborhoodId)
    if (!n || !o.areaId || n.areaId === o.areaId) continue
    const own = areaById.get(o.areaId)?.name ?? o.areaId
    const theirs = areaById.get(n.areaId)?.name ?? n.areaId
    out.push(plainFinding('officer-outside-area', 'error', { officerIds: [o.id], neighborhoodIds: [n.id], areaIds: [o.areaId, n.areaId] }, anchorOf(n.geometry), `${o.displayName} (Area Command ${own}) adopts ${n.name}, which is in Area Command ${theirs}`))
  }
  const byPerson = new Map<string, typeof plan.officers>()
  for (const o of plan.officers) {
    const emp = o.private?.employeeId?.trim()
    if (!emp || !o.neighborhoodId) continue
    const list = byPerson.get(emp) ?? []
    list.push(o)
    byPerson.set(emp, list)
  }
  for (const list of byPerson.values()) {
    const nbs = [...new Set(list.map((o) => o.neighborhoodId!))]
    if (nbs.length < 2) continue
    const names = nbs.map((id) => nbById.get(id)?.name ?? id).sort()
    out.push(plainFinding('officer-multiple', 'error', { officerIds: list.map((o) => o.id), neighborhoodIds: nbs }, null, `${list[0].displayName} adopts ${names.length} neighborhoods (${showList(names, 20, 120)}); an officer adopts at most one`))
  }
  for (const a of plan.areas) {
    if (a.commanderId && officerIds.has(a.commanderId)) continue
    out.push(plainFinding('no-commander', 'warning', { areaIds: [a.id] }, anchorOf(a.geometry), a.commanderId ? `Area Command ${a.name} names a commander (${a.commanderId}) who is not on the roster` : `Area Command ${a.name} has no commander`))
  }
  memo?.turn()
  return out
}
