import type { AreaGeometry } from './geometry'

export interface CityLimit {
  name: string
  /** True for the bundled approximate sample city, so the UI can say so. */
  sample: boolean
  geometry: AreaGeometry
}

export interface AreaCommand {
  id: string
  name: string
  /** CSS colour; areas are told apart by hue. */
  color: string
  /** Officer id of the Lieutenant commanding the area, or null (`no-commander`). */
  commanderId: string | null
  geometry: AreaGeometry
}

export interface Neighborhood {
  id: string
  areaId: string
  name: string
  color: string | null
  geometry: AreaGeometry
}

export const OFFICER_STATUSES = ['active', 'leave', 'vacant'] as const
export type OfficerStatus = (typeof OFFICER_STATUSES)[number]

/** Fields that may be published on the public map (domain.md, "The public dataset"). */
export interface OfficerPublic {
  displayName: string
  rank: string
  /** Official work email. */
  email: string
  /** Official desk phone. */
  deskPhone: string
}

/** Fields that never leave the building. */
export interface OfficerPrivate {
  employeeId: string
  badge: string
  personalPhone: string
  personalEmail: string
  homeAddress: string
  notes: string
}

export interface Officer extends OfficerPublic {
  id: string
  shift: string
  status: OfficerStatus
  areaId: string | null
  neighborhoodId: string | null
  private: OfficerPrivate
}

export type Entity = CityLimit | AreaCommand | Neighborhood | Officer
