import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { applyFindingsDelta, areaCoverage, findingsChange, findingsDelta, type Finding, type FindingsChange } from '../../../shared/domain'
import type { ValidationReport } from '../../../shared/ipc/outputs'
import type { FindingsUpdate } from '../../../shared/ipc/write-result'
import { api } from '../api'
import { usePlanStore } from './plan'

export const useFindingsStore = defineStore('findings', () => {
  const report = shallowRef<ValidationReport | null>(null)
  const focused = shallowRef<Finding | null>(null)
  const running = ref(false)
  /** What the last write did to the list (added, removed, changed); null until known. */
  const lastChange = shallowRef<FindingsChange | null>(null)
  let pending: Promise<void> | null = null

  function show(r: ValidationReport): void {
    report.value = r
    if (focused.value && !r.findings.some((f) => f.id === focused.value?.id)) focused.value = null
  }

  /** The whole plan check: at startup, after the tolerances change, or when the list fell out of step. Calls made while one runs share it. */
  async function refresh(): Promise<void> {
    if (pending) return pending
    running.value = true
    pending = api
      .validate()
      .then(show)
      .finally(() => {
        running.value = false
        pending = null
      })
    return pending
  }

  /** A write's findings: applied to the list held here when it builds on it, else the whole list is asked for. */
  function took(u: FindingsUpdate): void {
    const held = report.value
    let findings: Finding[]
    lastChange.value = null
    if ('all' in u) {
      findings = u.all
      if (held) lastChange.value = findingsChange(held.findings, findingsDelta(held.findings, findings))
    } else if (held && held.version === u.base) {
      findings = applyFindingsDelta(held.findings, u.delta)
      lastChange.value = findingsChange(held.findings, u.delta)
    } else {
      const before = held?.findings
      void refresh().then(() => {
        if (before && report.value) lastChange.value = findingsChange(before, findingsDelta(before, report.value.findings))
      })
      return
    }
    show({ summary: u.summary, findings, coverage: areaCoverage(usePlanStore().plan, findings), version: u.version })
  }

  function focus(f: Finding | null): void {
    focused.value = f
  }

  return { report, focused, running, lastChange, refresh, took, focus }
})
