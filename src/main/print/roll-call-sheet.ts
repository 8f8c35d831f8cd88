import type { AreaCommand, AreaGeometry, Neighborhood, Officer, PlanState } from '../../shared/domain'
import type { Units } from '../../shared/units/format'

export const PAPERS = ['letter', 'a4'] as const
export type Paper = (typeof PAPERS)[number]

/** Landscape page sizes in PDF points (1/72 in): US Letter 11 × 8.5 in, ISO A4 297 × 210 mm. */
export const PAPER_SIZE: Record<Paper, [number, number]> = { letter: [792, 612], a4: [841.89, 595.28] }

export interface SheetNeighborhood {
  id: string
  name: string
  /** Fill colour, #rrggbb. */
  color: string
  geometry: AreaGeometry
  /** One line per adopting officer, ordered by shift then name: "Officer J. Doe — Day". */
  officers: string[]
}

/** Everything printed on one area's roll-call page, already put into words. */
export interface RollCallSheet {
  title: string
  areaId: string
  areaGeometry: AreaGeometry
  neighborhoods: SheetNeighborhood[]
  commander: string
  /** 'Plan version 3, effective 2026-11-01' or 'Draft of 2026-12-04 (changed since version 3)'. */
  planLine: string
  printedOn: string
  department: string
  /** Officers of the area who adopt no neighborhood yet, same wording as the adopters. */
  notAdopting: string[]
  units: Units
}

/** Okabe–Ito hues, used when a neighborhood has no colour of its own; neighbours get different ones. */
const PALETTE = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#999999']

const HEX = /^#[0-9a-f]{6}$/i

/** Neighborhoods that share a boundary: they share at least two vertices (shared edges hold identical coordinates). */
function neighbours(hoods: Neighborhood[]): Set<number>[] {
  const byVertex = new Map<string, number[]>()
  hoods.forEach((n, i) => {
    const seen = new Set<string>()
    for (const poly of n.geometry.type === 'Polygon' ? [n.geometry.coordinates] : n.geometry.coordinates)
      for (const ring of poly) for (const c of ring) seen.add(`${c[0]},${c[1]}`)
    for (const k of seen) byVertex.set(k, [...(byVertex.get(k) ?? []), i])
  })
  const shared = new Map<string, number>()
  for (const ids of byVertex.values()) for (const a of ids) for (const b of ids) if (a < b) shared.set(`${a},${b}`, (shared.get(`${a},${b}`) ?? 0) + 1)
  const out = hoods.map(() => new Set<number>())
  for (const [k, count] of shared) {
    if (count < 2) continue
    const [a, b] = k.split(',').map(Number)
    out[a].add(b)
    out[b].add(a)
  }
  return out
}

/** Each neighborhood's own colour, else the first palette hue none of its neighbours has, so adjoining ones differ. */
function fillColors(hoods: Neighborhood[]): string[] {
  const adj = neighbours(hoods)
  const colors: string[] = []
  hoods.forEach((n, i) => {
    if (n.color && HEX.test(n.color)) return void (colors[i] = n.color)
    const taken = new Set([...adj[i]].map((j) => colors[j]).filter(Boolean))
    colors[i] = PALETTE.find((c) => !taken.has(c)) ?? PALETTE[i % PALETTE.length]
  })
  return colors
}

function officerLine(o: Officer): string {
  const who = [o.rank, o.displayName].filter((s) => s.trim()).join(' ')
  const status = o.status === 'leave' ? ' (on leave)' : o.status === 'vacant' ? ' (vacant position)' : ''
  return `${who}${o.shift.trim() ? ` — ${o.shift.trim()}` : ''}${status}`
}

/** Shift first (so a roll call reads its own shift in one block), then name. */
function byShiftThenName(a: Officer, b: Officer): number {
  return a.shift.localeCompare(b.shift) || a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id)
}

export interface SheetMeta {
  /** Latest published version, and whether the draft still equals it. */
  published: { number: number; effectiveDate: string } | null
  draftChanged: boolean
  /** Local calendar date the sheet is printed, YYYY-MM-DD. */
  today: string
  department: string
  units: Units
}

export function rollCallSheet(plan: PlanState, area: AreaCommand, meta: SheetMeta): RollCallSheet {
  const hoods: Neighborhood[] = plan.neighborhoods.filter((n) => n.areaId === area.id).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  const inHood = new Map<string, Officer[]>()
  const notAdopting: Officer[] = []
  const hoodIds = new Set(hoods.map((n) => n.id))
  for (const o of plan.officers) {
    if (o.id === area.commanderId) continue
    if (o.neighborhoodId && hoodIds.has(o.neighborhoodId)) inHood.set(o.neighborhoodId, [...(inHood.get(o.neighborhoodId) ?? []), o])
    else if (o.areaId === area.id && !o.neighborhoodId) notAdopting.push(o)
  }
  const colors = fillColors(hoods)
  const commander = plan.officers.find((o) => o.id === area.commanderId)
  const planLine = meta.published && !meta.draftChanged
    ? `Plan version ${meta.published.number}, effective ${meta.published.effectiveDate}`
    : `Draft of ${meta.today} (${meta.published ? `changed since version ${meta.published.number}` : 'not yet published'})`
  // The public page's wording: 'Northeast' becomes 'Northeast Area', 'Central Area' stays.
  const areaName = /\barea$/i.test(area.name.trim()) ? area.name.trim() : `${area.name.trim()} Area`
  return {
    title: `${areaName} Command — roll-call map`,
    areaId: area.id,
    areaGeometry: area.geometry,
    neighborhoods: hoods.map((n, i) => ({
      id: n.id,
      name: n.name,
      color: colors[i],
      geometry: n.geometry,
      officers: (inHood.get(n.id) ?? []).sort(byShiftThenName).map(officerLine),
    })),
    commander: commander ? [commander.rank, commander.displayName].filter((s) => s.trim()).join(' ') : 'not assigned',
    planLine,
    printedOn: meta.today,
    department: meta.department,
    notAdopting: notAdopting.sort(byShiftThenName).map(officerLine),
    units: meta.units,
  }
}
