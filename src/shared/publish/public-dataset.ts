import type { AreaCommand, AreaGeometry, Neighborhood, Officer, PlanState } from '../domain'
import { isActiveOfficer, VACANCY_COVERS, vacancyCoverOf, type VacancyFallback } from '../domain/vacancy'
import { toPublicGeometry } from './rfc7946-geometry'

export interface DepartmentContact {
  name: string
  address: string
  nonEmergencyPhone: string
  emergency: string
}

/** The sample city's own department (approximate Livermore): set when the sample is seeded, never lent to another plan. */
export const SAMPLE_DEPARTMENT: DepartmentContact = {
  name: 'Livermore Police Department',
  address: '1110 S Livermore Ave, Livermore, CA 94550',
  nonEmergencyPhone: '925-371-4900',
  emergency: '9-1-1',
}

/**
 * A new plan's department: no name and no phone until Administration sets them, so a city that
 * publishes without noticing cannot put another department's number on its public map.
 */
export const NO_DEPARTMENT: DepartmentContact = { name: '', address: '', nonEmergencyPhone: '', emergency: '9-1-1' }

/** The settings a department must have before anything is published, as the app and the CLI name them. */
export const REQUIRED_DEPARTMENT_FIELDS = [
  { key: 'name', label: "the department's name", flag: '--department-name' },
  { key: 'nonEmergencyPhone', label: "the department's non-emergency phone", flag: '--department-phone' },
] as const

/** The required department settings that are still empty, in a fixed order. */
export function missingDepartmentFields(d: DepartmentContact): (typeof REQUIRED_DEPARTMENT_FIELDS)[number][] {
  return REQUIRED_DEPARTMENT_FIELDS.filter((f) => typeof d?.[f.key] !== 'string' || d[f.key].trim() === '')
}

export interface PublishMeta {
  version: number
  /** YYYY-MM-DD */
  effectiveDate: string
  department: DepartmentContact
  /** Who covers a neighborhood without an active officer; absent: the Area Commander. */
  vacancy?: VacancyFallback
}

/** The only officer fields that may leave the building (domain.md, "The public dataset"). */
export interface PublicOfficer {
  name: string
  rank: string
  /** Official work email. */
  email: string
  /** Official desk phone. */
  phone: string
}

/**
 * Who residents contact while no active officer adopts their neighborhood (a vacancy), as the
 * department chose: 'sergeant' (the area's sergeant) or 'commander' (the Area Commander), with
 * their public fields; 'department' when neither is at work: the department's name and
 * non-emergency phone, no rank and no email.
 */
export interface PublicCover extends PublicOfficer {
  role: 'sergeant' | 'commander' | 'department'
}

/** Who a cover is, in the words the in-app card, the command line and the public page use. */
export const COVER_ROLE_WORDS: Record<PublicCover['role'], string> = {
  sergeant: "the area's sergeant",
  commander: 'the Area Commander',
  department: "the department's non-emergency line",
}

/** The department as it appears on each neighborhood: the fallback when an area has no commander. */
export interface PublicDepartment {
  name: string
  nonEmergencyPhone: string
  emergency: string
}

export interface PublicNeighborhoodProperties {
  id: string
  name: string
  areaId: string
  areaName: string
  /** null: the area has no commander; show the department's non-emergency contact instead. */
  commander: PublicOfficer | null
  /** Active adopting officers only: an officer on leave or a vacant post is never a public contact. */
  officers: PublicOfficer[]
  /** null while an active officer adopts the neighborhood; otherwise who covers it (never an empty card). */
  cover: PublicCover | null
  version: number
  effectiveDate: string
  department: PublicDepartment
}

export interface PublicAreaProperties {
  id: string
  name: string
  commander: PublicOfficer | null
  version: number
  effectiveDate: string
}

/**
 * A whitelist, built field by field in a fixed order, so nothing private can slip
 * through and the key order (hence the bytes) never depends on the input object.
 */
export function publicFieldsOf(o: Officer): PublicOfficer {
  return { name: String(o.displayName), rank: String(o.rank), email: String(o.email), phone: String(o.deskPhone) }
}

/**
 * Residents see only people at work: a vacant post is internal bookkeeping, and an officer on
 * leave cannot answer (the department's vacancy cover stands in for them).
 */
export function isPublishedOfficer(o: Officer): boolean {
  return isActiveOfficer(o)
}

/** Who covers a vacant neighborhood of `area`, public fields only, in a fixed key order. */
export function publicCoverOf(area: AreaCommand, vacancy: VacancyFallback | undefined, officers: Map<string, Officer>, department: DepartmentContact): PublicCover {
  const c = vacancyCoverOf(area, vacancy, officers)
  if (c.role === 'department') return { role: 'department', name: String(department.name), rank: '', email: '', phone: String(department.nonEmergencyPhone) }
  return { role: c.role, ...publicFieldsOf(c.officer) }
}

export function publicDepartment(d: DepartmentContact): PublicDepartment {
  return { name: d.name, nonEmergencyPhone: d.nonEmergencyPhone, emergency: d.emergency }
}

/** Code-unit order, so the output is identical on every machine whatever its locale data. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function comparePublicOfficers(a: PublicOfficer, b: PublicOfficer): number {
  const byName = a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0
  return byName || compareIds(a.name, b.name) || compareIds(a.rank, b.rank) || compareIds(a.email, b.email) || compareIds(a.phone, b.phone)
}

export function checkPublishMeta(meta: PublishMeta): void {
  if (!meta || typeof meta !== 'object') throw new Error('publish meta: missing')
  if (!Number.isInteger(meta.version) || meta.version < 1) {
    throw new Error(`publish meta: version must be a positive integer, got ${String(meta.version)}`)
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(meta.effectiveDate))
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new Error(`publish meta: effectiveDate must be a calendar date YYYY-MM-DD, got "${String(meta.effectiveDate)}"`)
  }
  const dep = meta.department
  if (!dep || typeof dep !== 'object') throw new Error('publish meta: department contact is missing')
  for (const k of ['name', 'nonEmergencyPhone', 'emergency'] as const) {
    if (typeof dep[k] !== 'string' || dep[k].trim() === '') throw new Error(`publish meta: department.${k} must be a non-empty string`)
  }
  // The street address is optional: the command line sets only the name and the phone.
  if (typeof dep.address !== 'string') throw new Error('publish meta: department.address must be a string')
  const v = meta.vacancy
  if (v !== undefined && (!v || !VACANCY_COVERS.includes(v.cover) || !v.sergeants || typeof v.sergeants !== 'object')) {
    throw new Error(`publish meta: vacancy.cover must be "commander" or "sergeant" with a sergeants table, got ${JSON.stringify(v)?.slice(0, 120)}`)
  }
}

export function uniqueById<T extends { id: string }>(items: T[], what: string): Map<string, T> {
  const byId = new Map<string, T>()
  items.forEach((it, i) => {
    if (typeof it?.id !== 'string' || it.id === '') throw new Error(`${what} ${i}: id must be a non-empty string`)
    if (byId.has(it.id)) throw new Error(`${what} ${i}: duplicate id "${it.id}"`)
    byId.set(it.id, it)
  })
  return byId
}

/** The commander as the public sees them, or null when the post is empty, vacant or points nowhere. */
export function publicCommanderOf(area: AreaCommand, officers: Map<string, Officer>): PublicOfficer | null {
  const o = area.commanderId ? officers.get(area.commanderId) : undefined
  return o && isPublishedOfficer(o) ? publicFieldsOf(o) : null
}

/** Adopting officers of each neighborhood, public fields only, sorted by display name. */
export function publicOfficersByNeighborhood(officers: Officer[]): Map<string, PublicOfficer[]> {
  const by = new Map<string, PublicOfficer[]>()
  for (const o of officers) {
    if (!o.neighborhoodId || !isPublishedOfficer(o)) continue
    const list = by.get(o.neighborhoodId) ?? []
    list.push(publicFieldsOf(o))
    by.set(o.neighborhoodId, list)
  }
  for (const list of by.values()) list.sort(comparePublicOfficers)
  return by
}

interface OutFeature {
  id: string
  properties: object
  geometry: AreaGeometry
}

/** One feature per line: diffs of two published versions stay readable, and bytes are stable. */
function featureCollectionText(features: OutFeature[]): string {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', id: f.id, properties: f.properties, geometry: f.geometry }),
  )
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
}

export function buildPublicDataset(plan: PlanState, meta: PublishMeta): { neighborhoods: string; areas: string } {
  checkPublishMeta(meta)
  if (!plan || !Array.isArray(plan.areas) || !Array.isArray(plan.neighborhoods) || !Array.isArray(plan.officers)) {
    throw new Error('plan: areas, neighborhoods and officers must be arrays')
  }
  const areas = uniqueById(plan.areas, 'area')
  uniqueById(plan.neighborhoods, 'neighborhood')
  const officers = uniqueById(plan.officers, 'officer')
  const officersByNb = publicOfficersByNeighborhood(plan.officers)
  const department = publicDepartment(meta.department)

  const areaFeatures: OutFeature[] = [...areas.values()]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((a) => {
      const properties: PublicAreaProperties = {
        id: a.id,
        name: String(a.name),
        commander: publicCommanderOf(a, officers),
        version: meta.version,
        effectiveDate: meta.effectiveDate,
      }
      return { id: a.id, properties, geometry: toPublicGeometry(a.geometry, `area "${a.id}"`) }
    })

  const nbFeatures: OutFeature[] = [...plan.neighborhoods]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((n: Neighborhood) => {
      const area = areas.get(n.areaId)
      if (!area) throw new Error(`neighborhood "${n.id}": areaId "${n.areaId}" names no Area Command in the plan`)
      const properties: PublicNeighborhoodProperties = {
        id: n.id,
        name: String(n.name),
        areaId: area.id,
        areaName: String(area.name),
        commander: publicCommanderOf(area, officers),
        officers: officersByNb.get(n.id) ?? [],
        cover: officersByNb.has(n.id) ? null : publicCoverOf(area, meta.vacancy, officers, meta.department),
        version: meta.version,
        effectiveDate: meta.effectiveDate,
        department: { ...department },
      }
      return { id: n.id, properties, geometry: toPublicGeometry(n.geometry, `neighborhood "${n.id}"`) }
    })

  return { neighborhoods: featureCollectionText(nbFeatures), areas: featureCollectionText(areaFeatures) }
}
