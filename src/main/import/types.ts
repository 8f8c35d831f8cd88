import type { AreaGeometry } from '../../shared/domain/geometry'

export interface ParsedFeature {
  /** Position of the feature in the source file (0-based), used in every message about it. */
  index: number
  properties: Record<string, unknown>
  geometry: AreaGeometry
}

export type LayerFormat = 'geojson' | 'shapefile' | 'kml' | 'geopackage'

export interface ParsedLayer {
  /** File name (without folders) as it appears in messages. */
  file: string
  format: LayerFormat
  /** The coordinate system the file was read in, e.g. 'EPSG:4326', 'EPSG:2227' or a .prj name. */
  crs: string
  /** Attribute names in first-seen order. */
  fields: string[]
  features: ParsedFeature[]
  notices: string[]
}

export interface ParseOptions {
  /** User-picked CRS (EPSG code or proj4/WKT string) for files that carry none. */
  crs?: string
  /** The GeoPackage layer to read, when the file holds several. */
  gpkgLayer?: string
  /** Largest file accepted; default 100 MiB. */
  maxBytes?: number
  /** Largest total a zip may uncompress to; default 500 MiB. */
  maxUncompressedBytes?: number
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024

/** Geometry as a reader found it, before it is checked: anything may be missing or wrong. */
export interface RawGeometry {
  type?: unknown
  coordinates?: unknown
  geometries?: unknown
}

export interface RawFeature {
  index: number
  properties: Record<string, unknown>
  geometry: RawGeometry | null
}

/** What a format reader hands to the common checks (geometry, CRS, quantizing). */
export interface RawLayer {
  format: LayerFormat
  fields: string[]
  features: RawFeature[]
  /** CRS named by the file itself (GeoJSON `crs` member, Shapefile .prj), or null. */
  crs: string | null
  /** Whether the format fixes lon/lat (KML), so no CRS may apply. */
  lonLatOnly?: boolean
  notices: string[]
}
