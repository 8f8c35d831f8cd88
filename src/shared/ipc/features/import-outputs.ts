import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { FindingSummary } from '../../domain'

/** The layer an import fills: Area Commands, neighborhoods, or the city limit. */
export type ImportLayer = 'areas' | 'neighborhoods' | 'city'
/** `replace` swaps the whole layer for the file's units; `add` only adds new ids. */
export type ImportMode = 'replace' | 'add'

/** How the user mapped the file's fields, and the coordinate system they picked for a file that names none. */
export interface ImportMapping {
  layer: ImportLayer
  /** Required for areas and neighborhoods. */
  idField?: string
  nameField?: string
  /** The parent Area Command id field; required for neighborhoods. */
  areaField?: string
  /** EPSG code (e.g. 'EPSG:2227') or proj4/WKT text, for files without their own CRS. */
  crs?: string
  /** The layer to read from a GeoPackage that holds several. */
  gpkgLayer?: string
}

/** How one neighborhood's parent value was matched to an Area Command. */
export type ParentMatch = 'exact' | 'normalized' | 'ambiguous' | 'none'

export interface PreviewUnit {
  id: string
  name: string
  /** 0-based positions of the file features merged into this unit. */
  featureIndexes: number[]
  /** Neighborhoods only: the value in the parent field, and what it matched. */
  parentValue?: string
  parentId?: string | null
  parentMatch?: ParentMatch
  /** Whether a unit with this id is in the plan already (replaced, or refused in `add` mode). */
  exists: boolean
}

export interface PreviewProperties {
  id: string
  name: string
  parentId: string | null
  parentMatch: ParentMatch | null
}

export interface ImportPreview {
  file: string
  format: 'geojson' | 'shapefile' | 'kml' | 'geopackage'
  /** The coordinate system the file was read in. */
  crs: string
  fields: string[]
  /** Up to three distinct values of each field, as text, so the user can tell which field holds what. */
  samples?: Record<string, string[]>
  featureCount: number
  notices: string[]
  units: PreviewUnit[]
  /** The units as WGS84 GeoJSON for the map preview, in the order of `units`. */
  geojson: FeatureCollection<Polygon | MultiPolygon, PreviewProperties>
  /** Existing units a `replace` would remove, and officers it would leave without a neighborhood. */
  replaceRemoves: string[]
  replaceUnassigns: string[]
  /** Why `apply` would refuse this import as mapped (one sentence each); empty when it would go through. */
  problems: { replace: string[]; add: string[] }
}

export interface ImportResult {
  layer: ImportLayer
  mode: ImportMode
  file: string
  /** Audit sequence number: the import is one undoable step. */
  seq: number
  added: string[]
  replaced: string[]
  /** Ids in the file identical to what is stored: nothing was written for them. */
  unchanged: string[]
  removed: string[]
  /** Officers whose adopted neighborhood was removed and who are now unassigned. */
  unassigned: string[]
  notices: string[]
  /** The backup taken just before the import, or null when none could be taken (an in-memory plan). */
  backupFile: string | null
  /** The plan check after the import; null when a very large import left it to `validate` (the command line only). */
  summary: FindingSummary | null
}
