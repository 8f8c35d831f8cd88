import type { AreaCommand, AreaGeometry, Neighborhood, Officer, PlanState } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'

/** Degrees per metre near Livermore (lat 37.68), for hand-made shapes sized in metres. */
export const LON0 = -121.76
export const LAT0 = 37.68
export const DEG_PER_M_LAT = 1 / 111_000
export const DEG_PER_M_LON = 1 / (111_000 * Math.cos((LAT0 * Math.PI) / 180))

/** A rectangle given in metres from the origin, as a quantized counter-clockwise Polygon. */
export function rect(x0: number, y0: number, x1: number, y1: number, holes: [number, number, number, number][] = []): AreaGeometry {
  const ring = (a: number, b: number, c: number, d: number, ccw: boolean) => {
    const pts = [[a, b], [c, b], [c, d], [a, d]]
    if (!ccw) pts.reverse()
    return [...pts, pts[0]].map(([x, y]) => [quantize(LON0 + x * DEG_PER_M_LON), quantize(LAT0 + y * DEG_PER_M_LAT)])
  }
  return { type: 'Polygon', coordinates: [ring(x0, y0, x1, y1, true), ...holes.map((h) => ring(h[0], h[1], h[2], h[3], false))] }
}

export function area(id: string, g: AreaGeometry, commanderId: string | null = `lt-${id}`): AreaCommand {
  return { id, name: `Area ${id}`, color: '#123456', commanderId, geometry: g }
}

export function hood(id: string, areaId: string, g: AreaGeometry): Neighborhood {
  return { id, areaId, name: id, color: null, geometry: g }
}

export function officer(id: string, areaId: string | null, neighborhoodId: string | null, employeeId = id, status: Officer['status'] = 'active'): Officer {
  return {
    id, displayName: `Officer ${id}`, rank: 'Officer', email: `${id}@pd.example`, deskPhone: '555-0100', shift: 'day', status, areaId, neighborhoodId,
    private: { employeeId, badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
  }
}

/**
 * A clean small city: two 1 km × 1 km areas side by side (N west, S east), each split into
 * two neighborhoods, every neighborhood adopted, both areas commanded.
 */
export function cleanPlan(): PlanState {
  const areas = [area('N', rect(0, 0, 1000, 1000)), area('S', rect(1000, 0, 2000, 1000))]
  const neighborhoods = [
    hood('Springtown', 'N', rect(0, 0, 1000, 500)),
    hood('Vasco', 'N', rect(0, 500, 1000, 1000)),
    hood('Downtown', 'S', rect(1000, 0, 2000, 500)),
    hood('Sunset', 'S', rect(1000, 500, 2000, 1000)),
  ]
  const officers = [
    officer('lt-N', 'N', null), officer('lt-S', 'S', null),
    ...neighborhoods.map((n) => officer(`o-${n.id}`, n.areaId, n.id)),
  ]
  return { city: { name: 'Test city', sample: true, geometry: rect(0, 0, 2000, 1000) }, areas, neighborhoods, officers }
}
