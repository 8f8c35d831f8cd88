import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson'

/**
 * A reference layer's shape: street centerlines (lines) or parcels (polygons), in WGS84 lon/lat
 * quantized like the plan, so a corner snapped to a street vertex is exactly that vertex.
 */
export type ReferenceGeometry = LineString | MultiLineString | Polygon | MultiPolygon

/** What the window lists about a stored reference layer (its shapes come separately). */
export interface ReferenceLayerInfo {
  id: number
  /** The file's name without its extension, as listed. */
  name: string
  file: string
  /** 'lines' for street centerlines, 'areas' for parcels, 'mixed' for both. */
  kind: 'lines' | 'areas' | 'mixed'
  features: number
  vertices: number
  visible: boolean
  importedAt: string
}

export interface ReferenceLayerShapes {
  id: number
  geometries: ReferenceGeometry[]
}
