import type { MultiPolygon, Polygon, Position } from 'geojson'

/** Every stored boundary is a Polygon or MultiPolygon in WGS84 lon/lat (RFC 7946 order). */
export type AreaGeometry = Polygon | MultiPolygon
export type LonLat = [number, number]
export type { Polygon, MultiPolygon, Position }

/**
 * Input is quantized to 1e-9 degrees (about 0.1 mm) so that a vertex shared by two
 * neighbours is bit-for-bit the same number in both, which topological editing and edge
 * matching in the validator rely on. A coarser grid (1e-7, ~1 cm) was tried: rounding real
 * city layers to it opens centimetre-wide slivers of a square metre or two where two layers'
 * boundaries run within a grid step of each other, which GEOS does not see in the source data.
 */
export const COORD_QUANTUM = 1e-9
/** Grid steps per degree: coordinates times this are integers. */
export const COORD_GRID = 1e9
export function quantize(v: number): number {
  // Rounding the scaled integer gives one canonical double per grid point; + 0 drops -0.
  return Math.round(v * COORD_GRID) / COORD_GRID + 0
}
