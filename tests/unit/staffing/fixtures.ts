import type { AreaCommand, AreaGeometry, Neighborhood, Officer, PlanState } from '../../../src/shared/domain'

export function rect(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  // Counter-clockwise, closed.
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ]
}

export function area(id: string, name: string, geometry: AreaGeometry, commanderId: string | null = null): AreaCommand {
  return { id, name, color: '#888', commanderId, geometry }
}

export function neighborhood(id: string, areaId: string, name: string, geometry: AreaGeometry): Neighborhood {
  return { id, areaId, name, color: null, geometry }
}

export function officer(id: string, areaId: string | null, neighborhoodId: string | null, extra: Partial<Officer> = {}): Officer {
  return {
    id,
    displayName: `Officer ${id}`,
    rank: 'Officer',
    email: `${id}@pd.example.gov`,
    deskPhone: '',
    shift: 'Day',
    status: 'active',
    areaId,
    neighborhoodId,
    private: { employeeId: '', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
    ...extra,
  }
}

export function plan(areas: AreaCommand[], neighborhoods: Neighborhood[], officers: Officer[] = []): PlanState {
  return { city: null, areas, neighborhoods, officers }
}
