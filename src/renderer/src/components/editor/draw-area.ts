import type { LonLat, PlanState } from '../../../../shared/domain'
import { containsPoint } from '../../map/edit/hit-test'

/**
 * The Area Command a drawn outline belongs to: the selected area when the profile may edit it
 * and the outline touches it, else the editable area holding most of the outline's corners.
 */
export function areaForOutline(plan: PlanState, ring: LonLat[], selectedAreaId: string | null, canEdit: (id: string) => boolean): string | null {
  const counts = plan.areas
    .filter((a) => canEdit(a.id))
    .map((a) => ({ id: a.id, n: ring.filter((p) => containsPoint(a.geometry, p)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
  if (selectedAreaId && counts.some((c) => c.id === selectedAreaId)) return selectedAreaId
  return counts[0]?.id ?? null
}
