/** Small hand-made layers as the bytes of a GeoJSON file, the way the import dialog sends them. */
export type Ring = [number, number][]

/** A square of `size` degrees with its south-west corner at (x, y), counter-clockwise. */
export function square(x: number, y: number, size = 0.01): Ring {
  return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
}

export function featureCollection(features: { props: Record<string, unknown>; rings: Ring[] | null; type?: string }[]): object {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      properties: f.props,
      geometry: f.rings === null ? null : { type: f.type ?? 'Polygon', coordinates: f.rings },
    })),
  }
}

export function layerFile(name: string, features: Parameters<typeof featureCollection>[0]): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(JSON.stringify(featureCollection(features))) }
}

export const ADMIN = { osUser: 'tester', profile: { role: 'admin' as const } }
