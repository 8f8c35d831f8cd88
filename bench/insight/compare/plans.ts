import type { Officer, PlanState } from '../../../src/shared/domain'
import { loadChicagoPlan } from '../../workload/chicago-plan'

/**
 * The two Chicago plans the compare bench measures: version 1 with the full beats, version 2 with
 * the simplified beats; one officer per beat, and in version 2 every tenth officer moved to the
 * next beat, so officers' credit is exercised too. Null when the data is absent.
 */
export function chicagoComparePlans(dataDir: string): { full: NonNullable<ReturnType<typeof loadChicagoPlan>>; from: PlanState; to: PlanState } | null {
  const full = loadChicagoPlan(dataDir)
  const simplified = loadChicagoPlan(dataDir, 'beats-simplified.geojson')
  if (!full || !simplified) return null
  const beatIds = full.neighborhoods.map((n) => n.id).sort()
  const officer = (id: string, nb: string | null): Officer => ({
    id, displayName: id, rank: 'Officer', email: '', deskPhone: '', shift: 'Days', status: 'active', areaId: null, neighborhoodId: nb,
    private: { employeeId: '', badge: '', personalPhone: '', personalEmail: '', homeAddress: '', notes: '' },
  })
  const from: PlanState = { city: null, areas: full.areas, neighborhoods: full.neighborhoods, officers: beatIds.map((b) => officer(`o-${b}`, b)) }
  const to: PlanState = { city: null, areas: simplified.areas, neighborhoods: simplified.neighborhoods, officers: beatIds.map((b, i) => officer(`o-${b}`, i % 10 === 0 ? beatIds[(i + 1) % beatIds.length] : b)) }
  return { full, from, to }
}
