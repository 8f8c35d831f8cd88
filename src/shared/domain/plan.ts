import type { AreaCommand, CityLimit, Neighborhood, Officer } from './entities'

/** Everything the map and panels draw. Private officer fields stay inside the app; the public export strips them. */
export interface PlanState {
  city: CityLimit | null
  areas: AreaCommand[]
  neighborhoods: Neighborhood[]
  officers: Officer[]
}

/** Who the user is acting as. Enforced by the main process on every change. */
export type Profile = { role: 'admin' } | { role: 'commander'; areaId: string }
