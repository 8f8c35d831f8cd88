import type { Officer, PlanState, Position } from '../../../src/shared/domain'

export const MARKER = 'PRIVATE-MARKER'

function officer(id: string, displayName: string, rank: string, status: Officer['status'], areaId: string | null, neighborhoodId: string | null): Officer {
  return {
    id,
    displayName,
    rank,
    email: `${id}@police.example.gov`,
    deskPhone: `925-555-01${id.length.toString().padStart(2, '0')}`,
    shift: `${MARKER}-shift-${id}`,
    status,
    areaId,
    neighborhoodId,
    private: {
      employeeId: `${MARKER}-employeeId-${id}`,
      badge: `${MARKER}-badge-${id}`,
      personalPhone: `${MARKER}-personalPhone-${id}`,
      personalEmail: `${MARKER}-personalEmail-${id}`,
      homeAddress: `${MARKER}-homeAddress-${id}`,
      notes: `${MARKER}-notes-${id}`,
    },
  }
}

/** Clockwise on purpose (the stored winding is not the published one), with 7-decimal noise. */
function rectCW(w: number, s: number, e: number, n: number): Position[] {
  return [
    [w, s],
    [w, n],
    [e, n],
    [e, s],
    [w, s],
  ]
}

export const HOSTILE_NAME = '<img src=x onerror=alert(1)></script><script>alert(2)</script>'

/**
 * Two Area Commands over a strip of Livermore. North (commander lt-n) holds N1 | N2 split at
 * lon -121.75; South has no commander and one neighborhood S1 with a hole (a park) at
 * [-121.76, -121.74] x [37.66, 37.67]. N2 is a one-part MultiPolygon.
 */
export function fixturePlan(): PlanState {
  return {
    city: null,
    areas: [
      { id: 'north', name: 'Northeast', color: '#f00', commanderId: 'lt-n', geometry: { type: 'Polygon', coordinates: [rectCW(-121.8, 37.69, -121.7, 37.72)] } },
      { id: 'south', name: 'South', color: '#0f0', commanderId: null, geometry: { type: 'Polygon', coordinates: [rectCW(-121.8, 37.65, -121.7, 37.69)] } },
    ],
    neighborhoods: [
      {
        id: 'n1',
        areaId: 'north',
        name: 'Springtown',
        color: null,
        // The two extra vertices 3e-8 apart collapse into one when rounded to 6 decimals.
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-121.8, 37.69],
              [-121.8, 37.7050001],
              [-121.80000003, 37.70500004],
              [-121.8, 37.72],
              [-121.75, 37.72],
              [-121.75, 37.69],
              [-121.8, 37.69],
            ],
          ],
        },
      },
      { id: 'n2', areaId: 'north', name: 'Vasco', color: null, geometry: { type: 'MultiPolygon', coordinates: [[rectCW(-121.75, 37.69, -121.7, 37.72)]] } },
      {
        id: 's1',
        areaId: 'south',
        name: 'Sunset <South>',
        color: null,
        // Hole given counter-clockwise: the export must turn it clockwise.
        geometry: { type: 'Polygon', coordinates: [rectCW(-121.8, 37.65, -121.7, 37.69), rectCW(-121.76, 37.66, -121.74, 37.67).reverse()] },
      },
    ],
    officers: [
      officer('lt-n', 'R. Alvarez', 'Lt.', 'active', 'north', null),
      officer('o-zed', 'Z. Adams', 'Officer', 'leave', 'north', 'n1'),
      officer('o-ann', 'A. Nguyen', 'Officer', 'active', 'north', 'n1'),
      officer('o-vac', 'Vacant post', 'Officer', 'vacant', 'north', 'n2'),
      officer('o-bad', HOSTILE_NAME, 'Officer', 'active', 'south', 's1'),
    ],
  }
}

/** The fixture plus 'Peña Heights' (m1): two parts, the second with a hole, for exports that must keep parts and holes apart. */
export function fixturePlanWithMultiPart(): PlanState {
  const p = fixturePlan()
  const square = (w: number, s: number, size: number): Position[] => [
    [w, s],
    [w + size, s],
    [w + size, s + size],
    [w, s + size],
    [w, s],
  ]
  p.neighborhoods.push({
    id: 'm1',
    areaId: 'north',
    name: 'Peña Heights',
    color: null,
    geometry: { type: 'MultiPolygon', coordinates: [[square(-121.79, 37.7, 0.01)], [square(-121.77, 37.7, 0.01), square(-121.768, 37.702, 0.002).reverse()]] },
  })
  return p
}

export const META = {
  version: 3,
  effectiveDate: '2025-07-01',
  department: {
    name: 'Livermore Police Department',
    address: '1110 S Livermore Ave, Livermore, CA 94550',
    nonEmergencyPhone: '925-371-4900',
    emergency: '9-1-1',
  },
}

/** Deterministic Fisher–Yates, so a failing order can be replayed. */
export function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
