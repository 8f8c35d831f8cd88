import type { AreaCommand, ChangeOp, Neighborhood, Officer } from '../../../src/shared/domain'
import { makeServices } from '../../helpers/services'

/** Counter-clockwise closed rectangle ring. */
export function rect(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]
}

export function officer(id: string, areaId: string | null, neighborhoodId: string | null, extra: Partial<Officer> = {}): Officer {
  return {
    id, displayName: `Officer ${id}`, rank: 'Officer', email: `${id}@pd.example.gov`, deskPhone: '', shift: 'Day', status: 'active',
    areaId, neighborhoodId,
    private: { employeeId: `E-${id}`, badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
    ...extra,
  }
}

/**
 * A hand-made city 0.03° x 0.01° near Livermore: three Area Commands side by side,
 * West (W), Middle (M) and East (E), each split into two neighborhoods, left and right half.
 *   W: lon -121.80 .. -121.79   (W1 west half, W2 east half)
 *   M: lon -121.79 .. -121.78   (M1, M2)
 *   E: lon -121.78 .. -121.77   (E1, E2)
 *   lat 37.68 .. 37.69 everywhere.
 */
export const X0 = -121.8
export const Y0 = 37.68
export const STEP = 0.01

export function handMadeCity(officers: Officer[]) {
  const s = makeServices({ seed: false })
  const areas: AreaCommand[] = ['W', 'M', 'E'].map((id, i) => ({
    id, name: { W: 'West', M: 'Middle', E: 'East' }[id]!, color: ['#0072b2', '#e69f00', '#009e73'][i], commanderId: null,
    geometry: { type: 'Polygon', coordinates: [rect(X0 + i * STEP, Y0, X0 + (i + 1) * STEP, Y0 + STEP)] },
  }))
  const neighborhoods: Neighborhood[] = areas.flatMap((a, i) =>
    [1, 2].map((k) => ({
      id: `${a.id}${k}`, areaId: a.id, name: `${a.name} ${k}`, color: null,
      geometry: { type: 'Polygon' as const, coordinates: [rect(X0 + i * STEP + (k - 1) * STEP / 2, Y0, X0 + i * STEP + (k * STEP) / 2, Y0 + STEP)] },
    })),
  )
  const ops: ChangeOp[] = [
    { entity: 'city', id: 'city', before: null, after: { name: 'Hand-made', sample: false, geometry: { type: 'Polygon', coordinates: [rect(X0, Y0, X0 + 3 * STEP, Y0 + STEP)] } } },
    ...areas.map((a): ChangeOp => ({ entity: 'area', id: a.id, before: null, after: a })),
    ...neighborhoods.map((n): ChangeOp => ({ entity: 'neighborhood', id: n.id, before: null, after: n })),
    ...officers.map((o): ChangeOp => ({ entity: 'officer', id: o.id, before: null, after: o })),
  ]
  s.changes.apply({ label: 'hand-made city', ops }, s.session.actor(), 'seed')
  s.validation.reset()
  return s
}

/** A point in the middle of neighborhood `${area}${k}` (k = 1 west half, 2 east half), nudged by `d`. */
export function pointIn(area: 'W' | 'M' | 'E', k: 1 | 2, d = 0): [number, number] {
  const i = { W: 0, M: 1, E: 2 }[area]
  return [X0 + i * STEP + ((k - 0.5) * STEP) / 2 + d, Y0 + STEP / 2 + d]
}
