import { area } from '@turf/area'
import { feature } from '@turf/helpers'
import { difference, type Geom } from 'polyclip-ts'
import type { AreaGeometry, MultiPolygon, Neighborhood, Officer, PlanState } from '../domain'
import { compareIds, uniqueById } from './public-dataset'

export interface PlanDiff {
  neighborhoods: {
    added: { id: string; name: string; areaM2: number }[]
    removed: { id: string; name: string; areaM2: number }[]
    reshaped: { id: string; name: string; gainedM2: number; lostM2: number; geometryGained?: AreaGeometry; geometryLost?: AreaGeometry }[]
    renamed: { id: string; from: string; to: string }[]
  }
  officers: {
    id: string
    name: string
    fromNeighborhoodId: string | null
    toNeighborhoodId: string | null
    fromAreaId: string | null
    toAreaId: string | null
  }[]
}

function geodesicM2(g: AreaGeometry): number {
  return area(feature(g))
}

function asGeom(g: AreaGeometry): Geom {
  return g.coordinates as Geom
}

/** Part of `a` not in `b`, or undefined when nothing (or only dust from float noise) is left. */
function minus(a: AreaGeometry, b: AreaGeometry): { geometry?: AreaGeometry; m2: number } {
  const parts = difference(asGeom(a), asGeom(b))
  if (parts.length === 0) return { m2: 0 }
  const geometry: MultiPolygon = { type: 'MultiPolygon', coordinates: parts }
  return { geometry, m2: geodesicM2(geometry) }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100
}

/**
 * What changed between two plans, for the review screen before publishing and the
 * change notice to residents. Shapes are compared only where the stored geometry
 * differs, so an unchanged plan costs no polygon clipping.
 */
export function diffPlans(from: PlanState, to: PlanState): PlanDiff {
  const a = uniqueById<Neighborhood>(from.neighborhoods, 'neighborhood (from plan)')
  const b = uniqueById<Neighborhood>(to.neighborhoods, 'neighborhood (to plan)')
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort(compareIds)
  const out: PlanDiff = { neighborhoods: { added: [], removed: [], reshaped: [], renamed: [] }, officers: [] }
  for (const id of ids) {
    const x = a.get(id)
    const y = b.get(id)
    if (!x && y) out.neighborhoods.added.push({ id, name: y.name, areaM2: round2(geodesicM2(y.geometry)) })
    else if (x && !y) out.neighborhoods.removed.push({ id, name: x.name, areaM2: round2(geodesicM2(x.geometry)) })
    else if (x && y) {
      if (x.name !== y.name) out.neighborhoods.renamed.push({ id, from: x.name, to: y.name })
      if (JSON.stringify(x.geometry) !== JSON.stringify(y.geometry)) {
        let gained: ReturnType<typeof minus>
        let lost: ReturnType<typeof minus>
        try {
          gained = minus(y.geometry, x.geometry)
          lost = minus(x.geometry, y.geometry)
        } catch (e) {
          throw new Error(`neighborhood "${id}": cannot compare its old and new shapes (${(e as Error).message})`)
        }
        // Same shape written differently (ring start, winding): nothing to tell the reviewer.
        if (!gained.geometry && !lost.geometry) continue
        const r: PlanDiff['neighborhoods']['reshaped'][number] = { id, name: y.name, gainedM2: round2(gained.m2), lostM2: round2(lost.m2) }
        if (gained.geometry) r.geometryGained = gained.geometry
        if (lost.geometry) r.geometryLost = lost.geometry
        out.neighborhoods.reshaped.push(r)
      }
    }
  }
  const oa = uniqueById<Officer>(from.officers, 'officer (from plan)')
  const ob = uniqueById<Officer>(to.officers, 'officer (to plan)')
  for (const id of [...new Set([...oa.keys(), ...ob.keys()])].sort(compareIds)) {
    const x = oa.get(id)
    const y = ob.get(id)
    const row = {
      id,
      name: (y ?? x)!.displayName,
      fromNeighborhoodId: x?.neighborhoodId ?? null,
      toNeighborhoodId: y?.neighborhoodId ?? null,
      fromAreaId: x?.areaId ?? null,
      toAreaId: y?.areaId ?? null,
    }
    if (!x || !y || row.fromNeighborhoodId !== row.toNeighborhoodId || row.fromAreaId !== row.toAreaId) out.officers.push(row)
  }
  return out
}

/** Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula; a leading ' keeps it text. */
function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

const CSV_HEADER = ['change', 'kind', 'id', 'name', 'from', 'to', 'area_m2', 'gained_m2', 'lost_m2']

/** One row per change, RFC 4180 (CRLF), for the change log a commander reviews in a spreadsheet. */
export function diffToCsv(d: PlanDiff): string {
  const rows: (string | number | null)[][] = [CSV_HEADER]
  const n = d.neighborhoods
  for (const r of n.added) rows.push(['added', 'neighborhood', r.id, r.name, null, null, r.areaM2, null, null])
  for (const r of n.removed) rows.push(['removed', 'neighborhood', r.id, r.name, null, null, r.areaM2, null, null])
  for (const r of n.reshaped) rows.push(['reshaped', 'neighborhood', r.id, r.name, null, null, null, r.gainedM2, r.lostM2])
  for (const r of n.renamed) rows.push(['renamed', 'neighborhood', r.id, r.to, r.from, r.to, null, null, null])
  for (const o of d.officers) {
    const from = o.fromNeighborhoodId ?? (o.fromAreaId ? `area ${o.fromAreaId}` : null)
    const to = o.toNeighborhoodId ?? (o.toAreaId ? `area ${o.toAreaId}` : null)
    const fromNb = o.fromNeighborhoodId
    const toNb = o.toNeighborhoodId
    const change = fromNb === toNb ? 'moved' : fromNb === null ? 'assigned' : toNb === null ? 'unassigned' : 'moved'
    rows.push([change, 'officer', o.id, o.name, from, to, null, null, null])
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
