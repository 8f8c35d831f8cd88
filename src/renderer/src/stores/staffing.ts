import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { StaffingSummaryOut, SuggestionOut } from '../../../shared/ipc/features/staffing-outputs'
import { api, ApiError } from '../api'
import { usePlanStore } from './plan'

/** Staffing figures from the main process; refreshed by the panel after every stored change. */
export const useStaffingStore = defineStore('staffing', () => {
  const plan = usePlanStore()
  const summary = shallowRef<StaffingSummaryOut | null>(null)
  /** Tolerance in percent of each area's workload share. */
  const tolerancePct = ref(10)
  const loading = ref(false)
  const error = ref<string | null>(null)

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

  return { summary, tolerancePct, loading, error, refresh, applySuggestion, resetBaseline }
})
