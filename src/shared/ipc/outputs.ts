import type { ChangeSet, Finding, FindingSummary, Profile, Tolerances, VacancyFallback } from '../domain'
import type { DepartmentContact } from '../publish/public-dataset'
import type { ProjectedCrs } from '../map/projected-crs'
import type { Units } from '../units/format'

export interface AppInfo {
  appVersion: string
  schemaVersion: number
  dbPath: string
  userDataPath: string
  osUser: string
  sampleData: boolean
}

export interface SessionInfo {
  osUser: string
  profile: Profile
}

export interface ApplyResult {
  /** Audit sequence number of the step. */
  seq: number
  /** The change set as stored (coordinates quantized); for undo/redo, the one that was applied. */
  changeSet: ChangeSet
  /** Findings involving what the change touched, after it. */
  touchedFindings: Finding[]
  summary: FindingSummary
  canUndo: boolean
  canRedo: boolean
}

export interface HistoryEntry {
  seq: number
  at: string
  osUser: string
  profile: string
  action: string
  label: string
  state: 'done' | 'undone' | 'dropped' | null
}

export type { AreaCoverage } from '../domain/coverage'
import type { AreaCoverage } from '../domain/coverage'

export interface ValidationReport {
  summary: FindingSummary
  findings: Finding[]
  coverage: AreaCoverage[]
  /** Numbers this list for the window, which later writes' findings updates build on (see FindingsUpdate). */
  version?: number
}

export interface Settings {
  tolerances: Tolerances
  /** Optional XYZ tile template for a background map; the app is fully usable without one. */
  tileUrl: string | null
  /** Credit the tile provider requires, shown in the map corner ("© OpenStreetMap contributors"). */
  tileAttribution: string | null
  /** A PMTiles or MBTiles file on this computer drawn as the background instead of the tile URL's tiles. */
  backgroundFile: string | null
  /** The department's public contact, printed on the public map and export; a new plan's name and phone are empty until set. */
  department: DepartmentContact
  /** Who residents are given while a neighborhood has no active officer (vacant post, everyone on leave). */
  vacancyFallback: VacancyFallback
  /** How figures are shown (stored values are always metres): the setting, else the system locale's. */
  units: Units
  /** True when no units were chosen and `units` comes from the system locale. */
  unitsFromLocale: boolean
  /** The projected system areas or neighborhoods were last imported in; null until one was. */
  projectedCrs: ProjectedCrs | null
}
