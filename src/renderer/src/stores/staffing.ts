import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { StaffingSummaryOut, SuggestionOut } from '../../../shared/ipc/features/staffing-outputs'
import type { ViewsUpdate } from '../../../shared/ipc/write-result'
import { api, ApiError } from '../api'
import { usePlanStore } from './plan'

/**
 * Staffing figures from the main process. Reading them marks the staffing view shown; while it is,
 * a write that moves officers or changes areas or which area a neighborhood belongs to brings the
 * new figures in its answer (plan.took), so nothing is asked again after a write. A reshaped
 * neighborhood within its area changes none of them. `asked` counts the user's own requests for
 * fresh figures (the tolerance, calls imported), which the shift loads follow too.
 */
export const useStaffingStore = defineStore('staffing', () => {
  const plan = usePlanStore()
  const summary = shallowRef<StaffingSummaryOut | null>(null)
  /** Tolerance in percent of each area's workload share. */
  const tolerancePct = ref(10)
  const loading = ref(false)
  const error = ref<string | null>(null)
  /** Bumped by each request for fresh figures the user made. */
  const asked = ref(0)

  /** A write's answer: the figures when it changed what they count and the view is shown. */
  function took(views: ViewsUpdate | undefined): void {
    if (!views?.staffing) return
    summary.value = views.staffing
    error.value = null
  }

  async function refresh(): Promise<void> {
    asked.value++
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

  /** The staffing tab closed: writes stop working the figures out. */
  function hide(): void {
    void api.hideView({ view: 'staffing' }).catch(() => {})
  }

  return { summary, tolerancePct, loading, error, asked, took, refresh, hide, applySuggestion, resetBaseline }
})
