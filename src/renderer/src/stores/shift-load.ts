import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { NestingOut, ShiftLoadOut } from '../../../shared/ipc/features/staffing-outputs'
import type { Shift } from '../../../shared/staffing/shifts'
import type { ViewsUpdate } from '../../../shared/ipc/write-result'
import { api, ApiError } from '../api'
import { useStaffingStore } from './staffing'
import { usePlanStore } from './plan'

/**
 * Workload by shift (the stored calls replayed onto the draft) and the CAD beat nesting check.
 * Any write to neighborhoods, areas or officers can move a shift's load: while the figures are
 * shown, such a write brings them, worked out again for the quarter and shift asked, in its answer.
 */
export const useShiftLoadStore = defineStore('shift-load', () => {
  const staffing = useStaffingStore()
  const out = shallowRef<ShiftLoadOut | null>(null)
  const quarter = ref<string | null>(null)
  const shift = ref<string | null>(null)
  const error = ref<string | null>(null)
  const nesting = shallowRef<NestingOut | null>(null)
  const nestingError = ref<string | null>(null)

  async function refresh(): Promise<void> {
    try {
      out.value = await api.staffingByShift({ tolerance: Math.min(100, Math.max(0, staffing.tolerancePct)) / 100, quarter: quarter.value, shift: shift.value })
      error.value = null
    } catch (e) {
      error.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  /** A write's answer: the figures when it moved them and they are shown. */
  function took(views: ViewsUpdate | undefined): void {
    if (!views?.byShift) return
    out.value = views.byShift
    error.value = null
  }

  /** The figures left the window: writes stop working them out. */
  function hide(): void {
    void api.hideView({ view: 'byShift' }).catch(() => {})
  }

  /** Saves the department's shifts; returns the refusal's message, or null when saved. */
  async function saveShifts(shifts: Shift[]): Promise<string | null> {
    try {
      const r = await api.setShifts({ shifts })
      if (r.write) usePlanStore().took(r.write)
      if (shift.value && !shifts.some((s) => s.name === shift.value)) shift.value = null
      await refresh()
      return null
    } catch (e) {
      return e instanceof ApiError ? e.message : String(e)
    }
  }

  async function checkNesting(file: { name: string; bytes: Uint8Array<ArrayBuffer> }, idField: string, tolerancePct: number): Promise<void> {
    try {
      nesting.value = await api.checkNesting({ file, idField, tolerance: tolerancePct / 100 })
      nestingError.value = null
    } catch (e) {
      nesting.value = null
      nestingError.value = e instanceof ApiError ? e.message : String(e)
    }
  }

  return { out, quarter, shift, error, refresh, took, hide, saveShifts, nesting, nestingError, checkNesting }
})
