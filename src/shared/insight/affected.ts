import type { Officer, PlanState } from '../domain'
import { csvCell, defuseFormula } from '../staffing/csv-rows'
import { officersByNeighborhood } from './continuity'
import type { Located } from './located-points'

export interface AffectedSide {
  /** Neighborhood id, or null outside every neighborhood. */
  neighborhood: string | null
  /** Area Command id, or null outside every area. */
  area: string | null
  /** Rank and name of each officer (a person, not a vacant post) adopting the neighborhood, sorted; shared between entries, read only. */
  officers: string[]
}

export interface AffectedPoint {
  address: string
  lon: number
  lat: number
  from: AffectedSide
  to: AffectedSide
}

export interface AddressPoints {
  /** Row i's address: an array of strings, or anything with `length` and `at(i)` (the CSV reader's AddressTexts makes each only when asked). */
  address: { readonly length: number; at(i: number): string | undefined }
  lon: ArrayLike<number>
  lat: ArrayLike<number>
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  const x = a ?? []
  const y = b ?? []
  return x.length === y.length && x.every((v, i) => v === y[i])
}

/** Names of a neighborhood's officers, worked out once per neighborhood (many points share them). */
function officerNames(officers: Officer[], byNb: Map<string, string[]>): (nb: string | null) => string[] {
  const byId = new Map(officers.map((o) => [o.id, o]))
  const memo = new Map<string | null, string[]>()
  return (nb) => {
    let names = memo.get(nb)
    if (!names) {
      names = (nb === null ? [] : byNb.get(nb) ?? []).map((id) => byId.get(id)!).map((o) => `${o.rank} ${o.displayName}`.trim()).sort()
      memo.set(nb, names)
    }
    return names
  }
}

/**
 * The address points whose neighborhood, Area Command or officers change from one plan to the
 * other, in the order given. Officers are compared as people (ids), so a renamed officer does
 * not make anyone "affected"; a point outside both plans is not listed.
 */
export function affectedPoints(from: PlanState, to: PlanState, pts: AddressPoints, at: { from: Located; to: Located }): AffectedPoint[] {
  const before = officersByNeighborhood(from.officers)
  const after = officersByNeighborhood(to.officers)
  const namesBefore = officerNames(from.officers, before)
  const namesAfter = officerNames(to.officers, after)
  // Whether a neighborhood keeps its officers, once per neighborhood rather than once per point.
  const keeps = new Map<string, boolean>()
  const out: AffectedPoint[] = []
  const { nb: nbA, area: areaA } = at.from
  const { nb: nbB, area: areaB } = at.to
  const n = nbA.length
  for (let i = 0; i < n; i++) {
    const a = nbA[i]
    const b = nbB[i]
    if (a === b && areaA[i] === areaB[i]) {
      if (a === null) continue
      let same = keeps.get(a)
      if (same === undefined) keeps.set(a, (same = sameList(before.get(a), after.get(a))))
      if (same) continue
    }
    out.push({
      address: pts.address.at(i)!,
      lon: pts.lon[i],
      lat: pts.lat[i],
      from: { neighborhood: a, area: areaA[i], officers: namesBefore(a) },
      to: { neighborhood: b, area: areaB[i], officers: namesAfter(b) },
    })
  }
  return out
}

/** What changed for one point, in words for the CSV's "change" column. */
export function changeWords(p: AffectedPoint): string {
  const w: string[] = []
  if (p.from.neighborhood !== p.to.neighborhood) w.push('neighborhood')
  if (p.from.area !== p.to.area) w.push('area')
  if (!sameList(p.from.officers, p.to.officers)) w.push('officers')
  return w.join(' ')
}

const HEADER = ['address', 'lon', 'lat', 'change', 'from_area', 'from_neighborhood', 'from_neighborhood_name', 'from_officers', 'to_area', 'to_neighborhood', 'to_neighborhood_name', 'to_officers']

/**
 * The affected list as RFC 4180 CSV (CRLF) for a mailing or a community meeting: one row per
 * address, names beside ids, officers joined with "; ". Cells a spreadsheet would run as a
 * formula are defused.
 */
export function affectedToCsv(list: AffectedPoint[], names: { from: PlanState; to: PlanState }): string {
  const nameFrom = new Map(names.from.neighborhoods.map((n) => [n.id, n.name]))
  const nameTo = new Map(names.to.neighborhoods.map((n) => [n.id, n.name]))
  const cell = (v: string | number | null) => (typeof v === 'number' ? String(v) : csvCell(defuseFormula(v ?? '')))
  const rows = [HEADER.join(',')]
  for (const p of list) {
    rows.push(
      [
        p.address, p.lon, p.lat, changeWords(p),
        p.from.area, p.from.neighborhood, p.from.neighborhood === null ? null : nameFrom.get(p.from.neighborhood) ?? null, p.from.officers.join('; '),
        p.to.area, p.to.neighborhood, p.to.neighborhood === null ? null : nameTo.get(p.to.neighborhood) ?? null, p.to.officers.join('; '),
      ].map(cell).join(','),
    )
  }
  return rows.join('\r\n') + '\r\n'
}
