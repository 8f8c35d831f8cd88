import type { AreaGeometry, LonLat } from './geometry'
import type { VacancyFallback } from './vacancy'

export const FINDING_KINDS = [
  'area-gap',
  'area-overlap',
  'gap',
  'overlap',
  'outside-area',
  'invalid-geometry',
  'coverage-unchecked',
  'sliver',
  'unassigned-neighborhood',
  'officer-outside-area',
  'officer-multiple',
  'no-commander',
] as const
export type FindingKind = (typeof FINDING_KINDS)[number]
export type Severity = 'error' | 'warning'

export interface Finding {
  /** Stable: the same plan yields the same finding with the same id. */
  id: string
  kind: FindingKind
  severity: Severity
  /** True when every piece is thinner than the width tolerance or smaller than the area tolerance. */
  sliver: boolean
  areaIds: string[]
  neighborhoodIds: string[]
  officerIds: string[]
  /** Area in square metres on the ground, 0 for non-geometric findings. */
  areaM2: number
  /** Diameter in metres of the largest circle inscribed in the widest piece, where measured. */
  widthM?: number
  /** A point to zoom to. */
  location: LonLat | null
  geometry?: AreaGeometry
  /** Human sentence naming what is wrong and where. */
  message: string
  /** Extra detail, e.g. the invalid-geometry reason. */
  reason?: string
}

export interface Tolerances {
  /** Pieces thinner than this (metres) are slivers. Default 5. */
  sliverWidthM: number
  /** Pieces smaller than this (square metres) are slivers. Default 100. */
  sliverAreaM2: number
  /** Whether an unassigned neighborhood is an error rather than a warning. Default false. */
  unassignedIsError: boolean
  /** Pieces smaller than this (square metres) are below the precision of any police boundary layer: counted in the summary, not listed. Default 1. */
  minPieceAreaM2?: number
  /** Who covers a neighborhood without an active officer (the department's setting); its finding names them. Default: the Area Commander. */
  vacancy?: VacancyFallback
}

export const DEFAULT_TOLERANCES: Tolerances = { sliverWidthM: 5, sliverAreaM2: 100, unassignedIsError: false, minPieceAreaM2: 1 }

export interface FindingSummary {
  errors: number
  warnings: number
  blocking: boolean
  byKind: Partial<Record<FindingKind, number>>
  /** Gap, overlap and outside-area pieces below `minPieceAreaM2`, left out of the list. */
  ignoredPieces?: number
  ignoredM2?: number
}
