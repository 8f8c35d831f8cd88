import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { AreaCommand, Neighborhood, Officer, PlanState, Polygon, Position } from '../../src/shared/domain'

/** `<repo>/../shared/real-data/chicago`, never copied into the repo. */
export function chicagoDir(fromDir: string, up: number): string {
  return path.resolve(fromDir, ...Array(up).fill('..'), '../shared/real-data/chicago')
}

/** Beats say "01" where districts say "1". */
function districtId(v: string): string {
  return String(parseInt(v, 10))
}

interface Fc {
  features: { properties: Record<string, string>; geometry: Polygon }[]
}

function officer(id: string, name: string, rank: string, areaId: string, neighborhoodId: string | null): Officer {
  return {
    id,
    displayName: name,
    rank,
    email: `${id}@example.gov`,
    deskPhone: '312-555-0100',
    shift: 'day',
    status: 'active',
    areaId,
    neighborhoodId,
    private: { employeeId: `E-${id}`, badge: 'B', personalPhone: 'P', personalEmail: 'p@x', homeAddress: 'H', notes: 'N' },
  }
}

/**
 * Chicago as a plan: districts as Area Commands (district 31's three features merged
 * into one MultiPolygon), beats as neighborhoods ("3100" appears three times and becomes
 * 3100, 3100-2, 3100-3, in file order), one synthetic officer per beat and a commander
 * for every district. Returns null when the data folder is absent.
 */
export function loadChicagoPlan(dir: string): { plan: PlanState; beatFeatureIds: string[] } | null {
  if (!existsSync(path.join(dir, 'beats.geojson'))) return null
  const beats = JSON.parse(readFileSync(path.join(dir, 'beats.geojson'), 'utf8')) as Fc
  const districts = JSON.parse(readFileSync(path.join(dir, 'districts.geojson'), 'utf8')) as Fc
  const parts = new Map<string, Position[][][]>()
  for (const f of districts.features) {
    const id = districtId(f.properties.DIST_NUM)
    parts.set(id, [...(parts.get(id) ?? []), f.geometry.coordinates])
  }
  const officers: Officer[] = []
  const areas: AreaCommand[] = [...parts].map(([id, polys]) => {
    officers.push(officer(`lt-${id}`, `K. Commander-${id}`, 'Lt.', id, null))
    return {
      id,
      name: `District ${id}`,
      color: '#888888',
      commanderId: `lt-${id}`,
      geometry: polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys },
    }
  })
  const seen = new Map<string, number>()
  const beatFeatureIds: string[] = []
  const neighborhoods: Neighborhood[] = beats.features.map((f) => {
    const num = f.properties.BEAT_NUM
    const k = (seen.get(num) ?? 0) + 1
    seen.set(num, k)
    const id = k === 1 ? num : `${num}-${k}`
    beatFeatureIds.push(id)
    officers.push(officer(`po-${id}`, `J. Patrol-${id}`, 'Officer', districtId(f.properties.DISTRICT), id))
    return { id, areaId: districtId(f.properties.DISTRICT), name: `Beat ${id}`, color: null, geometry: f.geometry }
  })
  return { plan: { city: null, areas, neighborhoods, officers }, beatFeatureIds }
}
