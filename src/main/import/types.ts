import type { AreaGeometry } from '../../shared/domain/geometry'
import type { ImportProgress } from './progress'

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
  /** Largest KML document read (a .kml, or the one inside a .kmz); default MAX_KML_BYTES. */
  maxKmlBytes?: number
  /** Largest .shp inside a zipped Shapefile; default MAX_SHP_BYTES. */
  maxShpBytes?: number
  /** Called as reading goes on (at most every few tens of milliseconds). */
  onProgress?: (p: ImportProgress) => void
  /** Aborting stops the parse at its next pause with an ImportError 'cancelled'. */
  signal?: AbortSignal
}

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
/**
 * KML is read into a document tree, which takes about 40 times the text in memory (an 11 MB
 * document peaks at ~460 MB): past this size the process would run out of memory, so the file is
 * refused before it is unpacked or parsed (bench/import measures it).
 */
export const MAX_KML_BYTES = 20 * 1024 * 1024
/**
 * A .shp holds 16 bytes a vertex; as checked geometry, stored rows and the plan check the layer
 * takes about 500 bytes a vertex at its peak, so 32 MB (~2 million vertices) keeps an import near
 * 1 GB. A bigger one is refused before anything is unpacked, naming this limit.
 */
export const MAX_SHP_BYTES = 32 * 1024 * 1024

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
