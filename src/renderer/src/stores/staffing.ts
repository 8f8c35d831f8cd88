import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ChangeSet } from '../../../shared/domain'
import type { StaffingSummaryOut, SuggestionOut } from '../../../shared/ipc/features/staffing-outputs'
import { api, ApiError } from '../api'
import { usePlanStore } from './plan'

/**
 * Staffing figures from the main process. A write that moves officers or changes areas or which
 * area a neighborhood belongs to marks them stale; the staffing panel, when open, asks again.
 * A reshaped neighborhood within its area changes none of them.
 */
export const useStaffingStore = defineStore('staffing', () => {
  const plan = usePlanStore()
  const summary = shallowRef<StaffingSummaryOut | null>(null)
  /** Tolerance in percent of each area's workload share. */
  const tolerancePct = ref(10)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Bumped by a write that changes what the figures count. */
  const stale = ref(0)
  /** Bumped by any write to neighborhoods, areas or officers: per-neighborhood figures (workload by shift) follow a reshape too. */
  const reshaped = ref(0)

  function took(cs: ChangeSet): void {
    const counts = cs.ops.some((op) => op.entity !== 'neighborhood' || !op.before || !op.after || op.before.areaId !== op.after.areaId)
    if (counts) stale.value++
    if (cs.ops.some((op) => op.entity === 'neighborhood' || op.entity === 'area' || op.entity === 'officer')) reshaped.value++
  }

  async function refresh(): Promise<void> {
    loading.value = true
    try {
      summary.value = await api.staffingSummary({ tolerance: Math.min(100, Math.max(0, tolerancePct.value)) / 100 })
      error.value = null
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    } finally {
      loading.value = false
    }
  }

  /** One click, one change set, one undo step. */
  async function applySuggestion(s: SuggestionOut): Promise<boolean> {
    return (await plan.apply(s.changeSet)) !== null
  }

  async function resetBaseline(): Promise<void> {
    await api.setStaffingBaseline()
    await refresh()
  }

  return { summary, tolerancePct, loading, error, stale, reshaped, took, refresh, applySuggestion, resetBaseline }
})
