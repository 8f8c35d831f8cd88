import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AreaGeometry, LonLat } from '../../../shared/domain'
import type { PlanRef, PublishInput, PublishResult, PublishStatus, VersionInfo } from '../../../shared/ipc/features/publish-contract'
import type { LookupAnswer } from '../../../shared/lookup/point-lookup'
import type { PlanDiff } from '../../../shared/publish/plan-diff'
import { api } from '../api'
import { formatDate } from '../../../shared/units/dates'

/** Ground to draw over the map: what a diff moved, or the point a lookup answered. */
export interface Highlight {
  areas: { geometry: AreaGeometry; kind: 'gained' | 'lost' }[]
  point: LonLat | null
}

export const usePublishStore = defineStore('publish', () => {
  const status = ref<PublishStatus | null>(null)
  const versions = ref<VersionInfo[]>([])
  const diff = shallowRef<PlanDiff | null>(null)
  const diffRefs = ref<{ from: PlanRef; to: PlanRef } | null>(null)
  const diffError = ref<string | null>(null)
  const lookupAt = ref<LonLat | null>(null)
  const lookupAnswer = shallowRef<LookupAnswer | null>(null)
  const lookupError = ref<string | null>(null)
  const showDiffOnMap = ref(true)

  /** "Published v3" when the stored plan is what v3 published, else "Draft (since v3, Jul 1, 2025)". */
  const planLabel = computed(() => {
    const s = status.value
    if (!s) return ''
    if (!s.last) return 'Draft (never published)'
    return s.draftChanged ? `Draft (since v${s.last.number}, ${formatDate(s.last.effectiveDate)})` : `Published v${s.last.number}`
  })

  const highlight = computed<Highlight>(() => {
    const areas: Highlight['areas'] = []
    if (diff.value && showDiffOnMap.value) {
      for (const r of diff.value.neighborhoods.reshaped) {
        if (r.geometryGained) areas.push({ geometry: r.geometryGained, kind: 'gained' })
        if (r.geometryLost) areas.push({ geometry: r.geometryLost, kind: 'lost' })
      }
    }
    return { areas, point: lookupAt.value }
  })

  async function refresh(): Promise<void> {
    const [s, v] = await Promise.all([api.publishStatus(), api.listVersions()])
    status.value = s
    versions.value = v
  }

  /** A write's publish status: the plan changed, so the draft may have. */
  function took(s: PublishStatus): void {
    status.value = s
  }

  async function publish(input: PublishInput): Promise<PublishResult> {
    const r = await api.publish(input)
    await refresh()
    return r
  }

  async function compare(from: PlanRef, to: PlanRef): Promise<void> {
    diffRefs.value = { from, to }
    diffError.value = null
    try {
      diff.value = await api.diffVersions({ from, to })
    } catch (e) {
      diff.value = null
      diffError.value = (e as Error).message
    }
  }

  function clearDiff(): void {
    diff.value = null
    diffRefs.value = null
  }

  async function lookup(lon: number, lat: number): Promise<LookupAnswer | null> {
    lookupError.value = null
    lookupAt.value = [lon, lat]
    try {
      lookupAnswer.value = await api.lookupPoint({ lon, lat })
    } catch (e) {
      lookupAnswer.value = null
      lookupError.value = (e as Error).message
    }
    return lookupAnswer.value
  }

  function clearLookup(): void {
    lookupAt.value = null
    lookupAnswer.value = null
    lookupError.value = null
  }

  return {
    status, versions, diff, diffRefs, diffError, lookupAt, lookupAnswer, lookupError, showDiffOnMap, planLabel, highlight,
    refresh, took, publish, compare, clearDiff, lookup, clearLookup,
  }
})
