import type { AreaGeometry, LonLat, Neighborhood, Officer, PlanState } from '../../../src/shared/domain'
import { quantize } from '../../../src/shared/domain'

/** Fixture coordinates in units of 1e-5 degree (≈ 0.9 m east, 1.1 m north) from a point in Livermore. */
export const P = (x: number, y: number): LonLat => [quantize(-121.76 + x * 1e-5), quantize(37.69 + y * 1e-5)]
const ring = (pts: [number, number][]): LonLat[] => {
  const r = pts.map(([x, y]) => P(x, y))
  return [...r, r[0]]
}
const poly = (...rings: [number, number][][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings.map(ring) })

function officer(id: string, areaId: string, neighborhoodId: string | null): Officer {
  return {
    id, areaId, neighborhoodId, displayName: `Officer ${id}`, rank: 'Officer', email: `${id}@example.org`, deskPhone: '925-000-0000',
    shift: 'day', status: 'active',
    private: { employeeId: id, badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
  }
}

const hood = (id: string, areaId: string, name: string, geometry: AreaGeometry): Neighborhood => ({ id, areaId, name, color: null, geometry })

/**
 * Two Area Commands sharing the line y = 0.
 * Northeast (0..500 × 0..300): Springtown (L-shaped, concave), Vasco, Midtown (with a hole),
 * Park (filling Midtown's hole); the strip x 400..500 is unassigned ground.
 * South (0..500 × -200..0): Ruby Hill (two parts) and Vineyard between them.
 */
export function fixturePlan(): PlanState {
  return {
    city: {
      name: 'Livermore (sample)', sample: true,
      geometry: poly([[0, -200], [200, -200], [300, -200], [500, -200], [500, 0], [500, 300], [400, 300], [100, 300], [0, 300], [0, 0]]),
    },
    areas: [
      { id: 'ne', name: 'Northeast', color: '#ff0000', commanderId: null,
        geometry: poly([[0, 0], [200, 0], [300, 0], [400, 0], [500, 0], [500, 300], [400, 300], [100, 300], [0, 300]]) },
      { id: 'so', name: 'South', color: '#0000ff', commanderId: null,
        geometry: poly([[0, -200], [200, -200], [300, -200], [500, -200], [500, 0], [400, 0], [300, 0], [200, 0], [0, 0]]) },
    ],
    neighborhoods: [
      hood('s', 'ne', 'Springtown', poly([[0, 0], [200, 0], [200, 150], [100, 150], [100, 300], [0, 300]])),
      hood('v', 'ne', 'Vasco', poly([[200, 0], [300, 0], [400, 0], [400, 150], [200, 150]])),
      hood('m', 'ne', 'Midtown', poly([[100, 150], [200, 150], [400, 150], [400, 300], [100, 300]], [[250, 200], [250, 250], [300, 250], [300, 200]])),
      hood('p', 'ne', 'Park', poly([[250, 200], [300, 200], [300, 250], [250, 250]])),
      hood('r', 'so', 'Ruby Hill', {
        type: 'MultiPolygon',
        coordinates: [
          [ring([[0, -200], [200, -200], [200, 0], [0, 0]])],
          [ring([[300, -200], [500, -200], [500, 0], [400, 0], [300, 0]])],
        ],
      }),
      hood('w', 'so', 'Vineyard', poly([[200, -200], [300, -200], [300, 0], [200, 0]])),
    ],
    officers: [officer('o1', 'ne', 's'), officer('o2', 'ne', 'v'), officer('o3', 'ne', 'p'), officer('o4', 'so', 'r'), officer('o5', 'ne', null)],
  }
}
