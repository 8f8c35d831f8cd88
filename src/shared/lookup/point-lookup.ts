import Flatbush from 'flatbush'
import type { AreaCommand, Neighborhood, PlanState } from '../domain'
import {
  SAMPLE_DEPARTMENT,
  compareIds,
  publicCommanderOf,
  publicCoverOf,
  publicOfficersByNeighborhood,
  uniqueById,
  type DepartmentContact,
  type PublicCover,
  type PublicOfficer,
} from '../publish/public-dataset'
import type { VacancyFallback } from '../domain/vacancy'
import { containsPoint, prepareGeometry, type PreparedGeometry } from '../geo/prepared-polygon'

export interface LookupAnswer {
  neighborhood: { id: string; name: string } | null
  area: { id: string; name: string } | null
  /** Active adopting officers only: an officer on leave is not a public contact. */
  officers: PublicOfficer[]
  /** Who covers the neighborhood while no active officer adopts it; null when one does, or outside every neighborhood. */
  cover: PublicCover | null
  commander: PublicOfficer | null
  department: DepartmentContact
}

interface Indexed<T> {
  items: T[]
  shapes: PreparedGeometry[]
  index: Flatbush | null
}

function indexOf<T extends { id: string; geometry: Neighborhood['geometry'] }>(list: T[], what: string): Indexed<T> {
  // Sorted by id so that, where shapes overlap, the smallest id wins whatever the input order.
  const items = [...list].sort((a, b) => compareIds(a.id, b.id))
  const shapes = items.map((it) => {
    const g = it.geometry
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new Error(`${what} "${it.id}": geometry must be a Polygon or MultiPolygon`)
    }
    return prepareGeometry(g)
  })
  if (items.length === 0) return { items, shapes, index: null }
  const index = new Flatbush(items.length)
  for (const s of shapes) index.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3])
  index.finish()
  return { items, shapes, index }
}

function find<T>(ix: Indexed<T>, lon: number, lat: number): T | null {
  if (!ix.index) return null
  const hits = ix.index.search(lon, lat, lon, lat)
  // Flatbush returns hits in tree order; the lowest index is the smallest id.
  let best = -1
  for (const i of hits) if ((best < 0 || i < best) && containsPoint(ix.shapes[i], lon, lat)) best = i
  return best < 0 ? null : ix.items[best]
}

/**
 * "Who is my neighborhood officer?" for a point. The neighborhood decides the area (so a
 * neighborhood that pokes slightly out of its area still answers with its own area); a
 * point in an area but in no neighborhood answers with the area alone.
 */
export function createLookup(
  plan: PlanState,
  department: DepartmentContact = SAMPLE_DEPARTMENT,
  vacancy?: VacancyFallback,
): { lookup(lon: number, lat: number): LookupAnswer | null } {
  const areasById = uniqueById(plan.areas, 'area')
  uniqueById(plan.neighborhoods, 'neighborhood')
  const officersById = uniqueById(plan.officers, 'officer')
  const officersByNb = publicOfficersByNeighborhood(plan.officers)
  const nbIx = indexOf(plan.neighborhoods, 'neighborhood')
  const areaIx = indexOf(plan.areas, 'area')
  const dep: DepartmentContact = { ...department }

  return {
    lookup(lon: number, lat: number): LookupAnswer | null {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`lookup: lon and lat must be finite numbers, got ${lon}, ${lat}`)
      const nb = find(nbIx, lon, lat)
      const area: AreaCommand | null = (nb && areasById.get(nb.areaId)) || find(areaIx, lon, lat)
      if (!nb && !area) return null
      const officers = nb ? (officersByNb.get(nb.id) ?? []).map((o) => ({ ...o })) : []
      return {
        neighborhood: nb ? { id: nb.id, name: nb.name } : null,
        area: area ? { id: area.id, name: area.name } : null,
        officers,
        cover: nb && area && !officers.length ? publicCoverOf(area, vacancy, officersById, dep) : null,
        commander: area ? publicCommanderOf(area, officersById) : null,
        department: { ...dep },
      }
    },
  }
}
