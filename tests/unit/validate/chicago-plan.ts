import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AreaGeometry, PlanState, Position } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'

/** Real Chicago beats (neighborhoods) and districts (areas), read from ../shared when present. */
export const CHICAGO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/real-data/chicago')
export const chicagoAbsent = !fs.existsSync(path.join(CHICAGO_DIR, 'beats.geojson'))
export const chicagoSkipMessage = `Chicago real data not found at ${CHICAGO_DIR}; skipping real-data checks`

/** '04' and '4' name the same district. */
export function normId(v: unknown): string {
  const s = String(v ?? '').trim().toLowerCase()
  return /^\d+$/.test(s) ? s.replace(/^0+(?=\d)/, '') : s
}

interface Feature {
  properties: Record<string, unknown>
  geometry: AreaGeometry
}

function quantizeRings(rings: Position[][]): Position[][] {
  return rings.map((r) => r.map((p) => [quantize(p[0]), quantize(p[1])]))
}

/** Features sharing an id become one MultiPolygon. */
function mergeById(features: Feature[], idField: string, file: string): Map<string, { props: Record<string, unknown>; polys: Position[][][] }> {
  const out = new Map<string, { props: Record<string, unknown>; polys: Position[][][] }>()
  features.forEach((f, i) => {
    const raw = f.properties?.[idField]
    if (raw === undefined || raw === null || String(raw).trim() === '') throw new Error(`${file}: feature ${i} has no ${idField}`)
    const id = String(raw).trim()
    const g = f.geometry
    const polys = g.type === 'Polygon' ? [quantizeRings(g.coordinates)] : g.coordinates.map(quantizeRings)
    const cur = out.get(id)
    if (cur) cur.polys.push(...polys)
    else out.set(id, { props: f.properties, polys })
  })
  return out
}

const geom = (polys: Position[][][]): AreaGeometry => (polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys })

export function loadChicago(variant: 'full' | 'simplified'): PlanState {
  const suffix = variant === 'full' ? '' : '-simplified'
  const read = (name: string): Feature[] => JSON.parse(fs.readFileSync(path.join(CHICAGO_DIR, `${name}${suffix}.geojson`), 'utf8')).features
  const districts = mergeById(read('districts'), 'DIST_NUM', `districts${suffix}.geojson`)
  const beats = mergeById(read('beats'), 'BEAT_NUM', `beats${suffix}.geojson`)
  const areas = [...districts].map(([id, d]) => ({ id: normId(id), name: `District ${id}`, color: '#888', commanderId: null, geometry: geom(d.polys) }))
  const neighborhoods = [...beats].map(([id, b]) => ({ id, areaId: normId(b.props.DISTRICT), name: `Beat ${id}`, color: null, geometry: geom(b.polys) }))
  return { city: null, areas, neighborhoods, officers: [] }
}
