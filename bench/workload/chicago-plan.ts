import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { AreaCommand, AreaGeometry, Neighborhood, Position } from '../../src/shared/domain'
import { mulberry32 } from '../../scripts/lib/mulberry32'

/** The same points on every run. */
export const prng = mulberry32

interface Fc {
  features: { properties: Record<string, string>; geometry: AreaGeometry }[]
}

/** Polygons of every feature sharing an id, as one MultiPolygon (Chicago's district 31 and beat 3100 come in pieces). */
function mergeById(fc: Fc, idOf: (p: Record<string, string>) => string): Map<string, { props: Record<string, string>; geometry: AreaGeometry }> {
  const out = new Map<string, { props: Record<string, string>; polys: Position[][][] }>()
  for (const f of fc.features) {
    const id = idOf(f.properties)
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    const e = out.get(id)
    if (e) e.polys.push(...polys)
    else out.set(id, { props: f.properties, polys: [...polys] })
  }
  return new Map(
    [...out].map(([id, e]) => [
      id,
      { props: e.props, geometry: e.polys.length === 1 ? { type: 'Polygon', coordinates: e.polys[0] } : { type: 'MultiPolygon', coordinates: e.polys } },
    ]),
  )
}

export interface ChicagoPlan {
  areas: AreaCommand[]
  neighborhoods: Neighborhood[]
  /** Beat features in the file, before merging same-id pieces. */
  beatFeatures: number
  bbox: [number, number, number, number]
}

/** Chicago police districts as areas and beats as neighborhoods; null when the data folder is absent. `beatsName`: the beat file to read (the simplified one for a second plan). */
export function loadChicagoPlan(dir: string, beatsName = 'beats.geojson'): ChicagoPlan | null {
  const beatsFile = path.join(dir, beatsName)
  const districtsFile = path.join(dir, 'districts.geojson')
  if (!existsSync(beatsFile) || !existsSync(districtsFile)) return null
  const beats = JSON.parse(readFileSync(beatsFile, 'utf8')) as Fc
  const districts = JSON.parse(readFileSync(districtsFile, 'utf8')) as Fc
  const areaId = (n: string) => `d-${Number.parseInt(n, 10)}`
  const areas: AreaCommand[] = [...mergeById(districts, (p) => areaId(p.DIST_NUM))].map(([id, d]) => ({
    id,
    name: `District ${d.props.DIST_LABEL}`,
    color: '#888',
    commanderId: null,
    geometry: d.geometry,
  }))
  const neighborhoods: Neighborhood[] = [...mergeById(beats, (p) => `b-${p.BEAT_NUM}`)].map(([id, b]) => ({
    id,
    areaId: areaId(b.props.DISTRICT),
    name: `Beat ${b.props.BEAT_NUM}`,
    color: null,
    geometry: b.geometry,
  }))
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const a of areas) {
    const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates
    for (const poly of polys)
      for (const [x, y] of poly[0]) {
        bbox[0] = Math.min(bbox[0], x)
        bbox[1] = Math.min(bbox[1], y)
        bbox[2] = Math.max(bbox[2], x)
        bbox[3] = Math.max(bbox[3], y)
      }
  }
  return { areas, neighborhoods, beatFeatures: beats.features.length, bbox }
}

