import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Finding } from '../../../shared/domain'
import type { ValidationReport } from '../../../shared/ipc/outputs'
import { api } from '../api'

export const useFindingsStore = defineStore('findings', () => {
  const report = shallowRef<ValidationReport | null>(null)
  const focused = shallowRef<Finding | null>(null)
  const running = ref(false)
  let pending: Promise<void> | null = null

  /** Coalesces calls made while one is running: edits in quick succession cost one re-validation. */
  async function refresh(): Promise<void> {
    if (pending) return pending
    running.value = true
    pending = api
      .validate()
      .then((r) => {
        report.value = r
        if (focused.value && !r.findings.some((f) => f.id === focused.value?.id)) focused.value = null
      })
      .finally(() => {
        running.value = false
        pending = null
      })
    return pending
  }

  function focus(f: Finding | null): void {
    focused.value = f
  }

  return { report, focused, running, refresh, focus }
})
