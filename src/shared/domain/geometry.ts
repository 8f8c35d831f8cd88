import type { MultiPolygon, Polygon, Position } from 'geojson'

/** Every stored boundary is a Polygon or MultiPolygon in WGS84 lon/lat (RFC 7946 order). */
export type AreaGeometry = Polygon | MultiPolygon
export type LonLat = [number, number]
export type { Polygon, MultiPolygon, Position }

/**
 * Input is quantized to 1e-7 degrees (about 1 cm) so that a vertex shared by two
 * neighbours is bit-for-bit the same number in both, which topological editing and
 * edge matching in the validator rely on.
 */
export const COORD_QUANTUM = 1e-7
export function quantize(v: number): number {
  // Rounding the scaled integer gives one canonical double per grid point; + 0 drops -0.
  return Math.round(v * 1e7) / 1e7 + 0
}
