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
  /** Shared between entries with the same neighborhood and area on that side, read only. */
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

/**
 * One plan's side of an entry, made once per neighborhood and area (many points share them, and
 * thousands of affected addresses need not make thousands of equal objects): the officers' names
 * worked out once per neighborhood.
 */
function sideOf(officers: Officer[], byNb: Map<string, string[]>): (nb: string | null, area: string | null) => AffectedSide {
  const byId = new Map(officers.map((o) => [o.id, o]))
  const names = new Map<string | null, string[]>()
  const sides = new Map<string | null, Map<string | null, AffectedSide>>()
  return (nb, area) => {
    let byArea = sides.get(nb)
    if (!byArea) sides.set(nb, (byArea = new Map()))
    let side = byArea.get(area)
    if (!side) {
      let officerNames = names.get(nb)
      if (!officerNames) {
        officerNames = (nb === null ? [] : byNb.get(nb) ?? []).map((id) => byId.get(id)!).map((o) => `${o.rank} ${o.displayName}`.trim()).sort()
        names.set(nb, officerNames)
      }
      byArea.set(area, (side = { neighborhood: nb, area, officers: officerNames }))
    }
    return side
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
  const sideBefore = sideOf(from.officers, before)
  const sideAfter = sideOf(to.officers, after)
  const { nb: nbA, area: areaA, nbIds: nbIdsA, areaIds: areaIdsA } = at.from
  const { nb: nbB, area: areaB, nbIds: nbIdsB, areaIds: areaIdsB } = at.to
  // Each earlier position's id as a later position (-2: not among the later ids), so that "the
  // same neighborhood (area)" is one comparison of numbers; -1 (none) stays -1.
  const sameNb = samePositions(nbIdsA, nbIdsB)
  const sameArea = samePositions(areaIdsA, areaIdsB)
  // Whether a neighborhood keeps its officers, once per neighborhood rather than once per point (0: not asked yet).
  const keeps = new Int8Array(nbIdsA.length)
  const out: AffectedPoint[] = []
  const n = nbA.length
  for (let i = 0; i < n; i++) {
    const a = nbA[i]
    const b = nbB[i]
    const x = areaA[i]
    const y = areaB[i]
    if ((a < 0 ? b === -1 : sameNb[a] === b) && (x < 0 ? y === -1 : sameArea[x] === y)) {
      if (a < 0) continue
      if (keeps[a] === 0) keeps[a] = sameList(before.get(nbIdsA[a]), after.get(nbIdsA[a])) ? 1 : -1
      if (keeps[a] === 1) continue
    }
    const idA = a >= 0 ? nbIdsA[a] : null
    const idB = b >= 0 ? nbIdsB[b] : null
    out.push({
      address: pts.address.at(i)!,
      lon: pts.lon[i],
      lat: pts.lat[i],
      from: sideBefore(idA, x >= 0 ? areaIdsA[x] : null),
      to: sideAfter(idB, y >= 0 ? areaIdsB[y] : null),
    })
  }
  return out
}

/** Position in `later` of each id in `earlier`, -2 where `later` does not have it. */
function samePositions(earlier: string[], later: string[]): Int32Array {
  const at = new Map(later.map((id, k) => [id, k]))
  return Int32Array.from(earlier, (id) => at.get(id) ?? -2)
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
