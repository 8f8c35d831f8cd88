import type { AreaGeometry, Position } from '../../shared/domain/geometry'
import type { ParsedFeature } from './types'

/**
 * A batch of parsed features as the parse worker sends it: every position of every feature in one
 * Float64Array and the ring, polygon and feature counts in Int32Arrays, with only the index and
 * properties as plain objects. Copying a few typed arrays between threads is a memory copy, where
 * the structured clone of the same features as nested arrays walks a million small arrays on both
 * sides (about 1.7 s against 0.45 s for 200,000 five-point squares, packing and unpacking included).
 * Positions are [x, y] (the parser has dropped Z); the numbers cross unchanged.
 */
export interface PackedFeatures {
  xy: Float64Array
  /** Positions in each ring, rings in each polygon, polygons in each feature (0: a Polygon, n > 0: a MultiPolygon of n). */
  ringSizes: Int32Array
  polygonSizes: Int32Array
  featureParts: Int32Array
  rest: Pick<ParsedFeature, 'index' | 'properties'>[]
}

export function packFeatures(features: readonly ParsedFeature[]): PackedFeatures {
  let positions = 0
  let rings = 0
  let polygons = 0
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    polygons += polys.length
    for (const poly of polys) {
      rings += poly.length
      for (const ring of poly) positions += ring.length
    }
  }
  const xy = new Float64Array(positions * 2)
  const ringSizes = new Int32Array(rings)
  const polygonSizes = new Int32Array(polygons)
  const featureParts = new Int32Array(features.length)
  const rest: PackedFeatures['rest'] = new Array(features.length)
  let a = 0
  let r = 0
  let p = 0
  for (let k = 0; k < features.length; k++) {
    const f = features[k]
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    featureParts[k] = f.geometry.type === 'Polygon' ? 0 : polys.length
    for (const poly of polys) {
      polygonSizes[p++] = poly.length
      for (const ring of poly) {
        ringSizes[r++] = ring.length
        for (const pos of ring) {
          xy[a++] = pos[0]
          xy[a++] = pos[1]
        }
      }
    }
    rest[k] = { index: f.index, properties: f.properties }
  }
  return { xy, ringSizes, polygonSizes, featureParts, rest }
}

/** The features packFeatures was given, as new objects. */
export function unpackFeatures(m: PackedFeatures, into: ParsedFeature[] = []): ParsedFeature[] {
  const { xy, ringSizes, polygonSizes, featureParts, rest } = m
  let a = 0
  let r = 0
  let p = 0
  const polygon = (): Position[][] => {
    const rings: Position[][] = new Array(polygonSizes[p++])
    for (let i = 0; i < rings.length; i++) {
      const ring: Position[] = new Array(ringSizes[r++])
      for (let j = 0; j < ring.length; j++, a += 2) ring[j] = [xy[a], xy[a + 1]]
      rings[i] = ring
    }
    return rings
  }
  for (let k = 0; k < rest.length; k++) {
    const parts = featureParts[k]
    let geometry: AreaGeometry
    if (parts === 0) geometry = { type: 'Polygon', coordinates: polygon() }
    else {
      const coordinates: Position[][][] = new Array(parts)
      for (let i = 0; i < parts; i++) coordinates[i] = polygon()
      geometry = { type: 'MultiPolygon', coordinates }
    }
    into.push({ index: rest[k].index, properties: rest[k].properties, geometry })
  }
  return into
}
