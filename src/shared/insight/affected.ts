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
 * The affected addresses as columns: which address points (their row numbers, in the order
 * given) and the two plans' answers for them. An entry is made into an AffectedPoint only when
 * asked for (`at`, `toArray`), so a city's 100,000 affected addresses are one typed array until
 * they are written. `length` and `at(k)` as an array has them; JSON.stringify writes the entries.
 */
export class AffectedList {
  private entries: AffectedPoint[] | null = null

  constructor(
    private readonly pts: AddressPoints,
    /** Row number (position in `pts`) of each entry. */
    private readonly rows: Int32Array,
    private readonly located: { from: Located; to: Located },
    private readonly sides: { from: SideOf; to: SideOf },
  ) {}

  get length(): number {
    return this.rows.length
  }

  /** Entry k (a negative k counts from the end, as Array.prototype.at); a new object each time unless toArray made them. */
  at(k: number): AffectedPoint | undefined {
    const j = k < 0 ? k + this.rows.length : k
    if (!(j >= 0 && j < this.rows.length)) return undefined
    return this.entries ? this.entries[j] : this.entry(this.rows[j])
  }

  /** Every entry as an object, made once. */
  toArray(): AffectedPoint[] {
    if (!this.entries) {
      const out = new Array<AffectedPoint>(this.rows.length)
      for (let k = 0; k < out.length; k++) out[k] = this.entry(this.rows[k])
      this.entries = out
    }
    return this.entries
  }

  /** Each side by its positions (neighborhood, area) rather than by ids: no map lookups per entry. */
  private readonly sideAt = { from: [] as AffectedSide[], to: [] as AffectedSide[] }

  private side(which: 'from' | 'to', i: number): AffectedSide {
    const l = this.located[which]
    const nb = l.nb[i]
    const area = l.area[i]
    const k = (nb + 1) * (l.areaIds.length + 1) + area + 1
    const known = this.sideAt[which]
    return (known[k] ??= this.sides[which](nb >= 0 ? l.nbIds[nb] : null, area >= 0 ? l.areaIds[area] : null))
  }

  private entry(i: number): AffectedPoint {
    return { address: this.pts.address.at(i)!, lon: this.pts.lon[i], lat: this.pts.lat[i], from: this.side('from', i), to: this.side('to', i) }
  }

  toJSON(): AffectedPoint[] {
    return this.toArray()
  }
}

type SideOf = ReturnType<typeof sideOf>

/**
 * The address points whose neighborhood, Area Command or officers change from one plan to the
 * other, in the order given. Officers are compared as people (ids), so a renamed officer does
 * not make anyone "affected"; a point outside both plans is not listed.
 */
export function affectedList(from: PlanState, to: PlanState, pts: AddressPoints, at: { from: Located; to: Located }): AffectedList {
  const before = officersByNeighborhood(from.officers)
  const after = officersByNeighborhood(to.officers)
  const { nb: nbA, area: areaA, nbIds: nbIdsA, areaIds: areaIdsA } = at.from
  const { nb: nbB, area: areaB, nbIds: nbIdsB, areaIds: areaIdsB } = at.to
  // Each earlier position's id as a later position (-2: not among the later ids), so that "the
  // same neighborhood (area)" is one comparison of numbers; -1 (none) stays -1.
  const sameNb = samePositions(nbIdsA, nbIdsB)
  const sameArea = samePositions(areaIdsA, areaIdsB)
  // Whether a neighborhood keeps its officers, once per neighborhood rather than once per point (0: not asked yet).
  const keeps = new Int8Array(nbIdsA.length)
  let rows = new Int32Array(1024)
  let count = 0
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
    if (count === rows.length) {
      const more = new Int32Array(2 * rows.length)
      more.set(rows)
      rows = more
    }
    rows[count++] = i
  }
  return new AffectedList(pts, rows.slice(0, count), at, { from: sideOf(from.officers, before), to: sideOf(to.officers, after) })
}

/** affectedList as objects, one per entry (what the app's window holds and draws). */
export function affectedPoints(from: PlanState, to: PlanState, pts: AddressPoints, at: { from: Located; to: Located }): AffectedPoint[] {
  return affectedList(from, to, pts, at).toArray()
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
 * formula are defused. Each side's cells (and each pair's change words) are written once per
 * side object, which entries share.
 */
export function affectedToCsv(list: AffectedPoint[] | AffectedList, names: { from: PlanState; to: PlanState }): string {
  const cell = (v: string | number | null) => (typeof v === 'number' ? String(v) : csvCell(defuseFormula(v ?? '')))
  const sideCells = (plan: PlanState) => {
    const nameOf = new Map(plan.neighborhoods.map((n) => [n.id, n.name]))
    const memo = new Map<AffectedSide, string>()
    return (s: AffectedSide): string => {
      let text = memo.get(s)
      if (text === undefined) {
        text = [s.area, s.neighborhood, s.neighborhood === null ? null : nameOf.get(s.neighborhood) ?? null, s.officers.join('; ')].map(cell).join(',')
        memo.set(s, text)
      }
      return text
    }
  }
  const fromCells = sideCells(names.from)
  const toCells = sideCells(names.to)
  const change = new Map<AffectedSide, Map<AffectedSide, string>>()
  const rows = [HEADER.join(',')]
  for (let k = 0; k < list.length; k++) {
    const p = list.at(k)!
    let byTo = change.get(p.from)
    if (!byTo) change.set(p.from, (byTo = new Map()))
    let words = byTo.get(p.to)
    if (words === undefined) byTo.set(p.to, (words = cell(changeWords(p))))
    rows.push(`${cell(p.address)},${cell(p.lon)},${cell(p.lat)},${words},${fromCells(p.from)},${toCells(p.to)}`)
  }
  return rows.join('\r\n') + '\r\n'
}
